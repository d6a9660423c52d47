import type { Estimate } from '../../shared/estimator/output';
import { layoutPositions } from '../../shared/layout/elkGraph';
import type { Diagram, Position } from '../../shared/model/schema';
import type { EstimateRequest, EstimateResponse, LayoutRequest, LayoutResponse } from './messages';

/** Computes estimates; in a worker where the platform has them. */
export interface EstimateClient {
  estimate(doc: Diagram, trafficMultiplier: number): Promise<Estimate>;
}

/** Lays out diagrams with ELK; in a worker where the platform has them. */
export interface LayoutClient {
  layout(doc: Pick<Diagram, 'nodes' | 'edges' | 'groups'>, only?: readonly string[]): Promise<Map<string, Position>>;
}

/** Sends requests to a worker and matches answers by sequence number. */
function workerCall<Request extends { seq: number }, Response extends { seq: number }>(worker: Worker) {
  let seq = 0;
  const waiting = new Map<number, (response: Response) => void>();
  worker.onmessage = (event: MessageEvent<Response>) => {
    waiting.get(event.data.seq)?.(event.data);
    waiting.delete(event.data.seq);
  };
  return (request: Omit<Request, 'seq'>) =>
    new Promise<Response>((resolve) => {
      seq += 1;
      waiting.set(seq, resolve);
      worker.postMessage({ ...request, seq });
    });
}

export function createEstimateClient(): EstimateClient {
  if (typeof Worker === 'undefined') {
    // No workers (tests in jsdom): the same function, on this thread.
    return { estimate: async (doc, trafficMultiplier) => (await import('../../shared/estimator/estimate')).estimate(doc, { trafficMultiplier }) };
  }
  const call = workerCall<EstimateRequest, EstimateResponse>(new Worker(new URL('./estimate.worker.ts', import.meta.url), { type: 'module' }));
  return {
    async estimate(doc, trafficMultiplier) {
      const response = await call({ doc, trafficMultiplier });
      if ('error' in response) throw new Error(response.error);
      return response.result;
    },
  };
}

export function createLayoutClient(): LayoutClient {
  if (typeof Worker === 'undefined') {
    return {
      async layout(doc, only) {
        const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
        return layoutPositions(doc, new ELK(), only ? new Set(only) : undefined);
      },
    };
  }
  const call = workerCall<LayoutRequest, LayoutResponse>(new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' }));
  return {
    async layout(doc, only) {
      const response = await call({ doc: { nodes: doc.nodes, edges: doc.edges, groups: doc.groups }, only: only ? [...only] : undefined });
      if ('error' in response) throw new Error(response.error);
      return new Map(response.positions);
    },
  };
}
