import type { ActionId } from '../../shared/actions';
import { isHostError } from '../../shared/ipc';
import { confirmDiscard, openContent, saveDocument } from '../app/documentIO';
import { importChosenFile } from '../app/importing';
import type { AppContext } from '../app/context';
import { addAnnotation, copySelection, deleteSelection, emptyDiagram, groupNodes, moveNodes, paste, ungroupNodes, type Clip } from '../state/commands';
import { EMPTY_SELECTION, type EditorState } from '../state/store';
import { panelShown, type PanelLayout, type PanelName } from '../app/panelLayout';
import { runLayout } from './layout';
import { readClip, writeClip } from './clipboard';
import { copyPicture, defaultChoice } from '../export/exporting';

type Perform = (ctx: AppContext) => unknown;

/** Changes the panel layout (not the document, so not undoable). */
function setPanels(ctx: AppContext, change: (panels: PanelLayout) => PanelLayout): void {
  ctx.store.set({ panels: change(ctx.store.getState().panels) });
}

/** Shows or hides one panel; leaves focus mode, so the panel asked for is seen. */
function togglePanel(panel: PanelName): Perform {
  return (ctx) => setPanels(ctx, (p) => {
    const shown = panelShown(p, panel);
    return { ...p, focus: false, collapsed: { ...p.collapsed, [panel]: shown } };
  });
}

/** Pastes a clip a little below and right of the original, as one step, and selects the copies. */
function pasteClip(ctx: AppContext, clip: Clip, label: string): void {
  let selection = EMPTY_SELECTION;
  ctx.store.commit(label, (d) => {
    selection = paste(d, clip, { x: 32, y: 32 });
  });
  ctx.store.set({ selection });
}

const hasSelection = (s: EditorState) => s.selection.nodes.length + s.selection.edges.length + (s.selection.annotations?.length ?? 0) > 0;

/** Adds a sticky note or free text in the middle of the visible canvas (clear of one already there), as one step, and selects it. */
function addAnnotationAction(kind: 'note' | 'text'): Perform {
  return (ctx) => {
    const box = document.querySelector('.canvas')?.getBoundingClientRect();
    const centre = box && ctx.flow()?.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
    const at = { x: Math.round(centre ? centre.x - 100 : 0), y: Math.round(centre ? centre.y - 30 : 0) };
    const taken = ctx.store.getState().doc.annotations ?? [];
    while (taken.some((a) => a.position.x === at.x && a.position.y === at.y)) {
      at.x += 24;
      at.y += 24;
    }
    let id = '';
    ctx.store.commit(kind === 'note' ? 'Add Sticky Note' : 'Add Text', (d) => {
      id = addAnnotation(d, kind, at, kind === 'note' ? 'Note' : 'Text');
    });
    ctx.store.set({ selection: { nodes: [], edges: [], annotations: [id] } });
  };
}
const hasNodes = (s: EditorState) => s.selection.nodes.length > 0;
const hasNodesOrNotes = (s: EditorState) => hasNodes(s) || (s.selection.annotations?.length ?? 0) > 0;

function nudge(dx: number, dy: number): Perform {
  return (ctx) => {
    const ids = ctx.store.getState().selection.nodes;
    if (ids.length > 0) ctx.store.commit('Nudge', (d) => moveNodes(d, ids, dx, dy), `nudge:${ids.join(',')}`);
  };
}

/** How each action is carried out, once, whatever triggered it. */
const PERFORM: Record<ActionId, Perform> = {
  'file.new': async (ctx) => {
    if (await confirmDiscard(ctx)) ctx.store.load(emptyDiagram(), { name: 'Untitled.mlsd.json', ref: null });
  },
  'file.newFromBlueprint': (ctx) => ctx.store.set({ dialog: 'blueprints' }),
  'file.open': async (ctx) => {
    if (!(await confirmDiscard(ctx))) return;
    const opened = await ctx.host.openFile();
    if (opened === null) return;
    if (isHostError(opened)) ctx.store.set({ notice: opened.error });
    else await openContent(ctx, opened);
  },
  'file.import': (ctx) => importChosenFile(ctx),
  'file.save': (ctx) => saveDocument(ctx, false),
  'file.saveAs': (ctx) => saveDocument(ctx, true),
  'file.export': (ctx) => ctx.store.set({ dialog: 'export' }),
  'practice.start': (ctx) => ctx.store.set({ dialog: 'practice' }),
  'practice.host': (ctx) => ctx.store.set({ dialog: 'host' }),
  'edit.copyAsPng': (ctx) => copyPicture(ctx, 'png', defaultChoice(ctx)),
  'edit.copyAsSvg': (ctx) => copyPicture(ctx, 'svg', defaultChoice(ctx)),
  'edit.undo': (ctx) => ctx.store.undo(),
  'edit.redo': (ctx) => ctx.store.redo(),
  'edit.copy': async (ctx) => {
    const clip = copySelection(ctx.store.getState().doc, ctx.store.getState().selection);
    if (clip) await writeClip(clip);
  },
  'edit.cut': async (ctx) => {
    const { doc, selection } = ctx.store.getState();
    const clip = copySelection(doc, selection);
    if (clip) await writeClip(clip);
    ctx.store.commit('Cut', (d) => deleteSelection(d, selection));
  },
  'edit.paste': async (ctx) => {
    const clip = await readClip();
    if (!clip) return;
    if (!clip.ok) return ctx.store.set({ notice: clip.reason });
    pasteClip(ctx, clip.clip, 'Paste');
    if (clip.note) ctx.store.set({ notice: clip.note });
  },
  'edit.duplicate': (ctx) => {
    const { doc, selection } = ctx.store.getState();
    const clip = copySelection(doc, selection);
    if (clip) pasteClip(ctx, clip, 'Duplicate');
  },
  'edit.addNote': addAnnotationAction('note'),
  'edit.addText': addAnnotationAction('text'),
  'edit.delete': (ctx) => {
    const { selection } = ctx.store.getState();
    ctx.store.commit('Delete', (d) => deleteSelection(d, selection));
    ctx.store.set({ selection: EMPTY_SELECTION });
  },
  'edit.selectAll': (ctx) => {
    const { doc } = ctx.store.getState();
    const annotations = (doc.annotations ?? []).map((a) => a.id);
    ctx.store.set({ selection: { nodes: doc.nodes.map((n) => n.id), edges: doc.edges.map((e) => e.id), ...(annotations.length > 0 && { annotations }) } });
  },
  'edit.group': (ctx) => {
    const ids = ctx.store.getState().selection.nodes;
    ctx.store.commit('Group', (d) => void groupNodes(d, ids));
  },
  'edit.ungroup': (ctx) => {
    const ids = ctx.store.getState().selection.nodes;
    ctx.store.commit('Ungroup', (d) => ungroupNodes(d, ids));
  },
  'edit.nudgeLeft': nudge(-8, 0),
  'edit.nudgeRight': nudge(8, 0),
  'edit.nudgeUp': nudge(0, -8),
  'edit.nudgeDown': nudge(0, 8),
  'edit.nudgeLeftFar': nudge(-80, 0),
  'edit.nudgeRightFar': nudge(80, 0),
  'edit.nudgeUpFar': nudge(0, -80),
  'edit.nudgeDownFar': nudge(0, 80),
  'view.fit': (ctx) => ctx.flow()?.fitView({ padding: 0.1, duration: 250 }),
  'view.zoomIn': (ctx) => ctx.flow()?.zoomIn({ duration: 150 }),
  'view.zoomOut': (ctx) => ctx.flow()?.zoomOut({ duration: 150 }),
  'view.autoLayout': (ctx) => runLayout(ctx),
  'view.layoutSelection': (ctx) => runLayout(ctx, ctx.store.getState().selection.nodes),
  'view.togglePalette': togglePanel('palette'),
  'view.toggleInspector': togglePanel('inspector'),
  'view.toggleDiagnostics': togglePanel('bottom'),
  'view.focusMode': (ctx) => setPanels(ctx, (p) => ({ ...p, focus: !p.focus })),
  'view.minimap': (ctx) => setPanels(ctx, (p) => ({ ...p, minimap: !p.minimap })),
  'view.darkMode': (ctx) => ctx.store.set({ theme: ctx.store.getState().theme === 'dark' ? 'light' : 'dark' }),
  'help.shortcuts': (ctx) => ctx.store.set({ dialog: 'shortcuts' }),
  'view.simulate': (ctx) => ctx.store.set({ dialog: 'simulate' }),
};

/** When an action can run; the others are always available. */
const ENABLED: Partial<Record<ActionId, (s: EditorState) => boolean>> = {
  'edit.undo': (s) => s.past.length > 0 || s.gestureBase !== null,
  'edit.redo': (s) => s.future.length > 0,
  'edit.copy': hasNodesOrNotes,
  'edit.copyAsPng': (s) => s.doc.nodes.length > 0,
  'edit.copyAsSvg': (s) => s.doc.nodes.length > 0,
  'file.export': (s) => s.doc.nodes.length > 0,
  'edit.cut': hasNodesOrNotes,
  'edit.duplicate': hasNodesOrNotes,
  'edit.delete': hasSelection,
  'view.layoutSelection': (s) => s.selection.nodes.length > 1,
  'edit.group': hasNodes,
  'edit.ungroup': (s) => s.selection.nodes.some((id) => s.doc.nodes.find((n) => n.id === id)?.group),
};

/** Whether an action can run in this state. */
export function isEnabled(id: ActionId, state: EditorState): boolean {
  if (!Object.hasOwn(PERFORM, id)) return false;
  return Object.hasOwn(ENABLED, id) ? ENABLED[id]!(state) : true;
}

/** Runs an action by id if it is enabled; returns whether it ran. */
export async function perform(id: ActionId, ctx: AppContext): Promise<boolean> {
  if (!isEnabled(id, ctx.store.getState())) return false;
  await PERFORM[id](ctx);
  return true;
}
