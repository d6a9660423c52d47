import { useSyncExternalStore } from 'react';
import type { LiveSession, LiveView } from './session';

/** The live room this window is in, if any (one at a time). */
let current: LiveSession | null = null;
const listeners = new Set<() => void>();

export function currentSession(): LiveSession | null {
  return current;
}

/** Enters a room (leaving the one before, if any). */
export function setSession(session: LiveSession | null): void {
  current?.destroy();
  current = session;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  const inner = current?.subscribe(listener);
  return () => {
    listeners.delete(listener);
    inner?.();
  };
};

/** The room's session and its view, re-rendering as either changes. */
export function useLive(): { session: LiveSession; view: LiveView } | null {
  const session = useSyncExternalStore(subscribe, () => current);
  const view = useSyncExternalStore(session ? session.subscribe : subscribe, () => session?.getView() ?? null);
  return session && view ? { session, view } : null;
}
