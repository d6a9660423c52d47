import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { blueprint } from '../../shared/blueprints';
import { connectDocument } from '../../shared/live/client';
import { readChecked } from '../../shared/live/gate';
import { collectionMap, writeDiagram } from '../../shared/live/mapping';
import { dataDir, eventually, joinRoom, openRoom, startInstance } from './servers';

const diagram = blueprint('news-feed')!;
const nodes = (ydoc: Y.Doc) => collectionMap(ydoc, 'nodes');

describe('mlsd serve: what a peer may put into the diagram', () => {
  let server: Awaited<ReturnType<typeof startInstance>>;
  let room: Awaited<ReturnType<typeof openRoom>>;
  const cleanup: (() => void)[] = [];
  const join = (token: string, onClosed?: (reason: string) => void) => {
    const ydoc = new Y.Doc();
    const client = { ...connectDocument({ url: server.url, room: room.room, token }, 'diagram', ydoc, { WebSocket, awareness: null, onClosed }), ydoc };
    cleanup.push(() => client.destroy());
    return client;
  };

  beforeAll(async () => {
    server = await startInstance(['--data', dataDir(), '--secret', 'content-suite']);
    room = await openRoom(server.httpUrl);
  });
  afterAll(async () => {
    cleanup.forEach((c) => c());
    await server?.stop();
  });

  it('refuses a bad node from a peer with a valid token, tells that peer why, and nobody else sees it', async () => {
    const interviewer = join(room.interviewer);
    const reasons: string[] = [];
    // A raw Yjs client: it writes into the shared maps directly, past any editor's checks.
    const rogue = join(room.candidate, (reason) => reasons.push(reason));
    await Promise.all([interviewer.ready, rogue.ready]);
    interviewer.ydoc.transact(() => writeDiagram(interviewer.ydoc, diagram));
    await eventually(() => nodes(rogue.ydoc).size, (n) => n === diagram.nodes.length);

    rogue.ydoc.transact(() => {
      const bad = new Y.Map<unknown>();
      bad.set('kind', 'cache');
      bad.set('label', 'Rogue');
      bad.set('position', { x: 0, y: 0 });
      const latency = new Y.Map<unknown>();
      latency.set('p50Ms', 40);
      latency.set('p99Ms', 5);
      bad.set('latency', latency);
      nodes(rogue.ydoc).set('rogue', bad);
    });
    const [reason] = await eventually(() => reasons, (r) => r.length > 0);
    expect(reason).toBe('edit refused, it would make the diagram invalid: nodes "rogue".latency.p99Ms: must be >= p50Ms (40)');

    // A later, valid edit still reaches the interviewer; the refused node never does.
    nodes(interviewer.ydoc).get('feed')!.set('label', 'Checked feed');
    const newcomer = join(room.interviewer);
    await newcomer.ready;
    expect(nodes(newcomer.ydoc).get('feed')?.get('label')).toBe('Checked feed');
    expect(nodes(newcomer.ydoc).has('rogue')).toBe(false);
    expect(nodes(interviewer.ydoc).has('rogue')).toBe(false);
  });

  it('refuses an edit that breaks a valid node, and keeps honest edits of the same node', async () => {
    const interviewer = join(room.interviewer);
    const reasons: string[] = [];
    const rogue = join(room.candidate, (reason) => reasons.push(reason));
    await Promise.all([interviewer.ready, rogue.ready]);
    nodes(rogue.ydoc).get('feed')!.set('kind', 'no-such-kind');
    await eventually(() => reasons, (r) => r.length > 0);
    expect(reasons[0]).toMatch(/^edit refused, it would make the diagram invalid: nodes "feed"\.kind: /);

    const honest = join(room.candidate);
    await honest.ready;
    expect(nodes(honest.ydoc).get('feed')!.get('kind')).toBe(diagram.nodes.find((n) => n.id === 'feed')!.kind);
    nodes(honest.ydoc).get('feed')!.set('label', 'Feed, edited by the candidate');
    await eventually(() => nodes(interviewer.ydoc).get('feed')?.get('label'), (l) => l === 'Feed, edited by the candidate');
    expect(nodes(interviewer.ydoc).get('feed')!.get('kind')).toBe(diagram.nodes.find((n) => n.id === 'feed')!.kind);
  });

  it('lets through an edge to a node deleted meanwhile (two honest edits make one): its sender stays in the room and every editor leaves the edge out', async () => {
    const interviewer = join(room.interviewer);
    const reasons: string[] = [];
    const candidate = join(room.candidate, (reason) => reasons.push(reason));
    await Promise.all([interviewer.ready, candidate.ready]);
    // The candidate draws an edge to "ranker" while the interviewer deletes it: the server gets the deletion first.
    const target = [...nodes(candidate.ydoc).keys()].find((id) => id !== 'feed')!;
    nodes(interviewer.ydoc).delete(target);
    candidate.ydoc.transact(() => {
      const edge = new Y.Map<unknown>();
      edge.set('source', 'feed');
      edge.set('target', target);
      collectionMap(candidate.ydoc, 'edges').set('to-deleted', edge);
    });
    await eventually(() => collectionMap(interviewer.ydoc, 'edges').has('to-deleted'), (has) => has);
    const read = readChecked(interviewer.ydoc);
    expect(read.ok && read.diagram.edges.some((e) => e.id === 'to-deleted')).toBe(false);
    expect(read.ok && read.left.some((l) => l.startsWith(`edges "to-deleted".target: no node "${target}"`))).toBe(true);
    // The candidate's later edits still reach the interviewer.
    nodes(candidate.ydoc).get('feed')!.set('label', 'Feed after the conflict');
    await eventually(() => nodes(interviewer.ydoc).get('feed')?.get('label'), (l) => l === 'Feed after the conflict');
    expect(reasons).toEqual([]);
  });
});
