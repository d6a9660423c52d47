import { edgeGeometry, type EdgeGeometry } from '../../shared/layout/edgeGeometry';
import type { Diagram } from '../../shared/model/schema';

/** What the canvas asks the geometry worker: the nodes and edges to draw. */
export interface GeometryRequest {
  seq: number;
  diagram: Pick<Diagram, 'nodes' | 'edges'>;
}
export type GeometryResponse = { seq: number; geometry: EdgeGeometry[] } | { seq: number; error: string };

/** The geometry worker's answer to one request (the worker only adds the messaging). */
export function answerGeometry({ seq, diagram }: GeometryRequest): GeometryResponse {
  try {
    return { seq, geometry: edgeGeometry(diagram) };
  } catch (error) {
    return { seq, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Computes edge geometry for the newest diagram only: while one computation
 * runs, later requests replace each other and only the last is sent when it
 * finishes, so a drag that changes the diagram on every frame costs one
 * computation at a time, and every answer is for a diagram the canvas showed.
 * `send` starts a computation (a worker's postMessage, or a call on this
 * thread); `deliver` receives each answer.
 */
export class LatestGeometry {
  private seq = 0;
  private running = false;
  private waiting: Pick<Diagram, 'nodes' | 'edges'> | null = null;

  constructor(
    private readonly send: (request: GeometryRequest) => void,
    private readonly deliver: (geometry: EdgeGeometry[]) => void,
  ) {}

  /** Asks for the geometry of this diagram (replacing any request not yet sent). */
  request(diagram: Pick<Diagram, 'nodes' | 'edges'>): void {
    if (this.running) {
      this.waiting = diagram;
      return;
    }
    this.running = true;
    this.seq += 1;
    this.send({ seq: this.seq, diagram });
  }

  /** Takes an answer: delivers it if it is for the latest request sent, then sends the waiting one. */
  receive(response: GeometryResponse): void {
    if (response.seq !== this.seq) return;
    this.running = false;
    if ('geometry' in response) this.deliver(response.geometry);
    const next = this.waiting;
    this.waiting = null;
    if (next) this.request(next);
  }
}
