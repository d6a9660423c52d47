import type { EditorStore } from '../state/store';
import { setSession } from './current';
import type { RoomLink } from './links';
import { LiveSession } from './session';

/** Joins the room a link names: the interviewer's open diagram fills an empty room; the candidate sees the room's. */
export async function joinRoom(store: EditorStore, link: RoomLink): Promise<LiveSession> {
  const session = new LiveSession(store, { url: link.server, room: link.room, token: link.token }, link.role, link.name);
  session.invite = link.invite;
  setSession(session);
  // The candidate works on the room's diagram, not on a file of their own.
  if (link.role === 'candidate') store.set({ file: { name: 'Live room', ref: null } });
  store.set({ notice: `Joining the live room as ${link.role}…` });
  await session.start(store.getState().doc);
  return session;
}
