import type { Estimate } from '../../shared/estimator/output';
import { formatMs, formatUsd } from '../../shared/units';
import { useApp } from '../app/AppContext';
import { effectiveMultiplier, useEditor } from '../state/store';

function Meter({ label, actual, limit, text }: { label: string; actual: number | null; limit: number; text: string }) {
  const share = actual === null ? 1.2 : actual / limit;
  const level = share > 1 ? 'over' : share > 0.8 ? 'close' : 'ok';
  return (
    <div className={`meter meter-${level}`} aria-label={`${label} budget`} title={`${label}: ${text}`}>
      <span className="meter-label">{label}</span>
      <span className="meter-track"><span style={{ width: `${Math.min(100, share * 100)}%` }} /></span>
      <span className="meter-text">{text}</span>
    </div>
  );
}

/** Worst entry p99 and total monthly cost, against the diagram's budgets (or alone when none is set). */
export function BudgetBar({ estimate }: { estimate: Estimate | null }) {
  const { store } = useApp();
  const budgets = useEditor(store, (s) => s.doc.budgets);
  if (!estimate) return <div className="budget-bar muted">Estimating…</div>;
  const p99s = estimate.entries.map((e) => e.latencyMs?.p99 ?? null);
  const worst = p99s.includes(null) ? null : p99s.length ? Math.max(...(p99s as number[])) : 0;
  const cost = estimate.totals.costUsdPerMonth;
  return (
    <div className="budget-bar" data-testid="budget-bar">
      {budgets?.p99Ms !== undefined ? (
        <Meter label="p99" actual={worst} limit={budgets.p99Ms} text={`${formatMs(worst)} / ${formatMs(budgets.p99Ms)}`} />
      ) : (
        <span className="figure">p99 {formatMs(worst)}</span>
      )}
      {budgets?.monthlyCostUsd !== undefined ? (
        <Meter label="Cost" actual={cost} limit={budgets.monthlyCostUsd} text={`${formatUsd(cost)} / ${formatUsd(budgets.monthlyCostUsd)}/mo`} />
      ) : (
        <span className="figure">{formatUsd(cost)}/mo</span>
      )}
    </div>
  );
}

/** A traffic multiplier as people write it: "10", "0.5", "2.5". */
export function multiplierText(multiplier: number): string {
  return String(Number(multiplier.toPrecision(2)));
}

/** The what-if traffic multiplier, 0.1x to 100x on a log scale; locked at 1x during practice. */
export function WhatIf() {
  const { store } = useApp();
  const multiplier = useEditor(store, effectiveMultiplier);
  const practising = useEditor(store, (s) => s.practice !== null);
  const position = Math.log10(multiplier);
  return (
    <label className="what-if" title={practising ? 'Locked at 1× during practice: your estimate is graded at the case\'s own load' : 'Multiply every traffic entry to see where the design breaks'}>
      Traffic
      <input
        type="range"
        min={-1}
        max={2}
        step={0.01}
        value={position}
        disabled={practising}
        aria-label="Traffic multiplier"
        aria-valuetext={`${multiplierText(multiplier)} times`}
        onChange={(e) => store.set({ trafficMultiplier: Number((10 ** Number(e.currentTarget.value)).toPrecision(2)) })}
        onDoubleClick={() => store.set({ trafficMultiplier: 1 })}
      />
      <output>{multiplierText(multiplier)}×</output>
    </label>
  );
}
