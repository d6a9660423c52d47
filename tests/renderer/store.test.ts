import { describe, expect, it, vi } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { connectFromCanvas, reconnectFromCanvas } from '../../renderer/canvas/connecting';
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
    expect(connectionProblem(d, 'gateway', 'users')).toBe('"Users viewing a listing" is a traffic entry: load only leaves it, nothing can call a traffic node');
    expect(connectionProblem(d, 'ann', 'ann')).toBe('"ANN service over 5M listings (HNSW)" cannot call itself');
    expect(connectionProblem(d, 'ann', 'similar')).toBe(
      '"Similar-listings service" already calls "ANN service over 5M listings (HNSW)" through "Carousel cache (per listing, daily)", so this would close a loop of calls; draw feedback as an offline edge',
    );
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

  it('numbers the labels of copies with the lowest free number, and of new nodes too', () => {
    const d = emptyDiagram();
    addNode(d, 'model', { x: 0, y: 0 });
    d.nodes[0]!.label = 'Ranker';
    const clip = copySelection(d, { nodes: ['model'], edges: [] })!;
    paste(d, clip, { x: 32, y: 32 });
    paste(d, clip, { x: 64, y: 64 });
    expect(d.nodes.map((n) => n.label)).toEqual(['Ranker', 'Ranker 2', 'Ranker 3']);
    deleteSelection(d, { nodes: [d.nodes[1]!.id], edges: [] });
    paste(d, copySelection(d, { nodes: [d.nodes[1]!.id], edges: [] })!, { x: 0, y: 0 });
    expect(d.nodes.map((n) => n.label)).toEqual(['Ranker', 'Ranker 3', 'Ranker 2']);
    addNode(d, 'service', { x: 0, y: 0 });
    addNode(d, 'service', { x: 0, y: 0 });
    d.nodes.at(-2)!.label = 'Other';
    addNode(d, 'service', { x: 0, y: 0 });
    expect(d.nodes.slice(-3).map((n) => n.label)).toEqual(['Other', 'Service 2', 'Service']);
  });
});

describe('connecting on the canvas', () => {
  const twoNodes = () => {
    const s = store();
    s.commit('Add', (d) => {
      addNode(d, 'service', { x: 0, y: 0 });
      addNode(d, 'model', { x: 300, y: 0 });
      addNode(d, 'cache', { x: 300, y: 200 });
    });
    return s;
  };

  it('counts a second connection between the same pair on the first edge, as one undo step, and says so', () => {
    const s = twoNodes();
    connectFromCanvas(s, 'service', 'model');
    connectFromCanvas(s, 'service', 'model');
    expect(s.getState().doc.edges).toEqual([{ id: 'e1', source: 'service', target: 'model', calls: 2 }]);
    expect(s.getState().notice).toBe('"Service" already calls "Model": the edge now makes ×2 calls per request (undo to take it back)');
    s.undo();
    expect(s.getState().doc.edges).toEqual([{ id: 'e1', source: 'service', target: 'model' }]);
  });

  it('refuses a loop with the reason, drawing nothing', () => {
    const s = twoNodes();
    connectFromCanvas(s, 'service', 'model');
    connectFromCanvas(s, 'model', 'service');
    expect(s.getState().doc.edges).toHaveLength(1);
    expect(s.getState().notice).toBe('Not connected: "Service" already calls "Model", so this would close a loop of calls; draw feedback as an offline edge');
  });

  it('re-attaches an edge end as one undo step, with the checks of a new connection', () => {
    const s = twoNodes();
    connectFromCanvas(s, 'service', 'model');
    connectFromCanvas(s, 'model', 'cache');
    const first = s.getState().doc.edges[0]!;
    reconnectFromCanvas(s, first, 'service', 'cache');
    expect(s.getState().doc.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['service>cache', 'model>cache']);
    s.undo();
    expect(s.getState().doc.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['service>model', 'model>cache']);
    reconnectFromCanvas(s, s.getState().doc.edges[1]!, 'model', 'service');
    expect(s.getState().notice).toMatch(/^Not reconnected: "Service" already calls "Model"/);
    expect(s.getState().doc.edges[1]).toMatchObject({ source: 'model', target: 'cache' });
    // Landing on a pair that is already connected merges the two edges' calls.
    connectFromCanvas(s, 'service', 'cache');
    reconnectFromCanvas(s, s.getState().doc.edges[2]!, 'service', 'model');
    expect(s.getState().doc.edges).toEqual([{ id: 'e1', source: 'service', target: 'model', calls: 2 }, { id: 'e2', source: 'model', target: 'cache' }]);
  });
});

describe('the traffic what-if', () => {
  it('belongs to the open document: loading another puts it back at 1x', () => {
    const s = store();
    s.set({ trafficMultiplier: 10 });
    s.load(blueprint('news-feed')!, { name: 'news-feed.mlsd.json', ref: null });
    expect(s.getState().trafficMultiplier).toBe(1);
  });
});
