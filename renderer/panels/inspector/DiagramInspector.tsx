import { useApp } from '../../app/AppContext';
import { Markdown } from '../../app/Markdown';
import { useEditor } from '../../state/store';
import { NumberField, TextField } from './fields';

/** The diagram itself, when nothing is selected: title, description, budgets and the case brief. */
export function DiagramInspector() {
  const { store } = useApp();
  const doc = useEditor(store, (s) => s.doc);
  const edit = (field: string, recipe: (d: typeof doc) => void) => store.commit('Edit diagram', recipe, `diagram:${field}`);
  return (
    <section className="inspector" aria-label="Diagram inspector">
      <TextField label="Title" value={doc.title} required maxLength={200} onCommit={(v) => edit('title', (d) => void (d.title = v))} />
      <TextField label="Description" value={doc.description} multiline onCommit={(v) => edit('description', (d) => (v ? (d.description = v) : delete d.description))} />
      <fieldset className="block">
        <legend>Budgets</legend>
        <NumberField label="p99 budget" unit="ms" value={doc.budgets?.p99Ms} optional rule={{ min: 0, aboveMin: true }} onCommit={(v) => edit('budget.p99', (d) => {
          d.budgets ??= {};
          if (v === undefined) delete d.budgets.p99Ms;
          else d.budgets.p99Ms = v;
        })} />
        <NumberField label="Monthly cost budget" unit="$/mo" value={doc.budgets?.monthlyCostUsd} optional rule={{ min: 0 }} onCommit={(v) => edit('budget.cost', (d) => {
          d.budgets ??= {};
          if (v === undefined) delete d.budgets.monthlyCostUsd;
          else d.budgets.monthlyCostUsd = v;
        })} />
      </fieldset>
      {doc.brief?.prompt && (
        <fieldset className="block">
          <legend>Brief</legend>
          <p className="brief-prompt">{doc.brief.prompt}</p>
          {doc.brief.assumptions && <Markdown className="brief-assumptions" text={doc.brief.assumptions} />}
        </fieldset>
      )}
    </section>
  );
}
