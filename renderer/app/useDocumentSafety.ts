import { useEffect } from 'react';
import { isHostError } from '../../shared/ipc';
import { onHostEvent } from '../host/electronHost';
import { isDirty } from '../state/store';
import { useApp } from './AppContext';
import { confirmDiscard, openContent, writeRecoveryCopy } from './documentIO';

/** How often unsaved work is copied to the recovery location. */
export const AUTOSAVE_MS = 5_000;

/**
 * Keeps the user's work safe: the window title shows the name and an unsaved
 * marker; unsaved work is copied for recovery every few seconds and when the
 * window loses focus; closing with unsaved work asks first.
 */
export function useDocumentSafety(): void {
  const ctx = useApp();
  useEffect(() => {
    const { store, host } = ctx;
    let lastTitle = '';
    let lastWritten: unknown = null;
    const syncTitle = () => {
      const state = store.getState();
      const title = `${state.file.name}${isDirty(state) ? ' •' : ''}`;
      if (title === lastTitle) return;
      lastTitle = title;
      void host.setTitle({ title: state.file.name, dirty: isDirty(state) });
    };
    let lastProblem: string | null = null;
    const autosave = () => {
      const state = store.getState();
      if (!isDirty(state) || state.doc === lastWritten) return;
      lastWritten = state.doc;
      void writeRecoveryCopy(ctx).then((problem) => {
        // A copy that cannot be kept (disk full) is said once, not every few seconds; the next change tries again.
        if (problem && problem !== lastProblem) store.set({ notice: problem });
        if (problem) lastWritten = null;
        lastProblem = problem;
      });
    };
    syncTitle();
    const unsubscribe = store.subscribe(syncTitle);
    const timer = setInterval(autosave, AUTOSAVE_MS);
    window.addEventListener('blur', autosave);
    const beforeUnload = (event: BeforeUnloadEvent) => {
      autosave();
      if (isDirty(store.getState()) && !ctx.bridge) event.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    const offClose = onHostEvent(ctx.bridge, 'closeRequested', async () => {
      autosave();
      if (await confirmDiscard(ctx)) {
        await host.clearRecovery();
        await host.closeWindow();
      }
    });
    const offOpen = onHostEvent(ctx.bridge, 'openFile', async ({ ref }) => {
      if (!(await confirmDiscard(ctx))) return;
      const opened = await host.openRecent({ ref });
      if (isHostError(opened)) store.set({ notice: opened.error });
      else await openContent(ctx, opened);
    });
    return () => {
      unsubscribe();
      clearInterval(timer);
      window.removeEventListener('blur', autosave);
      window.removeEventListener('beforeunload', beforeUnload);
      offClose();
      offOpen();
    };
  }, [ctx]);
}
