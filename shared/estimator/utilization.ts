/** Utilization above which a node is shown as busy (amber): its queue starts to matter. */
export const BUSY_UTILIZATION = 0.6;
/** Utilization above which queueing delay climbs steeply: shown hot, and warned about. */
export const HIGH_UTILIZATION = 0.8;

/** How loaded a node is, as the canvas and the exported pictures colour it. */
export type UtilizationLevel = 'none' | 'ok' | 'busy' | 'hot' | 'saturated';

/** Utilization (busy servers / servers, at peak) as a traffic light; 'none' where it is not modelled. */
export function utilizationLevel(utilization: number | null | undefined): UtilizationLevel {
  if (utilization === null || utilization === undefined) return 'none';
  if (utilization >= 1) return 'saturated';
  if (utilization > HIGH_UTILIZATION) return 'hot';
  if (utilization > BUSY_UTILIZATION) return 'busy';
  return 'ok';
}
