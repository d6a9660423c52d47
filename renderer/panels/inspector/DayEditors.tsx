import type { NodeDay } from '../../../shared/estimator/daily';
import { PROFILE_DEFAULTS } from '../../../shared/estimator/daily';
import type { DiagramNode } from '../../../shared/model/schema';
import { formatPercent, formatQps, significant } from '../../../shared/units';
import type { NodeEdit } from './BlockEditors';
import { NumberField } from './fields';

/** The daily profile of a traffic node: wave peak and trough, and a spike. */
export function ProfileEditor({ node, edit }: { node: DiagramNode; edit: NodeEdit }) {
  const p = node.traffic?.profile;
  if (!p) {
    return <button type="button" className="link" onClick={() => edit('traffic.profile', (n) => void (n.traffic!.profile = { peakHour: PROFILE_DEFAULTS.peakHour, troughShare: PROFILE_DEFAULTS.troughShare }))}>Add a daily profile</button>;
  }
  const set = (field: 'peakHour' | 'troughShare', v: number | undefined) =>
    edit(`traffic.profile.${field}`, (n) => (v === undefined ? delete n.traffic!.profile![field] : (n.traffic!.profile![field] = v)));
  const spike = p.spike;
  return (
    <div className="day-profile">
      <NumberField label="Peak hour (UTC)" unit="h" value={p.peakHour} optional placeholder={String(PROFILE_DEFAULTS.peakHour)} rule={{ min: 0, max: 24 }} onCommit={(v) => set('peakHour', v)} />
      <NumberField label="Night load" unit="of peak" value={p.troughShare} optional placeholder={String(PROFILE_DEFAULTS.troughShare)} rule={{ min: 0, max: 1 }} onCommit={(v) => set('troughShare', v)} />
      {spike ? (
        <>
          <NumberField label="Spike at" unit="h" value={spike.hour} rule={{ min: 0, max: 24 }} onCommit={(v) => edit('traffic.spike.hour', (n) => void (n.traffic!.profile!.spike!.hour = v!))} />
          <NumberField label="Spike lasts" unit="min" value={spike.minutes} rule={{ min: 0, aboveMin: true, max: 1440 }} onCommit={(v) => edit('traffic.spike.minutes', (n) => void (n.traffic!.profile!.spike!.minutes = v!))} />
          <NumberField label="Spike multiplies load by" unit="x" value={spike.multiplier} rule={{ min: 1, max: 100 }} onCommit={(v) => edit('traffic.spike.x', (n) => void (n.traffic!.profile!.spike!.multiplier = v!))} />
          <button type="button" className="link" onClick={() => edit('traffic.spike', (n) => void delete n.traffic!.profile!.spike)}>Remove spike</button>
        </>
      ) : (
        <button type="button" className="link" onClick={() => edit('traffic.spike', (n) => void (n.traffic!.profile!.spike = { hour: 12, minutes: 30, multiplier: 2 }))}>Add a spike</button>
      )}
      <button type="button" className="link" onClick={() => edit('traffic.profile', (n) => void delete n.traffic!.profile)}>Remove daily profile</button>
    </div>
  );
}

const WIDTH = 260;
const HEIGHT = 72;

/** The node's day as a small chart: load (line) and replicas (steps) over 24 hours, with replica-hours and the busiest moment. */
export function DayChart({ day }: { day: NodeDay }) {
  const maxQps = Math.max(...day.chart.map((p) => p.qps), 1e-9);
  const maxReplicas = Math.max(day.peakReplicas, 1);
  const x = (hour: number) => (hour / 24) * WIDTH;
  const yQps = (qps: number) => HEIGHT - (qps / maxQps) * (HEIGHT - 4);
  const yReplicas = (r: number) => HEIGHT - (r / maxReplicas) * (HEIGHT - 4);
  const load = day.chart.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.hour).toFixed(1)},${yQps(p.qps).toFixed(1)}`).join(' ');
  const steps = day.chart.map((p, i) => `${i === 0 ? 'M' : 'H'}${x(p.hour).toFixed(1)}${i === 0 ? ',' : ' V'}${yReplicas(p.replicas).toFixed(1)}`).join(' ');
  const hh = Math.floor(day.worstHour);
  const mm = Math.round((day.worstHour - hh) * 60);
  return (
    <figure className="day-chart" aria-label="Day chart">
      <svg width={WIDTH} height={HEIGHT + 14} role="img" aria-label={`Load and replicas over the day, peak ${formatQps(maxQps)}, up to ${day.peakReplicas} replicas`}>
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="day-chart-frame" />
        <path d={load} className="day-chart-load" />
        <path d={steps} className="day-chart-replicas" />
        {[0, 6, 12, 18, 24].map((h) => (
          <text key={h} x={Math.min(WIDTH - 8, Math.max(0, x(h) - 4))} y={HEIGHT + 12} className="day-chart-axis">{h}</text>
        ))}
      </svg>
      <figcaption>
        Load (line, peak {formatQps(maxQps)}) and replicas (steps, {day.lowestReplicas} to {day.peakReplicas}): {significant(day.replicaHours, 4)} replica-hours a day;
        busiest at {String(hh).padStart(2, '0')}:{String(mm).padStart(2, '0')} UTC, {Number.isFinite(day.worstUtilization) ? formatPercent(day.worstUtilization) : 'saturated'}.
      </figcaption>
    </figure>
  );
}
