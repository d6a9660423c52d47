import { useCallback, useEffect } from 'react';
import type { ActionId } from '../../shared/actions';
import { actionForKey, GLOBAL_WHILE_TYPING, isTyping } from '../actions/keys';
import { perform } from '../actions/perform';
import { onHostEvent } from '../host/electronHost';
import { useApp } from './AppContext';

/** Runs actions by id; the same path for keys, native menus, buttons and tests. */
export function useRun(): (id: ActionId) => void {
  const ctx = useApp();
  return useCallback((id: ActionId) => {
    perform(id, ctx).catch((error: unknown) => ctx.store.set({ notice: error instanceof Error ? error.message : String(error) }));
  }, [ctx]);
}

/** Binds the keyboard shortcuts and the native menu to the actions. */
export function useActionBindings(): void {
  const ctx = useApp();
  const run = useRun();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const id = actionForKey(event, ctx.mac);
      if (!id) return;
      if (isTyping(event.target) && !GLOBAL_WHILE_TYPING.has(id)) return;
      if (ctx.store.getState().dialog && id !== 'file.save') return;
      event.preventDefault();
      run(id);
    };
    window.addEventListener('keydown', onKey);
    const off = onHostEvent(ctx.bridge, 'action', ({ id }) => run(id as ActionId));
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, [ctx, run]);
}
