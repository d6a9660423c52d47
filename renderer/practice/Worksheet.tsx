import type { Estimate } from '../../shared/estimator/output';
import { PRACTICE_LIMITS, type WorksheetKey, type WorksheetLine } from '../../shared/model/practiceSchema';
import { gradeWorksheet, WORKSHEET_LINES, type LineGrade, type WorksheetLineSpec } from '../../shared/practice/worksheet';
import { useApp } from '../app/AppContext';
import { NumberField, TextField } from '../panels/inspector/fields';
import { useEditor, type EditorStore } from '../state/store';
import { useReference } from './useReference';

const GRADE_WORDS: Record<LineGrade['grade'], string> = { good: 'Good (within 25%)', order: 'Right order of magnitude (within 2x)', off: 'Off (beyond 2x)' };
const NO_LINES: Partial<Record<WorksheetKey, WorksheetLine>> = {};

/** Writes one part of a worksheet line into the document, one undo step per field as typed. */
function setLine(store: EditorStore, key: WorksheetKey, edit: (line: WorksheetLine) => void, field: string): void {
  store.commit('Worksheet', (d) => {
    if (!d.practice) return;
    const lines = (d.practice.worksheet ??= {});
    const line = (lines[key] ??= {});
    edit(line);
    if (line.inputs && Object.keys(line.inputs).length === 0) delete line.inputs;
    if (Object.keys(line).length === 0) delete lines[key];
  }, `worksheet:${key}:${field}`);
}

function LineEditor({ spec, line }: { spec: WorksheetLineSpec; line: WorksheetLine | undefined }) {
  const { store } = useApp();
  const rule = { min: 0, max: PRACTICE_LIMITS.worksheetValue };
  return (
    <fieldset className="block worksheet-line" aria-label={spec.title}>
      <legend>{spec.title}</legend>
      {spec.inputs.map((input) => (
        <NumberField
          key={input.key} label={input.label} unit={input.unit} optional rule={rule} value={line?.inputs?.[input.key]}
          onCommit={(v) => setLine(store, spec.key, (l) => {
            const inputs = (l.inputs ??= {});
            if (v === undefined) delete inputs[input.key];
            else inputs[input.key] = v;
          }, input.key)}
        />
      ))}
      <TextField label="Working" value={line?.working} multiline maxLength={PRACTICE_LIMITS.workingChars} onCommit={(v) => setLine(store, spec.key, (l) => {
        if (v) l.working = v;
        else delete l.working;
      }, 'working')}
      />
      <NumberField label={`Result (${spec.resultUnit})`} unit={spec.resultUnit} optional rule={rule} value={line?.result} onCommit={(v) => setLine(store, spec.key, (l) => {
        if (v === undefined) delete l.result;
        else l.result = v;
      }, 'result')}
      />
    </fieldset>
  );
}

function GradeLine({ against, grade }: { against: string; grade: LineGrade | null }) {
  if (!grade) return <li className="muted">{against}: no figure to grade against</li>;
  return <li className={`grade ${grade.grade}`}><strong>{against}:</strong> {grade.message}. {GRADE_WORDS[grade.grade]}</li>;
}

/**
 * The back-of-envelope worksheet: the person writes each derivation (inputs,
 * working, result); once locked in, each line is graded against the estimator
 * on their own diagram and on the case's reference, with the worked derivation.
 */
export function Worksheet({ estimate }: { estimate: Estimate | null }) {
  const { store } = useApp();
  const saved = useEditor(store, (s) => s.doc.practice);
  const doc = useEditor(store, (s) => s.doc);
  const reference = useReference(saved?.slug);
  if (!saved) return null;
  const lines = saved.worksheet ?? NO_LINES;
  const written = WORKSHEET_LINES.some((l) => lines[l.key]?.result !== undefined);
  if (!saved.worksheetLocked) {
    return (
      <section className="block worksheet" aria-label="Worksheet">
        <h3>Back-of-envelope worksheet</h3>
        <p className="muted">Write each derivation: the inputs you assume and the result. It is graded against the estimator once you lock it in.</p>
        {WORKSHEET_LINES.map((spec) => <LineEditor key={spec.key} spec={spec} line={lines[spec.key]} />)}
        <button type="button" className="primary" disabled={!written} onClick={() => store.amend((d) => void (d.practice!.worksheetLocked = true))}>Lock in the worksheet</button>
      </section>
    );
  }
  const rows = estimate && reference ? gradeWorksheet(lines, { diagram: doc, estimate }, reference) : null;
  return (
    <section className="block worksheet" aria-label="Worksheet">
      <h3>Back-of-envelope worksheet</h3>
      {!rows && <p className="muted">Grading once the estimate is ready…</p>}
      {rows?.map((row) => {
        const line = lines[row.key];
        return (
          <div key={row.key} className="worksheet-grade" aria-label={`Graded: ${row.title}`}>
            <h4>{row.title}</h4>
            {line?.result === undefined ? <p className="muted">Not written.</p> : (
              <ul className="checks">
                <GradeLine against="Your diagram" grade={row.yours} />
                <GradeLine against="The reference" grade={row.reference} />
                {row.slip && <li className="grade off">{row.slip}</li>}
              </ul>
            )}
            {line?.working && <p className="working"><span className="muted">Your working:</span> {line.working}</p>}
          </div>
        );
      })}
    </section>
  );
}
