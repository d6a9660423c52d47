import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { PRACTICE_LIMITS } from '../../shared/model/practiceSchema';
import type { Diagram } from '../../shared/model/schema';
import { loadDiagramValue } from '../../shared/model/load';
import { diffPatches, frameAt, recordChange, replayContent, replayFrames, replayStart } from '../../shared/practice/replay';

const start: Diagram = {
  format: 'mlsd-studio/diagram', version: 1, title: 'Practice: News feed', nodes: [], edges: [],
  brief: { prompt: 'Design a feed', steps: {} }, practice: { slug: 'news-feed', durationMs: 2_700_000, elapsedMs: 0 },
};

/** Edits the document as the editor does (immer), recording each change at its practice time. */
function session(edits: [number, (d: Diagram) => void][]): { docs: Diagram[]; final: Diagram } {
  let doc = start;
  const docs = [doc];
  for (const [atMs, edit] of edits) {
    const next = produce(doc, edit);
    const log = recordChange(doc.practice?.log ?? [], doc, next, atMs);
    doc = produce(next, (d) => {
      d.practice!.log = [...log];
      d.practice!.elapsedMs = atMs;
    });
    docs.push(doc);
  }
  return { docs, final: doc };
}

const edits: [number, (d: Diagram) => void][] = [
  [1000, (d) => void d.nodes.push({ id: 'users', kind: 'traffic', label: 'Users', position: { x: 0, y: 0 }, traffic: { qps: 100 } })],
  [2500, (d) => void d.nodes.push({ id: 'model', kind: 'model', label: 'Model', position: { x: 300, y: 0 }, latency: { p50Ms: 10, p99Ms: 40 } })],
  [4000, (d) => void d.edges.push({ id: 'e1', source: 'users', target: 'model' })],
  [5000, (d) => { d.brief!.steps!.requirements = 'Rank posts by engagement'; }],
  [6500, (d) => { d.nodes[1]!.position = { x: 320, y: 40 }; }],
  [7000, (d) => { d.nodes.splice(0, 1); d.edges = []; }],
  [8000, (d) => { d.practice!.worksheet = { peakQps: { result: 93_000 } }; d.practice!.guessLocked = true; }],
  [9000, (d) => { delete d.brief!.steps!.requirements; d.title = 'Feed'; }],
];

describe('replaying a practice session', () => {
  it('reproduces every intermediate design and the final document exactly', () => {
    const { docs, final } = session(edits);
    const frames = replayFrames(final);
    expect(frames.map((f) => f.atMs)).toEqual([0, ...edits.map(([t]) => t)]);
    frames.forEach((frame, i) => expect(frame.doc).toEqual(replayContent(docs[i]!)));
    expect(frames.at(-1)!.doc).toEqual(replayContent(final));
    expect(replayStart(final)).toEqual(replayContent(start));
  });

  it('survives saving and opening: the log is plain data the file format accepts', () => {
    const { final } = session(edits);
    const reopened = loadDiagramValue(JSON.parse(JSON.stringify(final)));
    if (!reopened.ok) throw new Error(reopened.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    expect(replayFrames(reopened.diagram).at(-1)!.doc).toEqual(JSON.parse(JSON.stringify(replayContent(final))));
  });

  it('shows at each moment the last change made by then', () => {
    const frames = replayFrames(session(edits).final);
    expect(frameAt(frames, 0).doc.nodes).toEqual([]);
    expect(frameAt(frames, 2499).doc.nodes.map((n) => n.id)).toEqual(['users']);
    expect(frameAt(frames, 4000).doc.edges).toHaveLength(1);
    expect(frameAt(frames, 1e9).doc.title).toBe('Feed');
  });

  it('records nothing when only the clock or the log moved', () => {
    const ticked = produce(start, (d) => void (d.practice!.elapsedMs = 5000));
    expect(recordChange([], start, ticked, 5000)).toEqual([]);
  });

  it('keeps the newest events when the log is full, and replays from where they begin', () => {
    const many: [number, (d: Diagram) => void][] = Array.from({ length: PRACTICE_LIMITS.replayEvents + 5 }, (_, i) => [i * 10, (d) => void (d.title = `Design ${i}`)]);
    const { docs, final } = session(many);
    const log = final.practice!.log!;
    expect(log).toHaveLength(PRACTICE_LIMITS.replayEvents);
    expect(log[0]!.atMs).toBe(50);
    expect(replayStart(final).title).toBe(docs[5]!.title);
    expect(replayFrames(final).at(-1)!.doc).toEqual(replayContent(final));
  });

  it('finds the smallest changes where the editor shares unchanged parts', () => {
    const before = { nodes: [{ id: 'a', position: { x: 1, y: 2 } }, { id: 'b' }] };
    const after = { nodes: [{ id: 'a', position: { x: 5, y: 2 } }, before.nodes[1]] };
    expect(diffPatches(before, after)).toEqual([{ op: 'replace', path: ['nodes', 0, 'position', 'x'], value: 5 }]);
    expect(diffPatches({ a: [1, 2, 3] }, { a: [1] })).toEqual([{ op: 'remove', path: ['a', 2] }, { op: 'remove', path: ['a', 1] }]);
  });
});
