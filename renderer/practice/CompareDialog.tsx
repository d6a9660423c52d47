import { useMemo } from 'react';
import { blueprint } from '../../shared/blueprints';
import { estimate } from '../../shared/estimator/estimate';
import { compareDesigns, type FigureRow } from '../../shared/practice/compare';
import { reviewSteps } from '../../shared/practice/feedback';
import { PRACTICE_STEPS } from '../../shared/practice/steps';
import { formatBytes, formatMs, formatQps, formatUsd } from '../../shared/units';
import { useApp } from '../app/AppContext';
import { Modal } from '../app/Dialogs';
import { Markdown } from '../app/Markdown';
import { practiceElapsedMs, useEditor } from '../state/store';
import { DiagramPreview } from './DiagramPreview';
import { clock, saveResult } from './results';

const FORMAT: Record<FigureRow['unit'], (v: number) => string> = { qps: formatQps, ms: formatMs, bytes: formatBytes, usd: (v) => `${formatUsd(v)}/mo` };

/** The design against the case's reference: kinds, structures, figures, findings and a score; the reference revealed step by step. */
export function CompareDialog() {
  const { store } = useApp();
  const session = useEditor(store, (s) => s.practice);
  const doc = useEditor(store, (s) => s.doc);
  const reference = useMemo(() => (session ? blueprint(session.slug) : undefined), [session]);
  const comparison = useMemo(() => (reference ? compareDesigns(doc, reference) : null), [doc, reference]);
  const steps = useMemo(() => (session && reference ? reviewSteps({ slug: session.slug, diagram: doc, estimate: estimate(doc), reference }) : null), [session, doc, reference]);
  const yourKinds = useMemo(() => new Set(doc.nodes.map((n) => n.kind)), [doc]);
  const theirKinds = useMemo(() => new Set(reference?.nodes.map((n) => n.kind)), [reference]);
  if (!session || !reference || !comparison) return null;
  const close = () => store.set({ dialog: null });
  const stepScores = Object.fromEntries((steps ?? []).map((s) => [s.step, s.score]));
  const finish = () => {
    saveResult({ slug: session.slug, title: session.title, timeUsedMs: Math.min(session.durationMs, practiceElapsedMs(session, Date.now())), score: comparison.score.total, steps: stepScores, finishedAtMs: Date.now() });
    store.set({ practice: { ...session, finished: true, pausedAtMs: session.pausedAtMs ?? Date.now() }, notice: `Session saved: score ${comparison.score.total}` });
  };
  const next = PRACTICE_STEPS[session.revealedSteps];
  return (
    <Modal title={`Your design against the reference: ${session.title}`} onClose={close}>
      <p className="score" aria-label="Score">
        Score <strong>{comparison.score.total}</strong> / 100
        <span className="muted"> (components {comparison.score.kinds}/40, structure {comparison.score.paths}/30, findings {comparison.score.lint}/20, budget {comparison.score.budget}/10)</span>
      </p>
      {steps && (
        <table className="step-scores" aria-label="Score by step">
          <thead><tr>{steps.map((s) => <th key={s.step} scope="col">{s.title}</th>)}</tr></thead>
          <tbody><tr>{steps.map((s) => <td key={s.step}>{s.checks.length ? `${s.score}%` : '—'}</td>)}</tr></tbody>
        </table>
      )}
      <div className="compare-side">
        <figure>
          <figcaption>Your design <span className="muted">(highlighted: a kind the reference uses)</span></figcaption>
          <DiagramPreview diagram={doc} label="Your design" mark={(n) => (theirKinds.has(n.kind) ? 'match' : undefined)} />
        </figure>
        <figure>
          <figcaption>The reference <span className="muted">(ghosted: missing from yours)</span></figcaption>
          <DiagramPreview diagram={reference} label="The reference design" mark={(n) => (n.kind === 'traffic' || yourKinds.has(n.kind) ? 'match' : 'missing')} />
        </figure>
      </div>
      <div className="compare-grid">
        <section aria-label="Components">
          <h3>Components</h3>
          {comparison.missingKinds.length === 0 ? <p className="ok">Every kind the reference uses is there.</p> : <p>Missing: {comparison.missingKinds.map((k) => k.label).join(', ')}</p>}
          {comparison.extraKinds.length > 0 && <p className="muted">Not in the reference: {comparison.extraKinds.map((k) => k.label).join(', ')}</p>}
          <h3>Structure</h3>
          <ul className="checks">
            {comparison.paths.filter((p) => p.reference || p.user).map((p) => (
              <li key={p.id} className={p.user ? 'ok' : 'missing'}>{p.user ? '✓' : '✗'} {p.label}</li>
            ))}
          </ul>
        </section>
        <section aria-label="Figures">
          <h3>Figures</h3>
          <table>
            <thead><tr><th /><th>Yours</th><th>Reference</th></tr></thead>
            <tbody>
              {comparison.figures.map((f) => (
                <tr key={f.label}><td>{f.label}</td><td>{f.user === null ? '—' : FORMAT[f.unit](f.user)}</td><td>{f.reference === null ? '—' : FORMAT[f.unit](f.reference)}</td></tr>
              ))}
            </tbody>
          </table>
          {comparison.overBudget.length > 0 && <p className="over-budget" aria-label="Over budget">Over budget: {comparison.overBudget.join('; ')}</p>}
          <h3>What a reviewer would say</h3>
          {comparison.findings.length === 0 ? <p className="ok">No findings.</p> : <ul className="findings">{comparison.findings.map((f, i) => <li key={i}>{f.message}</li>)}</ul>}
        </section>
      </div>
      <section aria-label="Reference steps">
        <h3>The reference, step by step</h3>
        {PRACTICE_STEPS.slice(0, session.revealedSteps).map((step) => (
          <div key={step.key} className="reference-step" aria-label={`Step: ${step.title}`}>
            <h4>{step.title}</h4>
            <div className="notes-beside">
              <div><span className="muted">Your notes</span>{doc.brief?.steps?.[step.key] ? <Markdown text={doc.brief.steps[step.key]!} /> : <p className="muted">None written.</p>}</div>
              <div><span className="muted">The reference</span><Markdown text={reference.brief?.steps?.[step.key] ?? ''} /></div>
            </div>
          </div>
        ))}
        {next ? (
          <button type="button" onClick={() => store.set({ practice: { ...session, revealedSteps: session.revealedSteps + 1 } })}>Reveal: {next.title}</button>
        ) : (
          reference.brief?.assumptions && <Markdown className="brief-assumptions" text={reference.brief.assumptions} />
        )}
      </section>
      <div className="dialog-buttons">
        <span className="muted">Time used {clock(practiceElapsedMs(session, Date.now()))}</span>
        <button type="button" onClick={() => store.set({ dialog: 'replay' })}>Replay</button>
        <button type="button" onClick={close}>Keep designing</button>
        <button type="button" className="primary" disabled={session.finished} onClick={finish}>{session.finished ? 'Saved' : 'Finish and save the result'}</button>
      </div>
    </Modal>
  );
}
