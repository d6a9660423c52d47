import type { Estimate } from '../../shared/estimator/output';
import { layoutDiagram, type Layout } from '../../shared/layout/elkGraph';
import type { Diagram } from '../../shared/model/schema';
import type { EstimateRequest, EstimateResponse, LayoutRequest, LayoutResponse } from './messages';

/** Computes estimates; in a worker where the platform has them. */
export interface EstimateClient {
  estimate(doc: Diagram, trafficMultiplier: number): Promise<Estimate>;
}

/** Lays out diagrams with ELK; in a worker where the platform has them. */
export interface LayoutClient {
  layout(doc: Pick<Diagram, 'nodes' | 'edges' | 'groups'>, only?: readonly string[]): Promise<Layout>;
}

/**
 * Sends requests to a worker and matches answers by sequence number. If the
 * worker cannot start (some hosts refuse module workers), every request,
 * pending or later, goes to `fallback` on this thread instead.
 */
function workerCall<Request extends { seq: number }, Response extends { seq: number }>(
  start: () => Worker,
  fallback: (request: Omit<Request, 'seq'>) => Promise<Response>,
) {
  let seq = 0;
  let broken = false;
  const waiting = new Map<number, { request: Omit<Request, 'seq'>; resolve: (response: Response) => void }>();
  let worker: Worker | null = null;
  const fail = () => {
    broken = true;
    for (const { request, resolve } of waiting.values()) void fallback(request).then(resolve);
    waiting.clear();
  };
  try {
    worker = start();
    worker.onmessage = (event: MessageEvent<Response>) => {
      waiting.get(event.data.seq)?.resolve(event.data);
      waiting.delete(event.data.seq);
    };
    worker.onerror = fail;
  } catch {
    broken = true;
  }
  return (request: Omit<Request, 'seq'>) => {
    if (broken || !worker) return fallback(request);
    return new Promise<Response>((resolve) => {
      seq += 1;
      waiting.set(seq, { request, resolve });
      worker!.postMessage({ ...request, seq });
    });
  };
}

async function estimateHere(request: Omit<EstimateRequest, 'seq'>): Promise<EstimateResponse> {
  const { estimate } = await import('../../shared/estimator/estimate');
  return { seq: 0, result: estimate(request.doc, { trafficMultiplier: request.trafficMultiplier }) };
}

async function layoutHere(request: Omit<LayoutRequest, 'seq'>): Promise<LayoutResponse> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const { positions, routes } = await layoutDiagram(request.doc, new ELK(), request.only ? new Set(request.only) : undefined);
  return { seq: 0, positions: [...positions], routes: [...routes] };
}

export function createEstimateClient(): EstimateClient {
  // Without workers (tests in jsdom) the same function runs on this thread.
  const call =
    typeof Worker === 'undefined'
      ? estimateHere
      : workerCall<EstimateRequest, EstimateResponse>(() => new Worker(new URL('./estimate.worker.ts', import.meta.url), { type: 'module' }), estimateHere);
  return {
    async estimate(doc, trafficMultiplier) {
      const response = await call({ doc, trafficMultiplier });
      if ('error' in response) throw new Error(response.error);
      return response.result;
    },
  };
}

export function createLayoutClient(): LayoutClient {
  const call =
    typeof Worker === 'undefined'
      ? layoutHere
      : workerCall<LayoutRequest, LayoutResponse>(() => new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' }), layoutHere);
  return {
    async layout(doc, only) {
      const response = await call({ doc: { nodes: doc.nodes, edges: doc.edges, groups: doc.groups }, only: only ? [...only] : undefined });
      if ('error' in response) throw new Error(response.error);
      return { positions: new Map(response.positions), routes: new Map(response.routes) };
    },
  };
}
