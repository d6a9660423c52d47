import { describe, expect, it, vi } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { addNode, connect, connectionProblem, copySelection, deleteSelection, emptyDiagram, paste, uniqueId } from '../../renderer/state/commands';
import { COALESCE_MS } from '../../renderer/state/history';
import { EditorStore, isDirty } from '../../renderer/state/store';

const store = () => new EditorStore(emptyDiagram(), { name: 'a.mlsd.json', ref: null });

describe('editing and undo', () => {
  it('makes each command one undo step, and redoes it', () => {
    const s = store();
    s.commit('Add', (d) => void addNode(d, 'service', { x: 0, y: 0 }));
    s.commit('Add', (d) => void addNode(d, 'cache', { x: 0, y: 100 }));
    expect(s.getState().doc.nodes.map((n) => n.id)).toEqual(['service', 'cache']);
    s.undo();
    expect(s.getState().doc.nodes.map((n) => n.id)).toEqual(['service']);
    s.redo();
    expect(s.getState().doc.nodes.map((n) => n.id)).toEqual(['service', 'cache']);
    s.undo();
    s.undo();
    expect(s.getState().doc.nodes).toEqual([]);
    expect(s.undo()).toBe(false);
  });

  it('merges a typing burst on one field into one step, but not across fields or pauses', () => {
    vi.useFakeTimers();
    const s = store();
    s.commit('Add', (d) => void addNode(d, 'service', { x: 0, y: 0 }));
    for (const p50 of [1, 12, 123]) s.commit('Edit', (d) => void (d.nodes[0]!.latency!.p50Ms = p50), 'node:service:p50');
    s.commit('Edit', (d) => void (d.nodes[0]!.label = 'API'), 'node:service:label');
    expect(s.getState().past).toHaveLength(3);
    s.undo();
    expect(s.getState().doc.nodes[0]!.latency!.p50Ms).toBe(123);
    s.undo();
    expect(s.getState().doc.nodes[0]!.latency!.p50Ms).toBe(5);
    s.redo();
    vi.advanceTimersByTime(COALESCE_MS + 10);
    s.commit('Edit', (d) => void (d.nodes[0]!.latency!.p50Ms = 7), 'node:service:p50');
    expect(s.getState().past).toHaveLength(3);
    vi.useRealTimers();
  });

  it('turns a drag into one step from where it started', () => {
    const s = store();
    s.commit('Add', (d) => void addNode(d, 'service', { x: 0, y: 0 }));
    for (let x = 10; x <= 100; x += 10) s.gesture((d) => void (d.nodes[0]!.position = { x, y: 0 }));
    s.endGesture('Move');
    expect(s.getState().past.map((e) => e.label)).toEqual(['Add', 'Move']);
    s.undo();
    expect(s.getState().doc.nodes[0]!.position).toEqual({ x: 0, y: 0 });
  });

  it('knows when the document differs from the saved file, including after undo past the save', () => {
    const s = store();
    expect(isDirty(s.getState())).toBe(false);
    s.commit('Add', (d) => void addNode(d, 'service', { x: 0, y: 0 }));
    expect(isDirty(s.getState())).toBe(true);
    s.markSaved({ name: 'a.mlsd.json', ref: '/tmp/a.mlsd.json' });
    expect(isDirty(s.getState())).toBe(false);
    s.commit('Edit', (d) => void (d.nodes[0]!.label = 'X'), 'k');
    expect(isDirty(s.getState())).toBe(true);
    s.undo();
    expect(isDirty(s.getState())).toBe(false);
    s.undo();
    expect(isDirty(s.getState())).toBe(true);
  });
});

describe('document commands', () => {
  it('adds nodes with the kind defaults and fresh ids and labels', () => {
    const d = emptyDiagram();
    addNode(d, 'vectorIndex', { x: 1.4, y: 2.6 });
    addNode(d, 'vectorIndex', { x: 0, y: 0 });
    expect(d.nodes.map((n) => [n.id, n.label])).toEqual([['vectorIndex', 'Vector index'], ['vectorIndex2', 'Vector index 2']]);
    expect(d.nodes[0]).toMatchObject({ position: { x: 1, y: 3 }, params: { dimensions: 256 } });
    expect(uniqueId('9lives', new Set())).toBe('lives');
  });

  it('refuses connections into traffic, to itself and those that close a loop of calls', () => {
    const d = blueprint('similar-listings')!;
    expect(connectionProblem(d, 'gateway', 'users')).toMatch(/nothing can call a traffic node/);
    expect(connectionProblem(d, 'ann', 'ann')).toMatch(/cannot call itself/);
    expect(connectionProblem(d, 'ann', 'similar')).toMatch(/close a loop of calls \(similar -> carousel -> ann -> similar\)/);
    expect(connectionProblem(d, 'ann', 'similar', 'offline')).toBeNull();
    expect(connectionProblem(d, 'rerank', 'ann')).toBeNull();
  });

  it('deletes nodes with their edges, and pastes copies with new ids and the edges between them', () => {
    const d = emptyDiagram();
    addNode(d, 'service', { x: 0, y: 0 });
    addNode(d, 'cache', { x: 100, y: 0 });
    connect(d, 'service', 'cache');
    const clip = copySelection(d, { nodes: ['service', 'cache'], edges: [] })!;
    const pasted = paste(d, clip, { x: 32, y: 32 });
    expect(pasted).toEqual({ nodes: ['service2', 'cache2'], edges: ['e2'] });
    expect(d.edges[1]).toMatchObject({ source: 'service2', target: 'cache2' });
    expect(d.nodes[3]!.position).toEqual({ x: 132, y: 32 });
    deleteSelection(d, { nodes: ['service'], edges: [] });
    expect(d.nodes.map((n) => n.id)).toEqual(['cache', 'service2', 'cache2']);
    expect(d.edges.map((e) => e.id)).toEqual(['e2']);
  });
});
