import { afterEach, describe, expect, it } from 'vitest';
import type { Diagram } from '../../shared/model/schema';
import { loadDiagramValue } from '../../shared/model/load';
import { replayContent, replayFrames, replayStart } from '../../shared/practice/replay';
import { sessionFromDocument } from '../../renderer/practice/restore';
import { recordPractice } from '../../renderer/practice/useRecording';
import { addNode, connect, emptyDiagram } from '../../renderer/state/commands';
import { EditorStore, practiceElapsedMs } from '../../renderer/state/store';

let stop: (() => void) | null = null;
afterEach(() => stop?.());

function practising(nowMs: () => number) {
  const doc: Diagram = { ...emptyDiagram('Practice: News feed'), brief: { prompt: 'Design a feed', steps: {} }, practice: { slug: 'news-feed', durationMs: 45 * 60_000, elapsedMs: 0 } };
  const store = new EditorStore(emptyDiagram(), { name: 'a.mlsd.json', ref: null });
  stop = recordPractice(store, nowMs);
  store.load(doc, { name: 'practice-news-feed.mlsd.json', ref: null });
  store.set({ practice: { ...sessionFromDocument(doc, nowMs())!, pausedAtMs: null } });
  return { store, start: doc };
}

describe('recording a practice session into its document', () => {
  it('replays commands, undo, redo, drags and notes to the final document exactly', () => {
    let now = 1_000_000;
    const { store, start } = practising(() => now);
    now += 5000;
    store.commit('Add', (d) => void addNode(d, 'service', { x: 0, y: 0 }));
    now += 3000;
    store.commit('Add', (d) => void addNode(d, 'model', { x: 300, y: 0 }));
    store.commit('Connect', (d) => void connect(d, 'service', 'model'));
    now += 1000;
    store.undo();
    store.redo();
    store.gesture((d) => void (d.nodes[0]!.position = { x: 40, y: 10 }));
    store.gesture((d) => void (d.nodes[0]!.position = { x: 80, y: 20 }));
    store.endGesture('Move');
    now += 2000;
    store.commit('Notes', (d) => void (d.brief!.steps!.requirements = '2B DAU'), 'notes:requirements');
    store.set({ practice: { ...store.getState().practice!, guessLocked: true } });

    const final = store.getState().doc;
    const log = final.practice!.log!;
    expect(log.map((e) => e.atMs)).toEqual([5000, 8000, 8000, 9000, 9000, 9000, 11000, 11000]);
    expect(replayStart(final)).toEqual(replayContent(start));
    const frames = replayFrames(final);
    expect(frames.at(-1)!.doc).toEqual(replayContent(final));
    expect(frames[5]!.doc.nodes[0]!.position).toEqual({ x: 0, y: 0 });
    expect(frames[6]!.doc.nodes[0]!.position).toEqual({ x: 80, y: 20 });
    expect(final.practice).toMatchObject({ guessLocked: true, elapsedMs: 11000 });
  });

  it('comes back on open with its clock paused where it was, and the log still replays', () => {
    let now = 1_000_000;
    const { store } = practising(() => now);
    now += 61_000;
    store.commit('Add', (d) => void addNode(d, 'service', { x: 0, y: 0 }));
    store.set({ practice: { ...store.getState().practice!, pausedAtMs: now } });
    const saved = JSON.parse(JSON.stringify(store.getState().doc)) as unknown;
    const opened = loadDiagramValue(saved);
    if (!opened.ok) throw new Error(opened.problems[0]!.message);
    expect(opened.diagram.practice?.elapsedMs).toBe(61_000);

    now += 3_600_000;
    const again = new EditorStore(emptyDiagram(), { name: 'b.mlsd.json', ref: null });
    again.load(opened.diagram, { name: 'practice-news-feed.mlsd.json', ref: null });
    const session = again.getState().practice!;
    expect(session).toMatchObject({ slug: 'news-feed', title: 'Personalised news feed', durationMs: 45 * 60_000 });
    expect(practiceElapsedMs(session, now)).toBe(61_000);
    expect(practiceElapsedMs(session, now + 5000)).toBe(61_000);
    expect(replayFrames(opened.diagram).at(-1)!.doc.nodes.map((n) => n.id)).toEqual(['service']);
  });
});
