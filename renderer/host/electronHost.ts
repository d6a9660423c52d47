import { HOST_METHODS, type StudioHost, type StudioHostEvents } from '../../shared/ipc';

/** What the preload script exposes on `window.mlsdHost` (allow-listed channels only). */
export interface HostBridge {
  invoke(method: string, argument?: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** The host inside Electron: every method is one IPC call through the preload bridge. */
export function createElectronHost(bridge: HostBridge): StudioHost {
  const host = {} as Record<string, (argument?: unknown) => Promise<unknown>>;
  for (const method of HOST_METHODS) host[method] = (argument?: unknown) => bridge.invoke(method, argument);
  return host as unknown as StudioHost;
}

/** Subscribes to a host event; returns the unsubscribe function. */
export function onHostEvent<K extends keyof StudioHostEvents>(bridge: HostBridge | undefined, event: K, listener: (payload: StudioHostEvents[K]) => void): () => void {
  return bridge ? bridge.on(event, (payload) => listener(payload as StudioHostEvents[K])) : () => {};
}
