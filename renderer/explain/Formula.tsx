import { pieces, renderValue, type Step, type ValueTerm } from '../../shared/explain';
import { useExplain } from './ExplainContext';

/** One number of a derivation: a link to its own derivation where it is a figure, its file path as a tooltip where it is an input. */
function Value({ term }: { term: ValueTerm }) {
  const explain = useExplain();
  const text = renderValue(term);
  if (term.figure && explain) {
    return (
      <button type="button" className="why" title="Why? Show how this figure is derived" onClick={() => explain.follow(term.figure!)}>
        {text}
      </button>
    );
  }
  return <span className={term.path ? 'input' : 'value'} title={term.path ? `From the file: ${term.path}` : undefined}>{text}</span>;
}

/** A derivation step: its name, result and arithmetic, or the parts composed and how. */
export function StepLine({ step }: { step: Step }) {
  return (
    <li className="step">
      <div className="step-name">{step.name}</div>
      <div className="step-formula">
        <strong><Value term={step.result} /></strong>
        {step.expr && (
          <>
            {' = '}
            {pieces(step.expr).map((p, i) => (typeof p === 'string' ? <span key={i}>{p}</span> : <Value key={i} term={p} />))}
          </>
        )}
        {step.parts && step.parts.length > 0 && (
          <>
            {' from '}
            {step.parts.map((p, i) => (
              <span key={i}>{i > 0 && ', '}<Value term={p} /></span>
            ))}
          </>
        )}
      </div>
      {step.method && <div className="step-method">{step.method}</div>}
    </li>
  );
}
