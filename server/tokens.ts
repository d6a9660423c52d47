import { createHmac, timingSafeEqual } from 'node:crypto';
import { ROLES, ROOM_ID, ROOM_LIMITS, type Role, type TokenClaims } from '../shared/live/room';

/**
 * Join tokens: `CLAIMS.SIGNATURE`, both base64url, the signature an
 * HMAC-SHA256 of the claims with the server's secret. Whoever holds the
 * secret can issue tokens; nobody else can make or change one.
 */

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('base64url');

/** Issues a token for `role` in `room`, valid for `validMs` from `nowMs`. */
export function issueToken(secret: string, room: string, role: Role, nowMs: number, validMs: number = ROOM_LIMITS.tokenMs): string {
  const claims: TokenClaims = { room, role, expiresAtMs: nowMs + Math.min(validMs, ROOM_LIMITS.tokenMs) };
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

/** The claims of a token this server signed and that has not expired, or why it is refused. */
export function verifyToken(secret: string, token: string, nowMs: number): { ok: true; claims: TokenClaims } | { ok: false; reason: string } {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0) return { ok: false, reason: 'not a join token' };
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'the token is not signed by this server' };
  let claims: Partial<TokenClaims>;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<TokenClaims>;
  } catch {
    return { ok: false, reason: 'not a join token' };
  }
  if (typeof claims.room !== 'string' || !ROOM_ID.test(claims.room) || !ROLES.includes(claims.role as Role) || typeof claims.expiresAtMs !== 'number') {
    return { ok: false, reason: 'not a join token' };
  }
  if (claims.expiresAtMs <= nowMs) return { ok: false, reason: 'the token has expired: ask the interviewer for a new link' };
  return { ok: true, claims: claims as TokenClaims };
}
