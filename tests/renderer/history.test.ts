import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addNode, connect, deleteSelection, emptyDiagram } from '../../renderer/state/commands';
import { COALESCE_MS } from '../../renderer/state/history';
import { EditorStore, figuresHidden, isDirty, practiceElapsedMs, type PracticeSession } from '../../renderer/state/store';

const store = () => new EditorStore(emptyDiagram(), { name: 'a.mlsd.json', ref: null });
const p50 = (s: EditorStore) => s.getState().doc.nodes[0]!.latency!.p50Ms;
const typeP50 = (s: EditorStore, value: number) => s.commit('Edit p50', (d) => void (d.nodes[0]!.latency!.p50Ms = value), 'node:service:p50');

describe('unsaved work and the undo history', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('an edit right after saving marks the document unsaved, even within one typing burst', () => {
    const s = store();
    s.commit('Add', (d) => void addNode(d, 'service', { x: 0, y: 0 }));
    typeP50(s, 1);
    s.markSaved({ name: 'a.mlsd.json', ref: '/tmp/a.mlsd.json' });
    vi.advanceTimersByTime(100);
    typeP50(s, 12);
    expect(isDirty(s.getState())).toBe(true);
    // The saved value stays one undo away.
    s.undo();
    expect(p50(s)).toBe(1);
    expect(isDirty(s.getState())).toBe(false);
  });

  it('a new edit after undo clears redo', () => {
    const s = store();
    s.commit('Add', (d) => void addNode(d, 'service', { x: 0, y: 0 }));
    typeP50(s, 7);
    s.undo();
    expect(s.getState().future).toHaveLength(1);
    s.commit('Rename', (d) => void (d.nodes[0]!.label = 'API'));
    expect(s.getState().future).toEqual([]);
    expect(s.redo()).toBe(false);
    expect(p50(s)).toBe(5);
    expect(s.getState().doc.nodes[0]!.label).toBe('API');
  });

  it('a burst merges only while the pauses stay within the coalescing window', () => {
    const s = store();
    s.commit('Add', (d) => void addNode(d, 'service', { x: 0, y: 0 }));
    typeP50(s, 1);
    vi.advanceTimersByTime(COALESCE_MS);
    typeP50(s, 12);
    expect(s.getState().past).toHaveLength(2);
    vi.advanceTimersByTime(COALESCE_MS + 1);
    typeP50(s, 123);
    expect(s.getState().past).toHaveLength(3);
    s.undo();
    expect(p50(s)).toBe(12);
    s.undo();
    expect(p50(s)).toBe(5);
  });

  it('edits without a key never merge, and an edit that changes nothing is no step', () => {
    const s = store();
    s.commit('Add', (d) => void addNode(d, 'service', { x: 0, y: 0 }));
    s.commit('Edit', (d) => void (d.nodes[0]!.label = 'A'));
    s.commit('Edit', (d) => void (d.nodes[0]!.label = 'B'));
    s.commit('Edit', (d) => void (d.nodes[0]!.label = 'B'));
    expect(s.getState().past.map((e) => e.label)).toEqual(['Add', 'Edit', 'Edit']);
  });

  it('undo of a merged burst restores the value before the burst in one step, and redo replays it whole', () => {
    const s = store();
    s.commit('Add', (d) => void addNode(d, 'service', { x: 0, y: 0 }));
    for (const value of [1, 12, 123]) typeP50(s, value);
    s.undo();
    expect(p50(s)).toBe(5);
    s.redo();
    expect(p50(s)).toBe(123);
    expect(s.redo()).toBe(false);
  });

  it('a drag, then an edit, are two steps; undo drops the selection of removed nodes', () => {
    const s = store();
    s.commit('Add', (d) => void addNode(d, 'service', { x: 0, y: 0 }));
    s.set({ selection: { nodes: ['service'], edges: [] } });
    s.gesture((d) => void (d.nodes[0]!.position = { x: 50, y: 0 }));
    s.commit('Rename', (d) => void (d.nodes[0]!.label = 'API'));
    expect(s.getState().past.map((e) => e.label)).toEqual(['Add', 'Rename', 'Rename']);
    expect(s.getState().gestureBase).toBeNull();
    s.undo();
    s.undo();
    expect(s.getState().doc.nodes[0]!.position).toEqual({ x: 0, y: 0 });
    s.undo();
    expect(s.getState().doc.nodes).toEqual([]);
    expect(s.getState().selection).toEqual({ nodes: [], edges: [] });
  });

  it('loading a document starts a fresh history; recovered work loads as unsaved', () => {
    const s = store();
    s.commit('Add', (d) => void addNode(d, 'service', { x: 0, y: 0 }));
    s.undo();
    s.load(emptyDiagram(), { name: 'b.mlsd.json', ref: null });
    expect(s.getState()).toMatchObject({ past: [], future: [], file: { name: 'b.mlsd.json' } });
    expect(isDirty(s.getState())).toBe(false);
    s.load(emptyDiagram(), { name: 'c.mlsd.json', ref: null }, true);
    expect(isDirty(s.getState())).toBe(true);
  });

  it('tells subscribers about every change until they unsubscribe', () => {
    const s = store();
    const heard = vi.fn();
    const stop = s.subscribe(heard);
    s.commit('Add', (d) => void addNode(d, 'service', { x: 0, y: 0 }));
    s.undo();
    s.redo();
    expect(heard).toHaveBeenCalledTimes(3);
    stop();
    s.undo();
    expect(heard).toHaveBeenCalledTimes(3);
  });
});

describe('the editor store, step by step', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a new store is light, shows the inspector, and has nothing to undo, redo or save', () => {
    const s = store();
    expect(s.getState()).toMatchObject({ theme: 'light', sidePanel: 'inspector', past: [], future: [], trafficMultiplier: 1, practice: null });
    expect(isDirty(s.getState())).toBe(false);
    expect(s.redo()).toBe(false);
    expect(s.undo()).toBe(false);
    s.markSaved({ name: 'b.mlsd.json', ref: '/tmp/b.mlsd.json' });
    expect(s.getState().file.name).toBe('b.mlsd.json');
    expect(isDirty(s.getState())).toBe(false);
  });

  it('undo and redo say whether they did something; every step has its own positive id', () => {
    const s = store();
    s.commit('Add', (d) => void addNode(d, 'service', { x: 0, y: 0 }));
    for (let i = 0; i < 4; i++) s.commit('Rename', (d) => void (d.nodes[0]!.label = `N${i}`));
    const ids = s.getState().past.map((e) => e.id);
    expect(new Set(ids).size).toBe(5);
    for (const id of ids) expect(id).toBeGreaterThan(0);
    expect(s.undo()).toBe(true);
    expect(s.redo()).toBe(true);
  });

  it('a burst merges into the last step of a long history, keeping the earlier steps', () => {
    const s = store();
    s.commit('Add', (d) => void addNode(d, 'service', { x: 0, y: 0 }));
    s.commit('Rename', (d) => void (d.nodes[0]!.label = 'API'));
    s.commit('Move', (d) => void (d.nodes[0]!.position = { x: 9, y: 9 }));
    for (const value of [1, 12, 123]) typeP50(s, value);
    expect(s.getState().past.map((e) => e.label)).toEqual(['Add', 'Rename', 'Move', 'Edit p50']);
    s.undo();
    expect(p50(s)).toBe(5);
    expect(s.getState().doc.nodes[0]!.label).toBe('API');
  });

  it('a gesture that moves nothing is no step; a drag after undo clears redo; undo mid-drag undoes the drag', () => {
    const s = store();
    s.commit('Add', (d) => void addNode(d, 'service', { x: 0, y: 0 }));
    s.gesture(() => {});
    s.endGesture('Move');
    expect(s.getState().past.map((e) => e.label)).toEqual(['Add']);
    s.commit('Rename', (d) => void (d.nodes[0]!.label = 'API'));
    s.undo();
    s.gesture((d) => void (d.nodes[0]!.position = { x: 40, y: 0 }));
    s.endGesture('Move');
    expect(s.getState().future).toEqual([]);
    s.gesture((d) => void (d.nodes[0]!.position = { x: 80, y: 0 }));
    expect(s.undo()).toBe(true);
    expect(s.getState().doc.nodes[0]!.position).toEqual({ x: 40, y: 0 });
    expect(s.getState().future.map((e) => e.label)).toEqual(['Move']);
  });

  it('keeps the selection of what still exists and drops what a step removed', () => {
    const s = store();
    s.commit('Add', (d) => void addNode(d, 'service', { x: 0, y: 0 }));
    s.commit('Add', (d) => void addNode(d, 'cache', { x: 0, y: 0 }));
    s.commit('Connect', (d) => void connect(d, 'service', 'cache'));
    s.set({ selection: { nodes: ['service', 'cache'], edges: ['e1'] } });
    s.commit('Rename', (d) => void (d.nodes[0]!.label = 'API'));
    expect(s.getState().selection).toEqual({ nodes: ['service', 'cache'], edges: ['e1'] });
    s.commit('Delete', (d) => void deleteSelection(d, { nodes: ['cache'], edges: [] }));
    expect(s.getState().selection).toEqual({ nodes: ['service'], edges: [] });
  });
});

describe('practice timing', () => {
  const session = (over: Partial<PracticeSession> = {}): PracticeSession => ({
    slug: 'news-feed', title: 'News feed', prompt: '', durationMs: 45 * 60_000, startedAtMs: 1_000, pausedAtMs: null,
    pausedTotalMs: 0, guessLocked: false, revealedSteps: 0, finished: false, ...over,
  });

  it('counts time used without the pauses, never below zero', () => {
    expect(practiceElapsedMs(session(), 61_000)).toBe(60_000);
    expect(practiceElapsedMs(session({ pausedTotalMs: 20_000 }), 61_000)).toBe(40_000);
    expect(practiceElapsedMs(session({ pausedAtMs: 31_000 }), 61_000)).toBe(30_000);
    expect(practiceElapsedMs(session(), 0)).toBe(0);
  });

  it('hides the live figures only while a running practice has no locked-in guess', () => {
    const s = store();
    expect(figuresHidden(s.getState())).toBe(false);
    s.set({ practice: session() });
    expect(figuresHidden(s.getState())).toBe(true);
    s.set({ practice: session({ guessLocked: true }) });
    expect(figuresHidden(s.getState())).toBe(false);
    s.set({ practice: session({ finished: true }) });
    expect(figuresHidden(s.getState())).toBe(false);
  });
});
