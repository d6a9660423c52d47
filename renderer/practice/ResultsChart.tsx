import { useState } from 'react';
import { PRACTICE_STEPS } from '../../shared/practice/steps';
import { progressOf, type PracticeResult } from './results';

const WIDTH = 560;
const HEIGHT = 180;
const PAD = { left: 30, right: 10, top: 10, bottom: 22 };
/** One colour per step, in step order, then the total in the text colour. */
const STEP_COLOURS = ['#2563eb', '#7c3aed', '#0891b2', '#16a34a', '#ca8a04', '#ea580c', '#db2777'];

const x = (i: number, n: number) => PAD.left + (n <= 1 ? 0 : (i * (WIDTH - PAD.left - PAD.right)) / (n - 1));
const y = (score: number) => PAD.top + ((100 - score) * (HEIGHT - PAD.top - PAD.bottom)) / 100;

function line(values: readonly (number | null)[]): string {
  return values.map((v, i) => (v === null ? null : `${x(i, values.length)},${y(v)}`)).filter(Boolean).join(' ');
}

/** Score over time for one case: the total and each step's share of checks passed, session by session. */
export function ResultsChart({ results }: { results: readonly PracticeResult[] }) {
  const cases = [...new Map(results.map((r) => [r.slug, r.title])).entries()];
  const [slug, setSlug] = useState(cases[0]?.[0] ?? '');
  if (cases.length === 0) return null;
  const progress = progressOf(results, slug);
  const n = progress.total.length;
  return (
    <section aria-label="Progress" className="results-progress">
      <label className="practice-form">
        Progress of
        <select aria-label="Progress of" value={slug} onChange={(e) => setSlug(e.currentTarget.value)}>
          {cases.map(([s, title]) => <option key={s} value={s}>{title}</option>)}
        </select>
      </label>
      <svg className="results-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Scores of ${n} session${n === 1 ? '' : 's'}, oldest first: ${progress.total.join(', ')}`}>
        {[0, 50, 100].map((v) => (
          <g key={v}>
            <line className="axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} />
            <text x={PAD.left - 4} y={y(v) + 4} textAnchor="end">{v}</text>
          </g>
        ))}
        {PRACTICE_STEPS.map((step, i) => (
          <polyline key={step.key} stroke={STEP_COLOURS[i]} strokeOpacity={0.6} points={line(progress.steps[step.key])}><title>{step.title}</title></polyline>
        ))}
        <polyline stroke="currentColor" strokeWidth={3} points={line(progress.total)}><title>Total score</title></polyline>
        {progress.total.map((v, i) => <circle key={i} cx={x(i, n)} cy={y(v)} r={3.5} fill="currentColor" />)}
        {progress.finishedAtMs.map((t, i) => (i === 0 || i === n - 1 ? <text key={t} x={x(i, n)} y={HEIGHT - 6} textAnchor={i === 0 ? 'start' : 'end'}>{new Date(t).toLocaleDateString()}</text> : null))}
      </svg>
      <p className="chart-legend">
        <span><b>━</b> Total</span>
        {PRACTICE_STEPS.map((step, i) => <span key={step.key} style={{ color: STEP_COLOURS[i] }}>━ {step.title}</span>)}
      </p>
    </section>
  );
}
