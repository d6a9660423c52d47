import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blueprint } from '../../shared/blueprints';
import { readChecked } from '../../shared/live/gate';
import { collectionMap, writeDiagram } from '../../shared/live/mapping';
import { issueToken } from '../../server/tokens';
import { dataDir, eventually, joinRoom, openRoom, startInstance } from './servers';

const SECRET = 'test-secret-of-this-suite';
const diagram = blueprint('news-feed')!;
const labelOf = (ydoc: Y.Doc, id: string) => collectionMap(ydoc, 'nodes').get(id)?.get('label');

describe('mlsd serve: roles and tokens', () => {
  let server: Awaited<ReturnType<typeof startInstance>>;
  let room: Awaited<ReturnType<typeof openRoom>>;
  const cleanup: (() => void)[] = [];
  const join = (token: string, document: 'diagram' | 'interview' | 'private', retry = true) => {
    const client = joinRoom({ url: server.url, room: room.room, token }, document, new Y.Doc(), retry);
    cleanup.push(() => client.destroy());
    return client;
  };

  beforeAll(async () => {
    server = await startInstance(['--data', dataDir(), '--secret', SECRET]);
    room = await openRoom(server.httpUrl);
  });
  afterAll(async () => {
    cleanup.forEach((c) => c());
    await server?.stop();
  });

  it('opens rooms with 128-bit ids and a token per role', () => {
    expect(room.room).toMatch(/^[0-9a-f]{32}$/);
    expect(room.interviewer).not.toBe(room.candidate);
  });

  it('lets both people draw on the diagram and see each other\'s edits', async () => {
    const interviewer = join(room.interviewer, 'diagram');
    const candidate = join(room.candidate, 'diagram');
    await Promise.all([interviewer.ready, candidate.ready]);
    interviewer.ydoc.transact(() => writeDiagram(interviewer.ydoc, diagram));
    await eventually(() => labelOf(candidate.ydoc, 'feed'), (l) => l === 'Feed service');
    collectionMap(candidate.ydoc, 'nodes').get('feed')!.set('label', 'Ranked feed');
    await eventually(() => labelOf(interviewer.ydoc, 'feed'), (l) => l === 'Ranked feed');
    const read = readChecked(interviewer.ydoc);
    expect(read.ok && read.diagram.nodes.length).toBe(diagram.nodes.length);
  });

  it('lets the candidate read the interview but not change it', async () => {
    const interviewer = join(room.interviewer, 'interview');
    const candidate = join(room.candidate, 'interview');
    expect(await interviewer.ready).toEqual({ readOnly: false });
    expect(await candidate.ready).toEqual({ readOnly: true });
    interviewer.ydoc.getMap('interview').set('step', 'data');
    await eventually(() => candidate.ydoc.getMap('interview').get('step'), (s) => s === 'data');
    candidate.ydoc.getMap('interview').set('step', 'serving');
    interviewer.ydoc.getMap('interview').set('lengthMin', 45);
    await eventually(() => candidate.ydoc.getMap('interview').get('lengthMin'), (s) => s === 45);
    // A newcomer sees what the server holds: the interviewer's step, never the candidate's.
    const later = join(room.interviewer, 'interview');
    await later.ready;
    expect(later.ydoc.getMap('interview').get('step')).toBe('data');
    expect(interviewer.ydoc.getMap('interview').get('step')).toBe('data');
  });

  it('refuses the candidate on the private notes, and lets the interviewer in', async () => {
    await expect(join(room.candidate, 'private', false).ready).rejects.toThrow('the candidate cannot open the private document');
    expect(await join(room.interviewer, 'private').ready).toEqual({ readOnly: false });
  });

  it.each([
    ['a forged token', () => issueToken('not-the-secret', room.room, 'interviewer', Date.now()), 'the token is not signed by this server'],
    ['an expired token', () => issueToken(SECRET, room.room, 'interviewer', Date.now() - 120_000, 60_000), 'the token has expired'],
    ['a token for another room', () => issueToken(SECRET, 'f'.repeat(32), 'interviewer', Date.now()), 'the token is for another room'],
    ['a candidate token edited to say interviewer', () => room.candidate.replace(/^[^.]+/, Buffer.from(JSON.stringify({ room: room.room, role: 'interviewer', expiresAtMs: Date.now() + 60_000 })).toString('base64url')), 'the token is not signed by this server'],
    ['no token', () => '', 'not a join token'],
  ])('refuses %s, saying why', async (_what, token, reason) => {
    await expect(join(token(), 'private', false).ready).rejects.toThrow(reason);
  });

  it('keeps a room\'s diagram when everyone has left and the server restarts', async () => {
    const before = join(room.interviewer, 'diagram');
    await before.ready;
    await eventually(() => labelOf(before.ydoc, 'feed'), (l) => l === 'Ranked feed');
    cleanup.splice(0).forEach((c) => c());
    // Stored on the last disconnect; a restarted server reads it back.
    await new Promise((r) => setTimeout(r, 500));
    const flags = server.child.spawnargs.slice(server.child.spawnargs.indexOf('--data'));
    await server.stop();
    server = await startInstance(flags);
    const after = join(room.interviewer, 'diagram');
    await after.ready;
    expect(labelOf(after.ydoc, 'feed')).toBe('Ranked feed');
  });
});
