import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { blueprint } from '../../shared/blueprints';
import { connectDocument } from '../../shared/live/client';
import { readChecked } from '../../shared/live/gate';
import { collectionMap, writeDiagram } from '../../shared/live/mapping';
import WebSocket from 'ws';
import { eventually, HAS_REDIS, openRoom, startInstance, startRedis } from './servers';

const SECRET = 'shared-by-both-instances';

if (!HAS_REDIS) console.warn('redis-server is not installed: the tests of several server instances are skipped (apt-get install redis-server; .ci/run installs it)');

describe.skipIf(!HAS_REDIS)('mlsd serve --redis: two instances share rooms', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let one: Awaited<ReturnType<typeof startInstance>>;
  let two: Awaited<ReturnType<typeof startInstance>>;
  const cleanup: (() => void)[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    [one, two] = await Promise.all([startInstance(['--redis', redis.url, '--secret', SECRET]), startInstance(['--redis', redis.url, '--secret', SECRET])]);
  });
  afterAll(async () => {
    cleanup.forEach((c) => c());
    await Promise.all([one?.stop(), two?.stop()]);
    await redis?.stop();
  });

  /** A client with its own document and presence, joined through one instance. */
  const client = (url: string, room: string, token: string, ydoc = new Y.Doc()) => {
    const awareness = new Awareness(ydoc);
    const connection = connectDocument({ url, room, token }, 'diagram', ydoc, { WebSocket, awareness });
    cleanup.push(() => connection.destroy());
    return { ...connection, ydoc, awareness };
  };
  const feedLabel = (ydoc: Y.Doc) => collectionMap(ydoc, 'nodes').get('feed')?.get('label');

  /** A room opened on `host`, the interviewer on instance one and the candidate on two, both seeing the interviewer's diagram. */
  const seededRoom = async (host: string) => {
    const room = await openRoom(host);
    const a = client(one.url, room.room, room.interviewer);
    const b = client(two.url, room.room, room.candidate);
    await Promise.all([a.ready, b.ready]);
    a.ydoc.transact(() => writeDiagram(a.ydoc, blueprint('news-feed')!));
    await eventually(() => feedLabel(b.ydoc), (l) => l === 'Feed service');
    return { room, a, b };
  };

  it('relays edits and cursors between clients on different instances', async () => {
    const { a, b } = await seededRoom(one.httpUrl);
    collectionMap(b.ydoc, 'nodes').get('feed')!.set('label', 'Edited on two');
    await eventually(() => feedLabel(a.ydoc), (l) => l === 'Edited on two');

    b.awareness.setLocalStateField('user', { name: 'Cand', role: 'candidate', cursor: { x: 120, y: 80 } });
    const seen = await eventually(
      () => [...a.awareness.getStates().values()].map((s) => s.user as { name: string; cursor: unknown } | undefined).find((u) => u?.name === 'Cand'),
      (u) => u !== undefined,
    );
    expect(seen).toEqual({ name: 'Cand', role: 'candidate', cursor: { x: 120, y: 80 } });
  });

  it('loses nothing when an instance is killed and its clients reconnect to the other', async () => {
    const { room, a, b } = await seededRoom(two.httpUrl);

    await one.kill();
    // Edited while its instance is gone: kept in the client's document.
    collectionMap(a.ydoc, 'nodes').get('feed')!.set('label', 'Edited while down');
    collectionMap(b.ydoc, 'nodes').get('gateway')!.set('label', 'Gateway (edited on two)');
    a.destroy();
    // What a load balancer does: the next connection goes to a live instance.
    const again = client(two.url, room.room, room.interviewer, a.ydoc);
    await again.ready;
    await eventually(() => feedLabel(b.ydoc), (l) => l === 'Edited while down');
    await eventually(() => collectionMap(a.ydoc, 'nodes').get('gateway')?.get('label'), (l) => l === 'Gateway (edited on two)');
    const left = readChecked(a.ydoc);
    const right = readChecked(b.ydoc);
    expect(left.ok && right.ok && left.diagram).toEqual(right.ok && right.diagram);
    expect(left.ok && left.diagram.nodes.length).toBe(blueprint('news-feed')!.nodes.length);

    // Documents live in Redis: a newcomer on a fresh instance reads everything.
    one = await startInstance(['--redis', redis.url, '--secret', SECRET]);
    again.destroy();
    b.destroy();
    await new Promise((r) => setTimeout(r, 1500));
    const late = client(one.url, room.room, room.interviewer);
    await late.ready;
    expect(feedLabel(late.ydoc)).toBe('Edited while down');
  });
});
