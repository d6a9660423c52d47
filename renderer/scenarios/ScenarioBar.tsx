import { useState } from 'react';
import { activeScenario, scenarioNames } from '../../shared/scenarios';
import { useApp } from '../app/AppContext';
import { useEditor } from '../state/store';
import { deleteScenarioCommand, newScenario, renameScenarioCommand, showScenario } from './scenarioCommands';

/** Asks for a name in place: Enter keeps it, Escape cancels; a refused name says why and stays open. */
function NameField({ initial, label, onDone, submit }: { initial: string; label: string; onDone: () => void; submit: (name: string) => string | undefined }) {
  const [value, setValue] = useState(initial);
  const [problem, setProblem] = useState<string | undefined>();
  const keep = () => {
    const refused = submit(value.trim());
    if (refused) setProblem(refused);
    else onDone();
  };
  return (
    <span className="scenario-name-field">
      <input
        autoFocus
        aria-label={label}
        value={value}
        maxLength={60}
        aria-invalid={problem !== undefined}
        onChange={(e) => setValue(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') keep();
          if (e.key === 'Escape') onDone();
          e.stopPropagation();
        }}
      />
      {problem && <span role="alert" className="scenario-problem">{problem}</span>}
    </span>
  );
}

/**
 * The scenario picker over the canvas: one button per variant of the design
 * (one click shows it; undo goes back), a new scenario copying the one
 * shown, rename and delete of the one shown, and the side-by-side comparison.
 */
export function ScenarioBar() {
  const { store } = useApp();
  const doc = useEditor(store, (s) => s.doc);
  const practising = useEditor(store, (s) => s.practice !== null);
  const [editing, setEditing] = useState<'new' | 'rename' | null>(null);
  if (practising) return null;
  const shown = activeScenario(doc);
  const names = scenarioNames(doc);
  const many = names.length > 1;
  return (
    <div className="scenario-bar" role="toolbar" aria-label="Scenarios">
      {many && <span className="scenario-title">Scenario</span>}
      {many && names.map((name) => (
        <button key={name} type="button" className="scenario" aria-pressed={name === shown} onClick={() => showScenario(store, name)}>{name}</button>
      ))}
      {editing === 'new' && (
        <NameField initial={`scenario ${names.length + 1}`} label="New scenario name" onDone={() => setEditing(null)} submit={(name) => newScenario(store, name)} />
      )}
      {editing === 'rename' && (
        <NameField initial={shown} label="Scenario name" onDone={() => setEditing(null)} submit={(name) => renameScenarioCommand(store, shown, name)} />
      )}
      {editing === null && (
        <>
          <button type="button" className="scenario-action" title="A new scenario: a copy of the one shown, to change and compare" onClick={() => setEditing('new')}>
            {many ? '+' : '+ Scenario'}
          </button>
          {many && (
            <>
              <button type="button" className="scenario-action" aria-label={`Rename scenario "${shown}"`} title="Rename the scenario shown" onClick={() => setEditing('rename')}>✎</button>
              <button type="button" className="scenario-action" aria-label={`Delete scenario "${shown}"`} title="Delete the scenario shown (undo brings it back)" onClick={() => deleteScenarioCommand(store, shown)}>×</button>
              <button type="button" className="scenario-action" onClick={() => store.set({ dialog: 'scenarios' })}>Compare…</button>
            </>
          )}
        </>
      )}
    </div>
  );
}
