import type { Diagram, DiagramNode } from '../model/schema';
import { formatPercent } from '../units';
import type { Diagnostic } from './output';
import { HIGH_UTILIZATION } from './utilization';
import { round6 } from '../numbers';
import { PROFILE_DEFAULTS, type NodeDay } from './daily';
import type { Dist } from './grid';
import type { Queueing } from './queueing';

/** Whether some pool is busier at some moment of the day than at the peak (a late autoscaler, a spike); if not, the peak's figures are the day's worst. */
export function busierThanPeak(days: ReadonlyMap<string, NodeDay>, atPeak: ReadonlyMap<string, Queueing>): boolean {
  for (const [id, day] of days) if (day.worstUtilization > (atPeak.get(id)?.utilization ?? 0) + 1e-6) return true;
  return false;
}

/** The hour an entry's load peaks (its profile's peakHour), or null for a flat day. */
export function peakHourOf(entry: DiagramNode): number | null {
  const profile = entry.traffic?.profile;
  return profile ? (profile.peakHour ?? PROFILE_DEFAULTS.peakHour) : null;
}

/**
 * An entry's worst p99 of the day: the larger of the p99 at the peak (pools
 * sized for it) and at the day's busiest moment (pools still sized for the
 * load a scale-up delay earlier); null when either is unbounded.
 */
export function worstOfDay(atPeak: Dist | null, atBusiest: Dist | null, busiestHour: number, peakHour: number | null): { worstP99Ms: number | null; hour: number } {
  if (!atBusiest) return { worstP99Ms: null, hour: round6(busiestHour) };
  if (!atPeak) return { worstP99Ms: null, hour: round6(peakHour ?? busiestHour) };
  const peak = atPeak.quantile(0.99);
  const busiest = atBusiest.quantile(0.99);
  return busiest >= peak ? { worstP99Ms: round6(busiest), hour: round6(busiestHour) } : { worstP99Ms: round6(peak), hour: round6(peakHour ?? busiestHour) };
}

function clock(hour: number): string {
  const minutes = Math.round((((hour % 24) + 24) % 24) * 60);
  return `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Pools the autoscaler leaves too busy (or saturated) at some moment of the day: its replicas come late. */
export function dayDiagnostics(diagram: Pick<Diagram, 'nodes'>, days: ReadonlyMap<string, NodeDay>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const node of diagram.nodes) {
    const day = days.get(node.id);
    if (!day || day.worstUtilization <= HIGH_UTILIZATION) continue;
    const saturated = day.worstUtilization >= 1;
    const delay = node.capacity?.scaleUpDelayS ?? 0;
    diagnostics.push({
      severity: saturated ? 'error' : 'warning',
      code: 'autoscale-lag',
      node: node.id,
      message:
        `"${node.label}" ${saturated ? 'saturates' : `runs at ${formatPercent(day.worstUtilization)}`} at ${clock(day.worstHour)} UTC during the day: ` +
        (delay > 0 ? `its replicas follow the load ${delay} s late. ` : 'its replicas cannot keep up. ') +
        'Shorten the scale-up delay, scale on a forecast, raise minReplicas or maxReplicas, or lower targetUtilization.',
    });
  }
  return diagnostics;
}
