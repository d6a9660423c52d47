import { useEffect } from 'react';
import type { Diagram } from '../../shared/model/schema';
import { useApp } from '../app/AppContext';
import type { EditorStore } from '../state/store';

/** Whether a document carries a case's write-up to study: any of the seven steps written. */
export function hasWriteUp(doc: Diagram): boolean {
  return Object.values(doc.brief?.steps ?? {}).some((text) => Boolean(text));
}

/** Opens the Study tab beside a document that has a write-up (a blueprint just opened), outside practice. */
export function showStudy(store: EditorStore): void {
  const { doc, practice } = store.getState();
  if (practice === null && hasWriteUp(doc)) store.set({ sidePanel: 'study' });
}

/** Selecting a component while studying shows it in the inspector; the Study tab brings the write-up back. */
export function useStudyFollowsSelection(): void {
  const { store } = useApp();
  useEffect(() => {
    let last = store.getState().selection;
    return store.subscribe(() => {
      const { selection, sidePanel } = store.getState();
      if (selection === last) return;
      last = selection;
      if (sidePanel === 'study' && selection.nodes.length + selection.edges.length > 0) store.set({ sidePanel: 'inspector' });
    });
  }, [store]);
}
