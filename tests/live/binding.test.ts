import { produce } from 'immer';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { BLUEPRINT_SLUGS, blueprint } from '../../shared/blueprints';
import { LiveBinding } from '../../shared/live/binding';
import { readChecked } from '../../shared/live/gate';
import { collectionMap, readDiagram, writeDiagram } from '../../shared/live/mapping';
import type { Diagram, DiagramNode } from '../../shared/model/schema';
import { linkedDocs } from './linked';

const withoutView = ({ viewport: _view, ...rest }: Diagram) => rest;
const node = (d: Diagram | undefined, id: string): DiagramNode => d!.nodes.find((n) => n.id === id)!;

/** Two editors in one room: each with its own binding and the document it shows. */
function pair(initial: Diagram) {
  const { a, b, pause, resume } = linkedDocs();
  const left = new LiveBinding(a);
  const right = new LiveBinding(b);
  left.start(initial);
  right.start(initial);
  const shown = { left: left.diagram!, right: right.diagram! };
  left.onRemote((c) => (shown.left = c.diagram));
  right.onRemote((c) => (shown.right = c.diagram));
  const edit = (side: 'left' | 'right', recipe: (draft: Diagram) => void) => {
    shown[side] = produce(shown[side], recipe);
    (side === 'left' ? left : right).applyLocal(shown[side]);
  };
  return { left, right, shown, edit, pause, resume };
}

describe('a diagram in a shared document', () => {
  it.each(BLUEPRINT_SLUGS)('round-trips the %s blueprint unchanged', (slug) => {
    const diagram = blueprint(slug)!;
    const ydoc = new Y.Doc();
    writeDiagram(ydoc, diagram);
    const read = readChecked(ydoc);
    expect(read).toMatchObject({ ok: true, left: [] });
    expect(read.ok && read.diagram).toEqual(withoutView(diagram));
    // And through the wire: a second document built from the first's update reads the same.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
    expect(readDiagram(copy)).toEqual(readDiagram(ydoc));
  });

  it('keeps both edits when two people change different fields of one node at once', () => {
    const { shown, edit, pause, resume } = pair(blueprint('news-feed')!);
    pause();
    edit('left', (d) => void (node(d, 'feed').latency!.p99Ms = 20));
    edit('right', (d) => void (node(d, 'feed').label = 'Feed ranking service'));
    edit('right', (d) => void (node(d, 'feed').capacity!.concurrency = 48));
    resume();
    for (const side of [shown.left, shown.right]) {
      expect(node(side, 'feed')).toMatchObject({ label: 'Feed ranking service', latency: { p50Ms: 2, p99Ms: 20 }, capacity: { concurrency: 48, minReplicas: 2 } });
    }
    expect(shown.left).toEqual(shown.right);
  });

  it('converges on one order when both add a node at once', () => {
    const { shown, edit, pause, resume } = pair(blueprint('news-feed')!);
    pause();
    edit('left', (d) => void d.nodes.push({ id: 'cacheA', kind: 'cache', label: 'Cache A' } as DiagramNode));
    edit('right', (d) => void d.nodes.push({ id: 'cacheB', kind: 'cache', label: 'Cache B' } as DiagramNode));
    resume();
    expect(shown.left.nodes.map((n) => n.id)).toEqual(shown.right.nodes.map((n) => n.id));
    expect(shown.left.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['cacheA', 'cacheB']));
  });

  it('undoes only this side\'s edit, keeping the other person\'s', () => {
    const { left, shown, edit } = pair(blueprint('news-feed')!);
    edit('left', (d) => void (node(d, 'feed').latency!.p99Ms = 20));
    left.stopCapturing();
    edit('right', (d) => void (node(d, 'feed').label = 'Feed ranking service'));
    edit('right', (d) => void d.nodes.splice(d.nodes.findIndex((n) => n.id === 'gateway'), 1));
    expect(left.undo()).toBe(true);
    for (const side of [shown.left, shown.right]) {
      expect(node(side, 'feed')).toMatchObject({ label: 'Feed ranking service', latency: { p99Ms: 8 } });
      expect(side.nodes.some((n) => n.id === 'gateway')).toBe(false);
    }
    expect(left.undo()).toBe(false);
    expect(left.redo()).toBe(true);
    expect(node(shown.right, 'feed').latency!.p99Ms).toBe(20);
  });

  it('makes a drag one undo step', () => {
    const { left, shown, edit } = pair(blueprint('news-feed')!);
    const start = node(shown.left, 'feed').position;
    for (let x = 1; x <= 5; x++) edit('left', (d) => void (node(d, 'feed').position = { x: start!.x + x * 10, y: start!.y }));
    left.undo();
    expect(node(shown.right, 'feed').position).toEqual(start);
  });

  it('leaves out a node a peer made invalid, and the edges to it, keeping the rest', () => {
    const { b, a } = linkedDocs();
    const binding = new LiveBinding(a);
    binding.start(blueprint('news-feed')!);
    const changes: { nodes: string[]; left: string[] }[] = [];
    binding.onRemote((c) => changes.push({ nodes: c.diagram.nodes.map((n) => n.id), left: c.left }));
    const feed = collectionMap(b, 'nodes').get('feed')!;
    (feed.get('latency') as Y.Map<unknown>).set('p99Ms', 1); // below p50Ms
    expect(changes).toHaveLength(1);
    expect(changes[0]!.nodes).not.toContain('feed');
    expect(changes[0]!.nodes).toContain('gateway');
    expect(changes[0]!.left[0]).toBe('nodes "feed".latency.p99Ms: must be >= p50Ms (2)');
    expect(changes[0]!.left.some((l) => /^edges "[^"]+"\.(source|target): no node "feed"/.test(l))).toBe(true);
  });

  it('refuses a document a peer made invalid as a whole, keeping the last valid one', () => {
    const { b, a } = linkedDocs();
    const binding = new LiveBinding(a);
    binding.start(blueprint('news-feed')!);
    const problems: string[][] = [];
    let remote = 0;
    binding.onRemote(() => remote++);
    binding.onProblems((p) => problems.push(p));
    b.getMap('meta').set('title', '');
    expect(remote).toBe(0);
    expect(problems[0]![0]).toMatch(/^title: /);
    expect(binding.diagram!.title).toBe(blueprint('news-feed')!.title);
  });

  it('joins a room that already holds a diagram instead of overwriting it', () => {
    const { a, b } = linkedDocs();
    new LiveBinding(a).start(blueprint('news-feed')!);
    const joined = new LiveBinding(b).start(blueprint('visual-search')!);
    expect(joined.diagram!.title).toBe(blueprint('news-feed')!.title);
  });
});
