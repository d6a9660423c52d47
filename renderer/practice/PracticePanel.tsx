import { useEffect, useMemo, useState } from 'react';
import { reviewSteps, type StepFeedback as StepFeedbackData } from '../../shared/practice/feedback';
import type { Estimate } from '../../shared/estimator/output';
import { guessError } from '../../shared/practice/compare';
import { PRACTICE_STEPS } from '../../shared/practice/steps';
import { formatBytes, formatMs, formatQps } from '../../shared/units';
import { useApp } from '../app/AppContext';
import { NumberField, TextField } from '../panels/inspector/fields';
import type { PracticeEstimate } from '../../shared/model/schema';
import { practiceElapsedMs, useEditor, type EditorStore, type PracticeSession } from '../state/store';
import { clock } from './results';
import { StepFeedback } from './StepFeedback';
import { useReference } from './useReference';
import { Worksheet } from './Worksheet';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function Timer({ session }: { session: PracticeSession }) {
  const { store } = useApp();
  const now = useNow(250);
  const left = session.durationMs - practiceElapsedMs(session, now);
  const paused = session.pausedAtMs !== null;
  const toggle = () => {
    const at = Date.now();
    store.set({
      practice: paused
        ? { ...session, pausedAtMs: null, pausedTotalMs: session.pausedTotalMs + (at - session.pausedAtMs!) }
        : { ...session, pausedAtMs: at },
    });
  };
  return (
    <div className={`timer${left <= 0 ? ' over' : ''}`}>
      <span role="timer" aria-label="Time left">{left <= 0 ? "Time's up" : clock(left)}</span>
      <button type="button" onClick={toggle}>{paused ? 'Resume' : 'Pause'}</button>
    </div>
  );
}

const NO_ESTIMATE: PracticeEstimate = {};

/** Records one of the person's own figures in the document (saved with it), as one undo step per field. */
function setEstimate(store: EditorStore, key: keyof PracticeEstimate, value: number | undefined): void {
  store.commit('Estimate', (d) => {
    d.brief ??= {};
    const estimate = (d.brief.estimate ??= {});
    if (value === undefined) delete estimate[key];
    else estimate[key] = value;
  }, `estimate:${key}`);
}

function Guess({ session, estimate }: { session: PracticeSession; estimate: Estimate | null }) {
  const { store } = useApp();
  const guess = useEditor(store, (s) => s.doc.brief?.estimate ?? NO_ESTIMATE);
  const complete = guess.peakQps !== undefined && guess.p99Ms !== undefined && guess.storageGb !== undefined;
  if (!session.guessLocked) {
    return (
      <fieldset className="block" aria-label="Your estimate">
        <legend>Estimate first</legend>
        <p className="muted">The live figures stay hidden until you write your own back-of-envelope numbers. They are saved with the document.</p>
        <NumberField label="Peak QPS at the entry" unit="QPS" value={guess.peakQps} optional rule={{ min: 0 }} onCommit={(v) => setEstimate(store, 'peakQps', v)} />
        <NumberField label="p99 end to end" unit="ms" value={guess.p99Ms} optional rule={{ min: 0 }} onCommit={(v) => setEstimate(store, 'p99Ms', v)} />
        <NumberField label="Total storage" unit="GB" value={guess.storageGb} optional rule={{ min: 0 }} onCommit={(v) => setEstimate(store, 'storageGb', v)} />
        <button type="button" className="primary" disabled={!complete} onClick={() => store.set({ practice: { ...session, guessLocked: true } })}>Lock in and show the figures</button>
      </fieldset>
    );
  }
  const qps = estimate?.entries.length ? Math.max(...estimate.entries.map((e) => e.qps.peak)) : null;
  const p99s = estimate?.entries.map((e) => e.latencyMs?.p99 ?? null) ?? [];
  const p99 = p99s.length && !p99s.includes(null) ? Math.max(...(p99s as number[])) : null;
  const storage = estimate ? estimate.totals.storageBytes : null;
  const rows: [string, string, string, number | null][] = [
    ['Peak QPS', formatQps(guess.peakQps ?? 0), qps === null ? '—' : formatQps(qps), guessError(guess.peakQps, qps)],
    ['p99', formatMs(guess.p99Ms ?? 0), formatMs(p99), guessError(guess.p99Ms, p99)],
    ['Storage', formatBytes((guess.storageGb ?? 0) * 1e9), storage === null ? '—' : formatBytes(storage), guessError(guess.storageGb === undefined ? undefined : guess.storageGb * 1e9, storage)],
  ];
  return (
    <table className="guess" aria-label="Your estimate against the model">
      <thead><tr><th /><th>You</th><th>Model</th><th>Error</th></tr></thead>
      <tbody>
        {rows.map(([name, mine, model, error]) => (
          <tr key={name}><td>{name}</td><td>{mine}</td><td>{model}</td><td>{error === null ? '—' : `${error > 0 ? '+' : ''}${Math.round(error * 100)}%`}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

/** The step-by-step rubric of the design for its case; the budgets are checked only once the figures are shown. */
function useStepFeedback(session: PracticeSession | null, estimate: Estimate | null): StepFeedbackData[] | null {
  const { store } = useApp();
  const doc = useEditor(store, (s) => s.doc);
  const reference = useReference(session?.slug);
  const shown = session !== null && (session.guessLocked || session.finished);
  return useMemo(
    () => (session && reference ? reviewSteps({ slug: session.slug, diagram: doc, estimate: shown ? estimate : null, reference: reference.diagram }) : null),
    [session, reference, doc, shown, estimate],
  );
}

/** The practice side panel: the question, the timer, estimate first, the worksheet, notes and feedback for each of the seven steps. */
export function PracticePanel({ estimate }: { estimate: Estimate | null }) {
  const { store } = useApp();
  const session = useEditor(store, (s) => s.practice);
  const steps = useEditor(store, (s) => s.doc.brief?.steps);
  const feedback = useStepFeedback(session, estimate);
  if (!session) return <p className="muted inspector">No practice running. Start one from File, Practice an Interview.</p>;
  return (
    <section className="inspector practice" aria-label="Practice">
      <header className="practice-head">
        <strong>{session.title}</strong>
        <Timer session={session} />
      </header>
      <p className="brief-prompt">{session.prompt}</p>
      <Guess session={session} estimate={estimate} />
      <Worksheet estimate={session.guessLocked || session.finished ? estimate : null} />
      {PRACTICE_STEPS.map((step, i) => (
        <details key={step.key} className="block step" open={i === 0}>
          <summary>{i + 1}. {step.title}</summary>
          <ul className="questions">{step.questions.map((q) => <li key={q}>{q}</li>)}</ul>
          <TextField
            label={`Notes: ${step.title}`}
            value={steps?.[step.key]}
            multiline
            onCommit={(v) => store.commit('Notes', (d) => {
              d.brief ??= {};
              d.brief.steps ??= {};
              if (v) d.brief.steps[step.key] = v;
              else delete d.brief.steps[step.key];
            }, `notes:${step.key}`)}
          />
          <StepFeedback feedback={feedback?.[i]} />
        </details>
      ))}
      <div className="dialog-buttons">
        <button type="button" onClick={() => store.set({ practice: null, sidePanel: 'inspector' })}>Stop practising</button>
        <button type="button" onClick={() => store.set({ dialog: 'replay' })}>Replay</button>
        <button type="button" className="primary" onClick={() => store.set({ dialog: 'compare' })}>Compare with reference</button>
      </div>
    </section>
  );
}
