import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { documentName, type RoomDocument } from './room';

/** Where and as whom to join a room. */
export interface RoomAddress {
  /** The server's WebSocket address, `ws://host:port`. */
  url: string;
  room: string;
  /** The join token the server issued (it names the role). */
  token: string;
}

/** One document of a room, kept in step with the server. */
export interface RoomConnection {
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Resolves when the document is in step with the server; rejects with the server's reason when it refuses. */
  ready: Promise<{ readOnly: boolean }>;
  destroy(): void;
}

export interface ConnectOptions {
  /** A WebSocket class where the platform has none (Node 20). */
  WebSocket?: unknown;
  /** Shares presence on this document; `null` shares none. */
  awareness?: Awareness | null;
  /** Keeps retrying after the connection drops (the default); tests of a refusal turn it off. */
  retry?: boolean;
  /** Told why the server closed this document (a refused edit, say); the connection opens again on its own. */
  onClosed?: (reason: string) => void;
}

/**
 * Connects one document of a room to a server. Edits made while the
 * connection is down stay in `ydoc` and are sent when it is back.
 */
export function connectDocument(address: RoomAddress, document: RoomDocument, ydoc: Y.Doc, options: ConnectOptions = {}): RoomConnection {
  const socket = new HocuspocusProviderWebsocket({
    url: address.url,
    ...(options.WebSocket ? { WebSocketPolyfill: options.WebSocket } : {}),
    delay: 300,
    minDelay: 100,
    factor: 1.5,
    maxDelay: 5000,
    maxAttempts: options.retry === false ? 1 : 0,
  });
  let settle: { resolve: (v: { readOnly: boolean }) => void; reject: (e: Error) => void };
  const ready = new Promise<{ readOnly: boolean }>((resolve, reject) => (settle = { resolve, reject }));
  let readOnly = false;
  const provider = new HocuspocusProvider({
    name: documentName(address.room, document),
    document: ydoc,
    token: address.token,
    websocketProvider: socket,
    ...(options.awareness !== undefined ? { awareness: options.awareness } : {}),
    onAuthenticated: ({ scope }) => void (readOnly = scope === 'readonly'),
    onAuthenticationFailed: ({ reason }) => settle.reject(new Error(reason)),
    onSynced: ({ state }) => void (state && settle.resolve({ readOnly })),
    onClose: ({ event }) => void (event.reason && options.onClosed?.(event.reason)),
  });
  provider.attach();
  return {
    provider,
    socket,
    ready,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}
