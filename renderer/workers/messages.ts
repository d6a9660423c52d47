import type { Estimate } from '../../shared/estimator/output';
import type { StoredRoute } from '../../shared/layout/edgeGeometry';
import type { Diagram, Position } from '../../shared/model/schema';

export interface EstimateRequest {
  seq: number;
  doc: Diagram;
  trafficMultiplier: number;
  fixedFleet?: boolean;
}
export type EstimateResponse = { seq: number; result: Estimate } | { seq: number; error: string };

export interface LayoutRequest {
  seq: number;
  doc: Pick<Diagram, 'nodes' | 'edges' | 'groups'>;
  only?: string[];
}
export type LayoutResponse = { seq: number; positions: [string, Position][]; routes: [string, StoredRoute][] } | { seq: number; error: string };
