import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Database } from '@hocuspocus/extension-database';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { Server, type Extension } from '@hocuspocus/server';
import IORedis from 'ioredis';
import * as Y from 'yjs';
import { accessOf, newRoomId, parseDocumentName, ROOM_LIMITS, type Role } from '../shared/live/room';
import { serveAppFile } from './appFiles';
import { DiagramGate } from './contentGate';
import { RateLimit } from './limits';
import { updateInMessage } from './messages';
import { fileStore, redisStore, type DocumentStore } from './stores';
import { issueToken, verifyToken } from './tokens';

export interface CollabOptions {
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** Address to listen on: 127.0.0.1 for this machine only, 0.0.0.0 for the local network. */
  address: string;
  /** The secret join tokens are signed with; every instance sharing rooms needs the same one. */
  secret: string;
  /** A Redis URL: instances sharing it relay updates and presence to each other and keep documents there. */
  redisUrl?: string;
  /** Folder for documents when there is no Redis (or to keep them in files anyway). */
  dataDir?: string;
  /** The app's browser build, served over HTTP so a link opens the app in any browser on the network. */
  appDir?: string;
  /** The clock, in ms since 1970 (tests move it). */
  nowMs?: () => number;
}

/** A running collaboration server. */
export interface CollabServer {
  /** The WebSocket address clients connect to. */
  url: string;
  /** The HTTP address (`POST /rooms` opens a room). */
  httpUrl: string;
  port: number;
  store: DocumentStore;
  /** Rooms with a document open on this instance. */
  openRooms(): number;
  close(): Promise<void>;
}

/** A refusal the client sees as its reason. */
const refusal = (reason: string, code = 4403) => Object.assign(new Error(reason), { reason, code });

/** A room just opened: its id and a token for each role. */
export interface OpenedRoom {
  room: string;
  interviewer: string;
  candidate: string;
  expiresAtMs: number;
}

/** Opens a room: its id and a token for each role. */
export function openRoom(secret: string, nowMs: number): OpenedRoom {
  const room = newRoomId((n) => new Uint8Array(randomBytes(n)));
  const token = (role: Role) => issueToken(secret, room, role, nowMs);
  return { room, interviewer: token('interviewer'), candidate: token('candidate'), expiresAtMs: nowMs + ROOM_LIMITS.tokenMs };
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'content-type' });
  response.end(JSON.stringify(body));
}

/**
 * Starts a collaboration server on Hocuspocus: join tokens checked per
 * document and role, messages size-capped and rate-limited per connection,
 * documents kept in files or Redis, and with Redis, updates and presence
 * relayed between every instance that shares it.
 */
export async function startCollabServer(options: CollabOptions): Promise<CollabServer> {
  const nowMs = options.nowMs ?? Date.now;
  const redis = options.redisUrl ? new IORedis(options.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true }) : null;
  if (redis) await redis.connect();
  const store = options.dataDir || !redis ? fileStore(options.dataDir ?? 'mlsd-rooms') : redisStore(redis);
  const buckets = new Map<string, RateLimit>();
  const sizes = new Map<string, number>();
  const roomsByAddress = new Map<string, RateLimit>();
  const open = new Set<string>();
  /** A content gate for each open diagram document. */
  const gates = new Map<string, DiagramGate>();

  const guard: Extension = {
    async onAuthenticate({ token, documentName, connectionConfig }) {
      const name = parseDocumentName(documentName);
      if (!name) throw refusal('no such room');
      const verified = verifyToken(options.secret, token, nowMs());
      if (!verified.ok) throw refusal(verified.reason);
      if (verified.claims.room !== name.room) throw refusal('the token is for another room');
      const access = accessOf(verified.claims.role, name.document);
      if (access === 'none') throw refusal(`the ${verified.claims.role} cannot open the ${name.document} document`);
      connectionConfig.readOnly = access === 'read';
      return { role: verified.claims.role };
    },
    async beforeHandleMessage({ update, socketId, document, documentName, connection }) {
      if (update.byteLength > ROOM_LIMITS.messageBytes) throw refusal('message-too-big', 1009);
      let bucket = buckets.get(socketId);
      if (!bucket) buckets.set(socketId, (bucket = new RateLimit(ROOM_LIMITS.messagesPerSecond, ROOM_LIMITS.messageBurst, nowMs())));
      if (!bucket.take(nowMs())) throw refusal('too-many-messages', 4429);
      let size = sizes.get(documentName) ?? 0;
      if (size + update.byteLength > ROOM_LIMITS.documentBytes) size = Y.encodeStateAsUpdate(document).byteLength;
      if (size + update.byteLength > ROOM_LIMITS.documentBytes) throw refusal('document-too-big', 4413);
      sizes.set(documentName, size + update.byteLength);
      const gate = gates.get(documentName);
      const change = gate && !connection.readOnly ? updateInMessage(update) : null;
      const refused = change && gate!.check(change, connection);
      if (refused) throw refusal(refused, 4422);
    },
    async afterLoadDocument({ documentName, document }) {
      open.add(documentName);
      if (parseDocumentName(documentName)?.document === 'diagram') gates.set(documentName, new DiagramGate(document));
      sizes.set(documentName, Y.encodeStateAsUpdate(document).byteLength);
    },
    async afterUnloadDocument({ documentName }) {
      open.delete(documentName);
      gates.get(documentName)?.destroy();
      gates.delete(documentName);
      sizes.delete(documentName);
    },
    async onDisconnect({ socketId }) {
      buckets.delete(socketId);
    },
    async onRequest({ request, response }: { request: IncomingMessage; response: ServerResponse }) {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      if (request.method === 'OPTIONS') {
        response.writeHead(204, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'POST, GET', 'Access-Control-Allow-Headers': 'content-type' });
        response.end();
        throw null;
      }
      if (path === '/health') {
        reply(response, 200, { ok: true, rooms: new Set([...open].map((d) => d.split('/')[0])).size });
        throw null;
      }
      if (path === '/rooms' && request.method === 'POST') {
        const from = request.socket.remoteAddress ?? '';
        let limit = roomsByAddress.get(from);
        if (!limit) roomsByAddress.set(from, (limit = new RateLimit(ROOM_LIMITS.roomsPerMinute / 60, ROOM_LIMITS.roomsPerMinute, nowMs())));
        if (!limit.take(nowMs())) reply(response, 429, { error: 'too many rooms opened from this address: wait a minute' });
        else reply(response, 201, openRoom(options.secret, nowMs()));
        throw null;
      }
      if (options.appDir && request.method === 'GET' && request.headers.upgrade === undefined) {
        await serveAppFile(options.appDir, path, response);
        throw null;
      }
    },
  };

  const extensions: Extension[] = [guard, new Database({ fetch: ({ documentName }) => store.fetch(documentName), store: ({ documentName, state }) => store.store(documentName, state) })];
  if (redis) extensions.push(new RedisExtension({ redis, prefix: 'mlsd' }));
  const server = new Server(
    { port: options.port, address: options.address, quiet: true, stopOnSignals: false, extensions, debounce: 2000, maxDebounce: 10_000 },
    { maxPayload: ROOM_LIMITS.messageBytes },
  );
  // Listened to here: Hocuspocus passes its address to Node as `address`, which Node ignores, so it would listen on every interface.
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.httpServer.listen({ port: options.port, host: options.address }, () => {
      server.httpServer.off('error', reject);
      resolve();
    });
  });
  const port = server.address.port;
  const host = options.address === '0.0.0.0' ? '127.0.0.1' : options.address;
  return {
    url: `ws://${host}:${port}`,
    httpUrl: `http://${host}:${port}`,
    port,
    store,
    openRooms: () => new Set([...open].map((d) => d.split('/')[0])).size,
    async close() {
      // Open sockets outlive a closed listener: end them, so clients know at once and reconnect elsewhere.
      for (const socket of server.webSocketServer.clients) socket.terminate();
      await server.destroy();
      redis?.disconnect();
    },
  };
}
