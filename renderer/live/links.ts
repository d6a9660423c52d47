import { ROLES, ROOM_ID, type Role } from '../../shared/live/room';

/** A room as a page address carries it: `?live=SERVER&room=ID&token=TOKEN&name=NAME` (and, for the interviewer, the candidate's token to share). */
export interface RoomLink {
  server: string;
  room: string;
  token: string;
  role: Role;
  name: string;
  invite: string | null;
}

/** The role a token names (read from its claims; the server checks the signature). */
export function roleOfToken(token: string): Role | null {
  try {
    const claims = JSON.parse(atob(token.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/'))) as { role?: unknown };
    return ROLES.includes(claims.role as Role) ? (claims.role as Role) : null;
  } catch {
    return null;
  }
}

/** The room a page address joins, or null when it names none (or names one badly). */
export function readRoomLink(search: string): RoomLink | null {
  const params = new URLSearchParams(search);
  const server = params.get('live');
  const room = params.get('room');
  const token = params.get('token');
  if (!server || !room || !token || !ROOM_ID.test(room) || !/^wss?:\/\//.test(server)) return null;
  const role = roleOfToken(token);
  if (!role) return null;
  return { server, room, token, role, name: (params.get('name') ?? '').slice(0, 40) || (role === 'interviewer' ? 'Interviewer' : 'Candidate'), invite: params.get('invite') };
}

export { roomLink } from '../../shared/live/room';
