import { CatalogSchema, DEFAULT_CATALOG, type Catalog } from '../catalog';
import { decodeText, loadDiagram, parseJson } from '../model/load';
import { problemCount } from '../model/loadBounds';
import { formatProblem } from '../model/problems';
import type { Diagram } from '../model/schema';
import { problemsFromIssues } from '../model/zodProblems';
import type { CliIO } from './io';

/** Reads and validates a diagram file; prints every problem to stderr when it cannot. */
export function readDiagram(io: CliIO, path: string, catalog: Catalog): Diagram | undefined {
  const file = io.readFile(path);
  if (!file.ok) {
    io.stderr(`mlsd: cannot read ${path}: ${file.message}\n`);
    return undefined;
  }
  const result = loadDiagram(file.bytes, { catalog });
  if (result.ok) return result.diagram;
  const count = problemCount(result.problems);
  io.stderr(`${path} is not a valid diagram (${count.toLocaleString('en-US')} problem${count === 1 ? '' : 's'}):\n`);
  for (const problem of result.problems) io.stderr(`${formatProblem(problem)}\n`);
  return undefined;
}

/** The price catalog: the built-in one, or a user's file given with --prices. */
export function readCatalog(io: CliIO, path: string | undefined): Catalog | undefined {
  if (path === undefined) return DEFAULT_CATALOG;
  const file = io.readFile(path);
  if (!file.ok) {
    io.stderr(`mlsd: cannot read ${path}: ${file.message}\n`);
    return undefined;
  }
  const text = decodeText(file.bytes);
  const json = text.ok ? parseJson(text.text) : text;
  if (!json.ok) {
    io.stderr(`${path}: ${json.message}\n`);
    return undefined;
  }
  const parsed = CatalogSchema.safeParse(json.value);
  if (parsed.success) return parsed.data;
  io.stderr(`${path} is not a valid price catalog:\n`);
  for (const problem of problemsFromIssues(CatalogSchema, parsed.error.issues, json.value)) io.stderr(`${formatProblem(problem)}\n`);
  return undefined;
}
