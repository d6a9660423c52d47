import type { Estimate } from '../../shared/estimator/output';
import { formatBytes, formatLatencyMs, formatMs, formatQps, formatUsd } from '../../shared/units';
import type { HeadlineFigure } from '../../shared/explain';
import { useApp } from '../app/AppContext';
import { ExplainButton } from '../explain/ExplainContext';
import { effectiveMultiplier, useEditor } from '../state/store';

/** The headline figure each of the bar's items shows, and what its derivation is called. */
const EXPLAINED: Record<string, { figure: HeadlineFigure; name: string }> = {
  p99: { figure: 'worstP99', name: 'the worst p99' },
  cost: { figure: 'totalCost', name: 'the monthly cost' },
  storage: { figure: 'totalStorage', name: 'the data held' },
  peak: { figure: 'peakLoad', name: 'the peak load' },
};

function Meter({ label, actual, limit, text, name }: { label: string; actual: number | null; limit: number; text: string; name: string }) {
  const share = actual === null ? 1.2 : actual / limit;
  const level = share > 1 ? 'over' : share > 0.8 ? 'close' : 'ok';
  return (
    <div className={`meter meter-${level}`} aria-label={`${label} budget`} title={`${label}: ${text}`} data-headline={name}>
      <span className="meter-label">{label}</span>
      <span className="meter-track"><span style={{ width: `${Math.min(100, share * 100)}%` }} /></span>
      <ExplainButton figure={{ headline: EXPLAINED[name]!.figure }} name={EXPLAINED[name]!.name}><span className="meter-text">{text}</span></ExplainButton>
    </div>
  );
}

function Figure({ label, text, title, name }: { label: string; text: string; title: string; name: string }) {
  return (
    <span className="figure" aria-label={label} title={`${title}: ${text}`} data-headline={name}>
      <span className="meter-label">{label}</span> <ExplainButton figure={{ headline: EXPLAINED[name]!.figure }} name={EXPLAINED[name]!.name}>{text}</ExplainButton>
    </span>
  );
}

/**
 * The worst entry p99 in ms: null when one is unbounded, 0 when no entry has
 * a request path (only offline edges), which is shown as a dash.
 */
export function worstEntryP99Ms(estimate: Estimate): number | null {
  const p99s = estimate.entries.map((e) => e.latencyMs?.p99 ?? null);
  return p99s.includes(null) ? null : Math.max(0, ...(p99s as number[]));
}

/**
 * The headline figures, always in view: worst entry p99 and total monthly
 * cost against the diagram's budgets (or alone when none is set), total
 * storage, and the peak requests per second entering the design.
 */
export function HeadlineFigures({ estimate }: { estimate: Estimate | null }) {
  const { store } = useApp();
  const budgets = useEditor(store, (s) => s.doc.budgets);
  if (!estimate) return <div className="budget-bar muted" data-testid="budget-bar">Estimating…</div>;
  const empty = estimate.entries.length === 0;
  const worst = worstEntryP99Ms(estimate);
  const cost = estimate.totals.costUsdPerMonth;
  const peakQps = estimate.entries.reduce((sum, e) => sum + e.qps.peak, 0);
  return (
    <div className="budget-bar" data-testid="budget-bar">
      {empty ? (
        <span className="figure muted nothing-yet" data-headline="p99">{NOTHING_TO_ESTIMATE}</span>
      ) : budgets?.p99Ms !== undefined ? (
        <Meter name="p99" label="p99" actual={worst} limit={budgets.p99Ms} text={`${formatLatencyMs(worst)} / ${formatMs(budgets.p99Ms)}`} />
      ) : (
        <Figure name="p99" label="p99" text={formatLatencyMs(worst)} title="Worst p99 latency over the traffic entries" />
      )}
      {budgets?.monthlyCostUsd !== undefined ? (
        <Meter name="cost" label="Cost" actual={cost} limit={budgets.monthlyCostUsd} text={`${formatUsd(cost)} / ${formatUsd(budgets.monthlyCostUsd)}/mo`} />
      ) : (
        <Figure name="cost" label="Cost" text={`${formatUsd(cost)}/mo`} title="Monthly cost of every component" />
      )}
      <Figure name="storage" label="Data" text={formatBytes(estimate.totals.storageBytes)} title="Total storage held by every component" />
      {!empty && <Figure name="peak" label="Peak" text={formatQps(peakQps)} title="Peak requests per second over all traffic entries" />}
    </div>
  );
}

/** Shown instead of figures while the diagram has no traffic entry: with no load there is nothing to estimate. */
export const NOTHING_TO_ESTIMATE = 'Nothing to estimate yet: add a Traffic entry';

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
