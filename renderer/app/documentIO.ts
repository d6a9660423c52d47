import { blueprint } from '../../shared/blueprints';
import { isHostError, type OpenedFile } from '../../shared/ipc';
import { applyLayout, withPositions } from '../../shared/layout/elkGraph';
import { formatDiagramFile } from '../../shared/model/formatFile';
import { loadDiagram } from '../../shared/model/load';
import { formatProblem } from '../../shared/model/problems';
import type { Diagram } from '../../shared/model/schema';
import { isDirty } from '../state/store';
import { showStudy } from '../study/study';
import type { AppContext } from './context';
import { showOpeningView } from '../canvas/showOpeningView';

/** The file content of a document: pretty JSON, as the format describes. */
export function serialize(doc: Diagram): string {
  return formatDiagramFile(doc);
}

/** File name offered for a new document. */
export function suggestedName(doc: Diagram): string {
  const base = doc.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'design';
  return `${base}.mlsd.json`;
}

/** Lays out the nodes that have no position yet (a blueprint, a hand-written file). */
export async function withLayout(ctx: AppContext, doc: Diagram): Promise<Diagram> {
  if (doc.nodes.every((n) => n.position)) return doc;
  try {
    return applyLayout(doc, await ctx.layout.layout(doc));
  } catch {
    return withPositions(doc, new Map(doc.nodes.map((n, i) => [n.id, n.position ?? { x: (i % 6) * 260, y: Math.floor(i / 6) * 130 }])));
  }
}

/**
 * Asks before unsaved work would be lost; saves first when asked to.
 * Returns whether to go on.
 */
export async function confirmDiscard(ctx: AppContext): Promise<boolean> {
  const state = ctx.store.getState();
  if (!isDirty(state)) return true;
  const choice = await ctx.host.confirmDiscard({ name: state.file.name });
  if (choice === 'cancel') return false;
  if (choice === 'save') return saveDocument(ctx, false);
  return true;
}

/**
 * Opens file content: validated first, so a file with problems shows them all
 * and leaves the open document untouched.
 */
export async function openContent(ctx: AppContext, opened: OpenedFile): Promise<boolean> {
  const result = loadDiagram(opened.content);
  if (!result.ok) {
    ctx.store.set({ loadProblems: { name: opened.name, problems: result.problems.map(formatProblem) } });
    return false;
  }
  ctx.store.load(await withLayout(ctx, result.diagram), { name: opened.name, ref: opened.ref });
  requestAnimationFrame(() => showOpeningView(ctx));
  return true;
}

/** Opens a blueprint as a new, unsaved document. */
export async function openBlueprint(ctx: AppContext, slug: string): Promise<boolean> {
  const diagram = blueprint(slug);
  if (!diagram) return false;
  ctx.store.load(await withLayout(ctx, diagram), { name: `${slug}.mlsd.json`, ref: null });
  showStudy(ctx.store);
  requestAnimationFrame(() => showOpeningView(ctx));
  return true;
}

/** Saves where the document came from, or asks where (Save As). Returns whether it was saved. */
export async function saveDocument(ctx: AppContext, forceAsk: boolean): Promise<boolean> {
  ctx.store.endGesture('Move');
  const { doc, file } = ctx.store.getState();
  const content = serialize(doc);
  const saved = file.ref && !forceAsk ? await ctx.host.save({ ref: file.ref, content }) : await ctx.host.saveAs({ suggestedName: file.ref ? file.name : suggestedName(doc), content });
  if (saved === null) return false;
  if (isHostError(saved)) {
    // The document stays unsaved, and its recovery copy is brought up to date rather than dropped.
    await writeRecoveryCopy(ctx);
    ctx.store.set({ notice: saved.error });
    return false;
  }
  // Only what was written counts as saved: later edits stay unsaved, and so does their recovery copy.
  if (ctx.store.getState().doc === doc) {
    ctx.store.markSaved(saved);
    await ctx.host.clearRecovery();
  } else {
    ctx.store.set({ file: saved });
    await writeRecoveryCopy(ctx);
  }
  ctx.store.set({ notice: `Saved ${saved.name}` });
  return true;
}

/** Copies the open document into this window's recovery slot now; returns why it could not, or null. */
export async function writeRecoveryCopy(ctx: AppContext): Promise<string | null> {
  const { doc, file } = ctx.store.getState();
  const kept = await ctx.host.writeRecovery({ name: file.name, ref: file.ref, content: serialize(doc), savedAtMs: Date.now() });
  return isHostError(kept) ? kept.error : null;
}
