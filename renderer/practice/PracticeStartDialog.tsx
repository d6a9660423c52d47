import { useMemo, useState } from 'react';
import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import { useApp } from '../app/AppContext';
import { Modal } from '../app/Dialogs';
import { clock, readResults } from './results';
import { ResultsChart } from './ResultsChart';
import { DEFAULT_MINUTES, randomCase, startPractice } from './session';

const RANDOM = 'random';

/** Choose a case (or a random one) and the time, see past results, and start. */
export function PracticeStartDialog() {
  const ctx = useApp();
  const [slug, setSlug] = useState(RANDOM);
  const [minutes, setMinutes] = useState(String(DEFAULT_MINUTES));
  const cases = useMemo(() => BLUEPRINT_SLUGS.map((s) => ({ slug: s, title: blueprint(s)!.title })), []);
  const results = useMemo(() => readResults(), []);
  const valid = Number.isInteger(Number(minutes)) && Number(minutes) >= 1 && Number(minutes) <= 180;
  const close = () => ctx.store.set({ dialog: null });
  return (
    <Modal title="Practice an interview" onClose={close}>
      <p className="muted">The canvas starts empty with the interviewer's question. Design, write notes for each step, estimate the figures yourself, then compare with the reference design.</p>
      <div className="practice-form">
        <label>
          Case
          <select aria-label="Case" value={slug} onChange={(e) => setSlug(e.currentTarget.value)}>
            <option value={RANDOM}>Surprise me (random case)</option>
            {cases.map((c) => <option key={c.slug} value={c.slug}>{c.title}</option>)}
          </select>
        </label>
        <label>
          Minutes
          <input aria-label="Minutes" inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.currentTarget.value)} aria-invalid={!valid || undefined} />
        </label>
        {!valid && <span className="field-problem" role="alert">Minutes must be a whole number from 1 to 180</span>}
      </div>
      {results.length > 0 && (
        <table className="results" aria-label="Past sessions">
          <thead><tr><th>Case</th><th>Time used</th><th>Score</th><th>When</th></tr></thead>
          <tbody>
            {results.slice(0, 8).map((r) => (
              <tr key={r.finishedAtMs}><td>{r.title}</td><td>{clock(r.timeUsedMs)}</td><td>{r.score}</td><td>{new Date(r.finishedAtMs).toLocaleDateString()}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      <ResultsChart results={results} />
      <div className="dialog-buttons">
        <button type="button" onClick={close}>Cancel</button>
        <button type="button" className="primary" disabled={!valid} onClick={() => void startPractice(ctx, slug === RANDOM ? randomCase() : slug, Number(minutes))}>Start</button>
      </div>
    </Modal>
  );
}
