import { contextBridge, ipcRenderer } from 'electron';
import { HOST_EVENTS, HOST_METHODS } from '../shared/ipc';

// The renderer's only door to the main process: allow-listed requests and events, JSON payloads.
contextBridge.exposeInMainWorld('mlsdHost', {
  invoke(method: string, argument?: unknown): Promise<unknown> {
    if (!(HOST_METHODS as readonly string[]).includes(method)) return Promise.reject(new Error(`unknown request ${method}`));
    return ipcRenderer.invoke('mlsd:invoke', method, argument);
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!(HOST_EVENTS as readonly string[]).includes(event)) throw new Error(`unknown event ${event}`);
    const channel = `mlsd:event:${event}`;
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.removeListener(channel, wrapped);
  },
});
