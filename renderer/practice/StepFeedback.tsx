import type { StepKey } from '../../shared/model/schema';
import type { StepFeedback as Feedback } from '../../shared/practice/feedback';
import { useApp } from '../app/AppContext';
import { useEditor, type EditorStore } from '../state/store';

/** Records what a person did with a step's feedback (asked for it, ticked a self-check item) in the document. */
function review(store: EditorStore, step: StepKey, edit: (ticked: Set<number>) => void): void {
  store.commit('Step feedback', (d) => {
    if (!d.practice) return;
    const steps = (d.practice.steps ??= {});
    const ticked = new Set(steps[step]?.ticked ?? []);
    edit(ticked);
    steps[step] = ticked.size ? { reviewed: true, ticked: [...ticked].sort((a, b) => a - b) } : { reviewed: true };
  });
}

/** A step's rubric: asked for when the step is done, then the checks on the design and a self-check list. */
export function StepFeedback({ feedback }: { feedback: Feedback | undefined }) {
  const { store } = useApp();
  const saved = useEditor(store, (s) => (feedback ? s.doc.practice?.steps?.[feedback.step] : undefined));
  if (!feedback) return null;
  if (!saved?.reviewed) {
    return <button type="button" onClick={() => review(store, feedback.step, () => {})}>Done: check this step</button>;
  }
  const ticked = new Set(saved.ticked ?? []);
  return (
    <div className="step-feedback" aria-label={`Feedback: ${feedback.title}`}>
      <p><strong>What a reviewer looks for</strong> <span className="step-score">{feedback.checks.length ? `${feedback.score}%` : 'self-check'}</span></p>
      {feedback.checks.length > 0 && (
        <ul className="checks">
          {feedback.checks.map((c) => <li key={c.id} className={c.passed ? 'ok' : 'missing'}>{c.passed ? '✓' : '✗'} {c.label}</li>)}
        </ul>
      )}
      <ul className="self-check">
        {feedback.selfCheck.map((item, i) => (
          <li key={item}>
            <label>
              <input type="checkbox" checked={ticked.has(i)} onChange={(e) => {
                const on = e.currentTarget.checked;
                review(store, feedback.step, (t) => void (on ? t.add(i) : t.delete(i)));
              }}
              />
              {item}
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
