import { describe, expect, it } from 'vitest';
import { accessOf, documentName, newRoomId, parseDocumentName } from '../../shared/live/room';
import { RateLimit } from '../../server/limits';
import { issueToken, verifyToken } from '../../server/tokens';

const ROOM = '0123456789abcdef0123456789abcdef';

describe('rooms, roles and tokens', () => {
  it('gives the candidate the diagram to draw on, the interview to read, and no private notes', () => {
    expect([accessOf('candidate', 'diagram'), accessOf('candidate', 'interview'), accessOf('candidate', 'private')]).toEqual(['write', 'read', 'none']);
    expect([accessOf('interviewer', 'diagram'), accessOf('interviewer', 'interview'), accessOf('interviewer', 'private')]).toEqual(['write', 'write', 'write']);
  });

  it('makes room ids of 128 bits and reads only room document names', () => {
    expect(newRoomId(() => new Uint8Array(16).fill(0xab))).toBe('ab'.repeat(16));
    expect(parseDocumentName(documentName(ROOM, 'interview'))).toEqual({ room: ROOM, document: 'interview' });
    for (const bad of [`${ROOM}/notes`, `../${ROOM}/diagram`, `${ROOM}/diagram/x`, 'abc/diagram', `${ROOM.toUpperCase()}/diagram`]) {
      expect(parseDocumentName(bad)).toBeNull();
    }
  });

  it('accepts its own token until it expires, and never a changed one', () => {
    const token = issueToken('s', ROOM, 'candidate', 1_000, 60_000);
    expect(verifyToken('s', token, 60_999)).toEqual({ ok: true, claims: { room: ROOM, role: 'candidate', expiresAtMs: 61_000 } });
    expect(verifyToken('s', token, 61_000)).toMatchObject({ ok: false, reason: expect.stringContaining('expired') });
    expect(verifyToken('other', token, 2_000)).toMatchObject({ ok: false, reason: 'the token is not signed by this server' });
    const [body, signature] = token.split('.');
    const promoted = Buffer.from(Buffer.from(body!, 'base64url').toString().replace('candidate', 'interviewer')).toString('base64url');
    expect(verifyToken('s', `${promoted}.${signature}`, 2_000)).toMatchObject({ ok: false, reason: 'the token is not signed by this server' });
  });

  it('never issues a token valid for more than a day', () => {
    const token = issueToken('s', ROOM, 'interviewer', 0, 365 * 86_400_000);
    expect(verifyToken('s', token, 86_400_000)).toMatchObject({ ok: false });
  });

  it('limits messages to a sustained rate with a burst', () => {
    const limit = new RateLimit(10, 5, 0);
    expect(Array.from({ length: 6 }, () => limit.take(0))).toEqual([true, true, true, true, true, false]);
    expect(limit.take(100)).toBe(true); // 0.1 s at 10/s refills one
    expect(limit.take(100)).toBe(false);
  });
});
