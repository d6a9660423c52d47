import type { Estimate } from '../../shared/estimator/output';
import { layoutDiagram, type Layout } from '../../shared/layout/elkGraph';
import type { Diagram } from '../../shared/model/schema';
import type { EstimateRequest, EstimateResponse, LayoutRequest, LayoutResponse } from './messages';

/** Computes estimates; in a worker where the platform has them. */
export interface EstimateClient {
  estimate(doc: Diagram, trafficMultiplier: number, fixedFleet?: boolean): Promise<Estimate>;
}

/** Lays out diagrams with ELK; in a worker where the platform has them. */
export interface LayoutClient {
  layout(doc: Pick<Diagram, 'nodes' | 'edges' | 'groups'>, only?: readonly string[]): Promise<Layout>;
}

/** How long an estimate may run before its worker is stopped and started afresh, ms. */
export const ESTIMATE_DEADLINE_MS = 10_000;
/** How long a layout may run before its worker is stopped and started afresh, ms. */
export const LAYOUT_DEADLINE_MS = 30_000;

interface Waiting<Request, Response> {
  request: Omit<Request, 'seq'>;
  resolve: (response: Response) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Sends requests to a worker and matches answers by sequence number. If the
 * worker cannot start (some hosts refuse module workers), every request,
 * pending or later, goes to `fallback` on this thread instead. A request not
 * answered within `deadlineMs` stops the worker (a hostile or absurd document
 * cannot keep it busy for ever): every pending request is answered with
 * `overrun` as its error, and a fresh worker takes the next one.
 */
function workerCall<Request extends { seq: number }, Response extends { seq: number }>(
  start: () => Worker,
  fallback: (request: Omit<Request, 'seq'>) => Promise<Response>,
  deadlineMs: number,
  overrun: string,
) {
  let seq = 0;
  let broken = false;
  const waiting = new Map<number, Waiting<Request, Response>>();
  let worker: Worker | null = null;
  const takeWaiting = () => {
    const all = [...waiting.values()];
    waiting.clear();
    for (const entry of all) clearTimeout(entry.timer);
    return all;
  };
  const fail = () => {
    broken = true;
    for (const { request, resolve } of takeWaiting()) void fallback(request).then(resolve);
  };
  const launch = () => {
    try {
      worker = start();
      worker.onmessage = (event: MessageEvent<Response>) => {
        const entry = waiting.get(event.data.seq);
        if (!entry) return;
        clearTimeout(entry.timer);
        waiting.delete(event.data.seq);
        entry.resolve(event.data);
      };
      worker.onerror = fail;
    } catch {
      broken = true;
    }
  };
  const stopAndRestart = () => {
    worker?.terminate();
    worker = null;
    for (const { resolve } of takeWaiting()) resolve({ seq: 0, error: overrun } as unknown as Response);
    launch();
  };
  launch();
  return (request: Omit<Request, 'seq'>) => {
    if (broken || !worker) return fallback(request);
    return new Promise<Response>((resolve) => {
      seq += 1;
      waiting.set(seq, { request, resolve, timer: setTimeout(stopAndRestart, deadlineMs) });
      worker!.postMessage({ ...request, seq });
    });
  };
}

async function estimateHere(request: Omit<EstimateRequest, 'seq'>): Promise<EstimateResponse> {
  const { estimate } = await import('../../shared/estimator/estimate');
  return { seq: 0, result: estimate(request.doc, { trafficMultiplier: request.trafficMultiplier, fixedFleet: request.fixedFleet }) };
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
      : workerCall<EstimateRequest, EstimateResponse>(
          () => new Worker(new URL('./estimate.worker.ts', import.meta.url), { type: 'module' }),
          estimateHere,
          ESTIMATE_DEADLINE_MS,
          `the figures took longer than ${ESTIMATE_DEADLINE_MS / 1000} s and were stopped; those shown are from an earlier version of the diagram`,
        );
  return {
    async estimate(doc, trafficMultiplier, fixedFleet) {
      const response = await call({ doc, trafficMultiplier, fixedFleet });
      if ('error' in response) throw new Error(response.error);
      return response.result;
    },
  };
}

export function createLayoutClient(): LayoutClient {
  const call =
    typeof Worker === 'undefined'
      ? layoutHere
      : workerCall<LayoutRequest, LayoutResponse>(
          () => new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' }),
          layoutHere,
          LAYOUT_DEADLINE_MS,
          `the automatic layout took longer than ${LAYOUT_DEADLINE_MS / 1000} s and was stopped; nothing was moved`,
        );
  return {
    async layout(doc, only) {
      const response = await call({ doc: { nodes: doc.nodes, edges: doc.edges, groups: doc.groups }, only: only ? [...only] : undefined });
      if ('error' in response) throw new Error(response.error);
      return { positions: new Map(response.positions), routes: new Map(response.routes) };
    },
  };
}
