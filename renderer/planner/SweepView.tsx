import { useEffect, useMemo, useState } from 'react';
import { useApp } from '../app/AppContext';
import { revealNode } from '../panels/Diagnostics';
import { useEditor } from '../state/store';
import { sweepChartConfig } from './charts';
import { ChartCanvas } from './ChartCanvas';
import { FixedFleetBox } from './FixedFleetBox';
import { JobProgress } from './JobProgress';
import { useJob } from './useJob';

/** Wait after the last edit before sweeping again, ms. */
const SWEEP_DEBOUNCE_MS = 400;

/**
 * "Where it breaks": p99 of each entry and the monthly cost from 0.1x to
 * 100x today's load, with the knees marked (where the first node saturates,
 * where each budget is first missed). Computed in a worker; redone after edits.
 */
export function SweepView() {
  const ctx = useApp();
  const doc = useEditor(ctx.store, (s) => s.doc);
  const [fixedFleet, setFixedFleet] = useState(false);
  const job = useJob<'sweep'>();
  const { start } = job;
  useEffect(() => {
    const timer = setTimeout(() => start({ kind: 'sweep', doc, fixedFleet }), SWEEP_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [doc, fixedFleet, start]);
  const labels = useMemo(() => new Map(doc.nodes.map((n) => [n.id, n.label])), [doc.nodes]);
  const result = job.result;
  const budgetMs = doc.budgets?.p99Ms;
  const config = useMemo(() => (result ? sweepChartConfig(result, labels, budgetMs) : null), [result, labels, budgetMs]);
  const knees = result ? [result.saturation, result.p99Budget, result.costBudget].filter((k) => k !== undefined) : [];
  return (
    <div className="planner-view" aria-label="Where the design breaks">
      <div className="planner-controls">
        <FixedFleetBox checked={fixedFleet} onChange={setFixedFleet} />
        <JobProgress job={job} what="Sweep" />
      </div>
      {knees.length > 0 && (
        <ul className="knees" aria-label="Knees">
          {knees.map((k) => (
            <li key={k.text} className={k.multiplier === null ? 'ok' : 'over'}>
              {k.node ? <button type="button" className="link" onClick={() => revealNode(ctx, k.node!)}>{k.text}</button> : k.text}
            </li>
          ))}
        </ul>
      )}
      {config ? <ChartCanvas config={config} label="p99 and monthly cost against load" heightPx={220} /> : !job.error && <p className="muted">Sweeping the load…</p>}
    </div>
  );
}
