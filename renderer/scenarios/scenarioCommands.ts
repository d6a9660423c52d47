import type { Diagram } from '../../shared/model/schema';
import { addScenario, deleteScenario, renameScenario, switchScenario } from '../../shared/scenarios';
import type { EditorStore } from '../state/store';

/** Makes a draft equal to another diagram, field by field, so the change is one undo step like any edit. */
function become(draft: Diagram, next: Diagram): void {
  const target = draft as Record<string, unknown>;
  for (const key of Object.keys(target)) if (!(key in next)) delete target[key];
  Object.assign(target, next);
}

/** Runs one scenario operation on the document as an undoable step; its error (a refused name) comes back as text. */
function commitScenario(store: EditorStore, label: string, change: (doc: Diagram) => Diagram): string | undefined {
  let next: Diagram;
  try {
    next = change(store.getState().doc);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (next === store.getState().doc) return undefined;
  store.commit(label, (draft) => become(draft, next));
  store.set({ selection: { nodes: [], edges: [] } });
  return undefined;
}

/** Shows another scenario (undoable); neither variant's edits are lost. */
export function showScenario(store: EditorStore, name: string): void {
  commitScenario(store, `Show scenario "${name}"`, (doc) => switchScenario(doc, name));
}

/** A new scenario copying the one shown, then shown; or why the name is refused. */
export function newScenario(store: EditorStore, name: string): string | undefined {
  return commitScenario(store, `New scenario "${name}"`, (doc) => addScenario(doc, name));
}

/** Renames a scenario; or why the name is refused. */
export function renameScenarioCommand(store: EditorStore, from: string, to: string): string | undefined {
  return commitScenario(store, `Rename scenario "${from}"`, (doc) => renameScenario(doc, from, to));
}

/** Deletes a scenario (undoable). */
export function deleteScenarioCommand(store: EditorStore, name: string): void {
  commitScenario(store, `Delete scenario "${name}"`, (doc) => deleteScenario(doc, name));
}
