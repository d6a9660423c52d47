import { formatName, IMPORT_EXTENSIONS, importDiagram, reportLines } from '../../shared/import';
import { isHostError } from '../../shared/ipc';
import { loadDiagramValue } from '../../shared/model/load';
import { formatProblem } from '../../shared/model/problems';
import type { AppContext } from './context';
import { confirmDiscard, withLayout } from './documentIO';
import { showOpeningView } from '../canvas/showOpeningView';

/**
 * Whether a dropped file is one to import rather than open: a Mermaid,
 * draw.io, SVG or Excalidraw file by its name, or JSON that is an
 * Excalidraw scene. MLSD Studio's own `.mlsd.json` files open as they are.
 */
export function isImportFile(name: string, content: string): boolean {
  const lower = name.toLowerCase();
  if (lower.endsWith('.mlsd.json')) return false;
  if (lower.endsWith('.json')) return /^\s*\{\s*"type"\s*:\s*"excalidraw/.test(content.slice(0, 200));
  return IMPORT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** The name an imported document is offered under when saved: the file's name with `.mlsd.json`. */
function documentName(fileName: string): string {
  const base = fileName.replace(/\.(drawio\.svg|drawio\.xml|[a-z]+)$/i, '') || 'imported';
  return `${base}.mlsd.json`;
}

/**
 * Imports file content into a new unsaved document and shows what was
 * guessed; a file that cannot be imported shows every problem, each saying
 * where, and leaves the open document as it was.
 */
export async function importContent(ctx: AppContext, name: string, content: string): Promise<boolean> {
  const imported = await importDiagram(content, { fileName: name });
  if (!imported.ok) {
    ctx.store.set({ loadProblems: { name, problems: imported.problems } });
    return false;
  }
  const loaded = loadDiagramValue(imported.diagram);
  if (!loaded.ok) {
    ctx.store.set({ loadProblems: { name, problems: loaded.problems.map((p) => `in the imported diagram, ${formatProblem(p)}`) } });
    return false;
  }
  const { nodes, edges } = loaded.diagram;
  // Not saved anywhere yet: closing asks first, and the work is kept for recovery.
  ctx.store.load(await withLayout(ctx, loaded.diagram), { name: documentName(name), ref: null }, true);
  ctx.store.set({
    importReport: { name, lines: [`${nodes.length} node${nodes.length === 1 ? '' : 's'} and ${edges.length} edge${edges.length === 1 ? '' : 's'} from ${formatName(imported.report)}.`, ...reportLines(imported.report)] },
  });
  requestAnimationFrame(() => showOpeningView(ctx));
  return true;
}

/** File > Import: asks before unsaved work would be lost, then lets the person pick a Mermaid, draw.io or Excalidraw file. */
export async function importChosenFile(ctx: AppContext): Promise<void> {
  if (!(await confirmDiscard(ctx))) return;
  const chosen = await ctx.host.openFile({ forImport: true });
  if (chosen === null) return;
  if (isHostError(chosen)) ctx.store.set({ notice: chosen.error });
  else await importContent(ctx, chosen.name, chosen.content);
}
