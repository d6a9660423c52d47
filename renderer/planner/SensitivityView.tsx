import { useEffect, useMemo, useState } from 'react';
import { formatMs, formatUsd } from '../../shared/units';
import { useApp } from '../app/AppContext';
import { useEditor } from '../state/store';
import { TORNADO_ROWS, tornadoConfig } from './charts';
import { ChartCanvas } from './ChartCanvas';
import { FixedFleetBox } from './FixedFleetBox';
import { JobProgress } from './JobProgress';
import { useJob } from './useJob';

const RANGES = [0.1, 0.25, 0.5] as const;
/** Wait after the last edit before running sensitivity again, ms. */
const SENSITIVITY_DEBOUNCE_MS = 600;

/**
 * "What matters most": a tornado of the inputs that move the worst p99 (or
 * the monthly cost) most when each is moved down and up by the chosen range.
 */
export function SensitivityView() {
  const { store } = useApp();
  const doc = useEditor(store, (s) => s.doc);
  const [range, setRange] = useState<number>(0.5);
  const [metric, setMetric] = useState<'p99' | 'cost'>('p99');
  const [fixedFleet, setFixedFleet] = useState(false);
  const job = useJob<'sensitivity'>();
  const { start } = job;
  useEffect(() => {
    const timer = setTimeout(() => start({ kind: 'sensitivity', doc, range, fixedFleet }), SENSITIVITY_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [doc, range, fixedFleet, start]);
  const result = job.result;
  const config = useMemo(() => (result ? tornadoConfig(result, metric) : null), [result, metric]);
  const top = result ? (metric === 'p99' ? result.byP99[0] : result.byCost[0]) : undefined;
  const effect = top && (metric === 'p99' ? (top.p99EffectMs === Infinity ? 'saturates the design' : `moves p99 by up to ${formatMs(top.p99EffectMs)}`) : `moves cost by up to ${formatUsd(top.costEffectUsd)}/mo`);
  return (
    <div className="planner-view" aria-label="What matters most">
      <div className="planner-controls">
        <div role="radiogroup" aria-label="Figure">
          {(['p99', 'cost'] as const).map((m) => (
            <label key={m} className="checkbox"><input type="radio" name="sensitivity-metric" checked={metric === m} onChange={() => setMetric(m)} /> {m === 'p99' ? 'Worst p99' : 'Monthly cost'}</label>
          ))}
        </div>
        <label>
          Each input{' '}
          <select aria-label="Range" value={range} onChange={(e) => setRange(Number(e.currentTarget.value))}>
            {RANGES.map((r) => <option key={r} value={r}>±{r * 100}%</option>)}
          </select>
        </label>
        <FixedFleetBox checked={fixedFleet} onChange={setFixedFleet} />
        <JobProgress job={job} what="Sensitivity" />
      </div>
      {top && <p className="sensitivity-top">Most: {top.label} ({effect}); the {TORNADO_ROWS} largest below{metric === 'p99' && top.p99EffectMs === Infinity ? ', red where a move saturates the design' : ''}.</p>}
      {config ? <ChartCanvas config={config} label={`Tornado: what moves ${metric === 'p99' ? 'p99' : 'cost'} most`} heightPx={260} /> : !job.error && <p className="muted">Moving each input…</p>}
    </div>
  );
}
