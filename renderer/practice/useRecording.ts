import { produce } from 'immer';
import { useEffect } from 'react';
import type { ReplayEvent } from '../../shared/model/practiceSchema';
import { recordChange } from '../../shared/practice/replay';
import { useApp } from '../app/AppContext';
import { practiceElapsedMs, type EditorStore } from '../state/store';
import { CLOCK_SAVE_MS, sessionChanges } from './restore';

const NO_EVENTS: readonly ReplayEvent[] = [];

/**
 * Keeps a running practice session in its document: every change of the
 * design and the notes goes into the replay log at the session's time, and
 * the clock and flags are saved as they change. Returns the unsubscribe.
 */
export function recordPractice(store: EditorStore, now: () => number = Date.now): () => void {
  let last = store.getState().doc;
  let lastFile = store.getState().file;
  let amending = false;
  const sync = () => {
    const state = store.getState();
    const { doc, practice: session } = state;
    if (amending || state.gestureBase) return; // a drag records once, when it ends
    const opened = state.file !== lastFile && state.past.length === 0 && state.future.length === 0;
    lastFile = state.file;
    if (!doc.practice || !session || session.slug !== doc.practice.slug || opened) {
      last = doc;
      return;
    }
    const elapsedMs = practiceElapsedMs(session, now());
    const changes = sessionChanges(doc.practice, session, elapsedMs);
    if (doc === last && !changes) return;
    // The session's flags are part of what a replay shows (the moment of lock-in), so they are recorded with the design.
    const next = changes ? produce(doc, (d) => void Object.assign(d.practice!, changes)) : doc;
    const current = doc.practice.log ?? NO_EVENTS;
    const log = recordChange(current, last, next, elapsedMs);
    amending = true;
    try {
      store.amend((d) => {
        Object.assign(d.practice!, changes ?? {});
        if (log !== current) d.practice!.log = [...log];
      });
    } finally {
      amending = false;
    }
    last = store.getState().doc;
  };
  const unsubscribe = store.subscribe(sync);
  const timer = setInterval(sync, CLOCK_SAVE_MS);
  return () => {
    unsubscribe();
    clearInterval(timer);
  };
}

/** Records the open practice session into its document while the editor is open. */
export function usePracticeRecording(): void {
  const { store } = useApp();
  useEffect(() => recordPractice(store), [store]);
}
