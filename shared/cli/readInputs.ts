import { CatalogSchema, DEFAULT_CATALOG, type Catalog } from '../catalog';
import { decodeText, loadDiagram, parseJson, type LoadResult } from '../model/load';
import { problemCount } from '../model/loadBounds';
import { formatProblem } from '../model/problems';
import type { Diagram } from '../model/schema';
import { problemsFromIssues } from '../model/zodProblems';
import type { CliIO } from './io';

/**
 * A file's text, or why it has none: the bytes are let go once decoded, so a
 * large file's bytes are not held while its text is parsed.
 */
function readText(io: CliIO, path: string): { read: false; message: string } | ({ read: true } & ReturnType<typeof decodeText>) {
  const file = io.readFile(path);
  return file.ok ? { read: true, ...decodeText(file.bytes) } : { read: false, message: file.message };
}

/** Reads and validates a diagram file; prints every problem to stderr when it cannot. */
export function readDiagram(io: CliIO, path: string, catalog: Catalog, keepIndex = false): Diagram | undefined {
  const text = readText(io, path);
  if (!text.read) {
    io.stderr(`mlsd: cannot read ${path}: ${text.message}\n`);
    return undefined;
  }
  const result: LoadResult = text.ok ? loadDiagram(text.text, { catalog, keepIndex }) : { ok: false, problems: [{ path: '', message: text.message }] };
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
