import { importDiagram, reportLines, type ImportOptions } from '../../shared/import';
import type { Diagram } from '../../shared/model/schema';
import { mustLoad } from '../helpers';

/** Imports a file that must make a valid diagram, failing the test with the problems otherwise; with the report as a person reads it. */
export async function mustImport(text: string, options: ImportOptions = {}): Promise<{ diagram: Diagram; lines: string[] }> {
  const result = await importDiagram(text, options);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return { diagram: mustLoad(result.diagram), lines: reportLines(result.report) };
}
