/**
 * A live room: one interview between an interviewer and a candidate, held in
 * three shared documents. What each role may do with each document is decided
 * here and enforced by the server; the token that names the role is signed by
 * the server, so editing a link cannot change it.
 */

/** The two people in a room. */
export const ROLES = ['interviewer', 'candidate'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The documents of a room: `diagram` (both draw), `interview` (timer, step,
 * brief: the interviewer writes, the candidate reads) and `private` (the
 * interviewer's notes and scores: the candidate cannot open it).
 */
export const ROOM_DOCUMENTS = ['diagram', 'interview', 'private'] as const;
export type RoomDocument = (typeof ROOM_DOCUMENTS)[number];

/** What a role may do with a document. */
export type Access = 'write' | 'read' | 'none';

const ACCESS: Record<Role, Record<RoomDocument, Access>> = {
  interviewer: { diagram: 'write', interview: 'write', private: 'write' },
  candidate: { diagram: 'write', interview: 'read', private: 'none' },
};

/** What `role` may do with `document`. */
export function accessOf(role: Role, document: RoomDocument): Access {
  return ACCESS[role][document];
}

/** A room id: 128 random bits as 32 lowercase hex digits, so rooms cannot be guessed. */
export const ROOM_ID = /^[0-9a-f]{32}$/;

/** A fresh room id from a source of random bytes (the platform's crypto). */
export function newRoomId(randomBytes: (length: number) => Uint8Array): string {
  return [...randomBytes(16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The name a document goes by on the server: `ROOM/DOCUMENT`. */
export function documentName(room: string, document: RoomDocument): string {
  return `${room}/${document}`;
}

/** A server document name split into room and document, or null when it names no room document. */
export function parseDocumentName(name: string): { room: string; document: RoomDocument } | null {
  const [room, document, ...rest] = name.split('/');
  if (rest.length > 0 || !room || !ROOM_ID.test(room)) return null;
  return (ROOM_DOCUMENTS as readonly string[]).includes(document ?? '') ? { room, document: document as RoomDocument } : null;
}

/** What a join token says: which room, as whom, until when. */
export interface TokenClaims {
  room: string;
  role: Role;
  /** Expiry, in ms since 1970. */
  expiresAtMs: number;
}

/** Bounds on what one room may hold and send; the server refuses what goes past them. */
export const ROOM_LIMITS = {
  /** Largest document, bytes of its full state (a diagram at the format's largest is well under this). */
  documentBytes: 8 * 1024 * 1024,
  /** Largest single message from a client, bytes. */
  messageBytes: 2 * 1024 * 1024,
  /** Messages a connection may send per second, sustained (a drag sends about 30). */
  messagesPerSecond: 60,
  /** Messages a connection may send in a burst above the sustained rate. */
  messageBurst: 300,
  /** Longest a join token may be valid, ms (a day). */
  tokenMs: 24 * 60 * 60 * 1000,
  /** Rooms a client address may open per minute. */
  roomsPerMinute: 20,
} as const;

/** The page address that joins a room. */
export function roomLink(base: string, link: { server: string; room: string; token: string; name?: string; invite?: string | null }): string {
  const url = new URL(base);
  url.search = '';
  url.hash = '';
  url.searchParams.set('live', link.server);
  url.searchParams.set('room', link.room);
  url.searchParams.set('token', link.token);
  if (link.name) url.searchParams.set('name', link.name);
  if (link.invite) url.searchParams.set('invite', link.invite);
  return url.toString();
}
