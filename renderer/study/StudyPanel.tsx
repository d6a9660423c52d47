import type { Estimate } from '../../shared/estimator/output';
import { PRACTICE_STEPS } from '../../shared/practice/steps';
import { useApp } from '../app/AppContext';
import { Markdown } from '../app/Markdown';
import { ExplainButton } from '../explain/ExplainContext';
import { useEditor } from '../state/store';
import { studyFigures, type StudyFigure } from './studyFigures';

function Figures({ figures }: { figures: StudyFigure[] | undefined }) {
  if (!figures?.length) return null;
  return (
    <dl className="study-figures">
      {figures.map((f) => (
        <div key={f.label}>
          <dt title={f.label}>{f.label}</dt>
          <dd>{f.text} <ExplainButton figure={f.figure} name={f.name} className="why-link">why?</ExplainButton></dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Study mode: a blueprint's seven-step write-up beside its diagram, with
 * its assumptions, and next to each step the numbers it is about, each with
 * a "why?" link to its derivation.
 */
export function StudyPanel({ estimate }: { estimate: Estimate | null }) {
  const { store } = useApp();
  const doc = useEditor(store, (s) => s.doc);
  const brief = doc.brief;
  const figures = estimate ? studyFigures(doc, estimate) : {};
  return (
    <section className="study" aria-label="Study">
      <h2>{doc.title}</h2>
      {brief?.prompt && <Markdown className="study-prompt" text={brief.prompt} />}
      <ol className="study-steps">
        {PRACTICE_STEPS.filter((step) => brief?.steps?.[step.key]).map((step) => (
          <li key={step.key}>
            <h3>{step.title}</h3>
            <Markdown text={brief!.steps![step.key]!} />
            <Figures figures={figures[step.key]} />
          </li>
        ))}
      </ol>
      <h3>Cost</h3>
      <Figures figures={figures.cost} />
      {brief?.assumptions && (
        <>
          <h3>Assumptions</h3>
          <Markdown text={brief.assumptions} />
        </>
      )}
    </section>
  );
}
