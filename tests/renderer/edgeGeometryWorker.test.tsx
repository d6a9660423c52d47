// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useEdgeGeometry, WORKER_GEOMETRY_MIN_NODES } from '../../renderer/canvas/useEdgeGeometry';
import { answerGeometry, LatestGeometry, type GeometryRequest, type GeometryResponse } from '../../renderer/workers/geometry';
import { edgeGeometry } from '../../shared/layout/edgeGeometry';
import { applyLayout, gridPositions } from '../../shared/layout/elkGraph';
import type { Diagram } from '../../shared/model/schema';
import { generateDiagram } from '../bench/generate';

afterEach(() => vi.unstubAllGlobals());

/** A generated diagram of about `count` nodes on a grid, with a stored route for every edge. */
function laidOut(count: number): Diagram {
  const diagram = generateDiagram(count, 7);
  return applyLayout(diagram, { positions: gridPositions(diagram, diagram.nodes.map((n) => n.id)), routes: new Map() });
}

/** The diagram with one node moved by (dx, dy), as a drag leaves it. */
function moved(diagram: Diagram, id: string, dx: number, dy: number): Diagram {
  return { ...diagram, nodes: diagram.nodes.map((n) => (n.id === id ? { ...n, position: { x: n.position!.x + dx, y: n.position!.y + dy } } : n)) };
}

describe('edge geometry in a worker', () => {
  it('gives, through the messages a worker exchanges, the same geometry as computing it here, before and after a drag', () => {
    const diagram = laidOut(300);
    const dragged = moved(diagram, diagram.nodes[40]!.id, 96, 64);
    for (const d of [diagram, dragged]) {
      const answer = structuredClone(answerGeometry(structuredClone({ seq: 1, diagram: { nodes: d.nodes, edges: d.edges } })));
      expect(answer).toEqual({ seq: 1, geometry: edgeGeometry(d) });
    }
    // The drag re-routes the moved node's edges: the worker's answer is not the old geometry.
    const node = diagram.nodes[40]!.id;
    const before = edgeGeometry(diagram).filter((g) => g.edge.source === node || g.edge.target === node);
    const after = (answerGeometry({ seq: 2, diagram: dragged }) as { geometry: ReturnType<typeof edgeGeometry> }).geometry.filter((g) => g.edge.source === node || g.edge.target === node);
    expect(after.length).toBeGreaterThan(0);
    expect(after.map((g) => g.points)).not.toEqual(before.map((g) => g.points));
  });

  it('computes one request at a time and, of those made meanwhile, only the newest', () => {
    const sent: GeometryRequest[] = [];
    const delivered: number[] = [];
    const latest = new LatestGeometry((r) => sent.push(r), (g) => delivered.push(g.length));
    const a = laidOut(30);
    const edgesOf = (n: number) => ({ nodes: a.nodes, edges: a.edges.slice(0, n) });
    latest.request(edgesOf(1));
    latest.request(edgesOf(2));
    latest.request(edgesOf(3));
    expect(sent.map((r) => r.diagram.edges.length)).toEqual([1]);
    latest.receive({ seq: 99, geometry: [] });
    expect(delivered).toEqual([]);
    latest.receive(answerGeometry(sent[0]!));
    expect(sent.map((r) => r.diagram.edges.length)).toEqual([1, 3]);
    latest.receive(answerGeometry(sent[1]!));
    expect(delivered).toEqual([1, 3]);
  });

  it('keeps showing the last geometry on the canvas until the worker answers for the newest diagram', async () => {
    const workers: FakeWorker[] = [];
    class FakeWorker {
      onmessage: ((event: { data: GeometryResponse }) => void) | null = null;
      onerror: (() => void) | null = null;
      inbox: GeometryRequest[] = [];
      constructor() {
        workers.push(this);
      }
      postMessage(request: GeometryRequest) {
        this.inbox.push(structuredClone(request));
      }
      answer() {
        const request = this.inbox.shift()!;
        this.onmessage?.({ data: structuredClone(answerGeometry(request)) });
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', FakeWorker);
    const diagram = laidOut(WORKER_GEOMETRY_MIN_NODES + 30);
    const id = diagram.nodes[10]!.id;
    const { result, rerender } = renderHook(({ d }) => useEdgeGeometry(d.nodes, d.edges), { initialProps: { d: diagram } });
    expect(result.current).toEqual([]);
    expect(workers).toHaveLength(1);
    act(() => workers[0]!.answer());
    await waitFor(() => expect(result.current).toEqual(edgeGeometry(diagram)));
    // Three frames of a drag while the worker is busy: the first is sent, the last waits, the middle one is never computed.
    const frames = [moved(diagram, id, 8, 0), moved(diagram, id, 16, 0), moved(diagram, id, 160, 0)];
    for (const d of frames) rerender({ d });
    expect(result.current).toEqual(edgeGeometry(diagram));
    act(() => workers[0]!.answer());
    await waitFor(() => expect(result.current).toEqual(edgeGeometry(frames[0]!)));
    act(() => workers[0]!.answer());
    await waitFor(() => expect(result.current).toEqual(edgeGeometry(frames[2]!)));
    expect(workers[0]!.inbox).toEqual([]);
  });

  it('computes a small diagram here, in the same render', () => {
    vi.stubGlobal('Worker', class {
      constructor() {
        throw new Error('no worker expected');
      }
    });
    const diagram = laidOut(60);
    const { result } = renderHook(() => useEdgeGeometry(diagram.nodes, diagram.edges));
    expect(result.current).toEqual(edgeGeometry(diagram));
  });
});
