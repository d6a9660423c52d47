import type { ActionId } from '../../shared/actions';
import { actionSpec, describeKeys } from '../../shared/actions';
import type { Estimate } from '../../shared/estimator/output';
import { isEnabled } from '../actions/perform';
import { BudgetBar, WhatIf } from '../panels/Budgets';
import { isDirty, useEditor } from '../state/store';
import { useApp } from './AppContext';
import { useRun } from './useActions';

function ActionButton({ id, children }: { id: ActionId; children: React.ReactNode }) {
  const ctx = useApp();
  const run = useRun();
  const enabled = useEditor(ctx.store, (s) => isEnabled(id, s));
  const spec = actionSpec(id)!;
  const keys = spec.keys?.[0];
  return (
    <button type="button" className="tool" onClick={() => run(id)} disabled={!enabled} title={keys ? `${spec.label} (${describeKeys(keys, ctx.mac)})` : spec.label} aria-label={spec.label}>
      {children}
    </button>
  );
}

/** The top bar: document name, file and edit commands, layout and view, the what-if slider and the budgets. */
export function Toolbar({ estimate, hidden = false }: { estimate: Estimate | null; hidden?: boolean }) {
  const { store } = useApp();
  const name = useEditor(store, (s) => s.file.name);
  const dirty = useEditor(store, isDirty);
  const theme = useEditor(store, (s) => s.theme);
  return (
    <header className="toolbar">
      <div className="brand">MLSD Studio</div>
      <div className="doc-name" title={name}>{name}{dirty && <span className="dirty" aria-label="unsaved changes"> •</span>}</div>
      <div className="tool-group">
        <ActionButton id="file.new">New</ActionButton>
        <ActionButton id="file.newFromBlueprint">Blueprints</ActionButton>
        <ActionButton id="file.open">Open</ActionButton>
        <ActionButton id="file.save">Save</ActionButton>
        <ActionButton id="file.export">Export</ActionButton>
      </div>
      <div className="tool-group">
        <ActionButton id="edit.undo">↶</ActionButton>
        <ActionButton id="edit.redo">↷</ActionButton>
        <ActionButton id="edit.delete">Delete</ActionButton>
      </div>
      <div className="tool-group">
        <ActionButton id="view.autoLayout">Auto layout</ActionButton>
        <ActionButton id="view.fit">Fit</ActionButton>
        <ActionButton id="view.darkMode">{theme === 'dark' ? '☀' : '☾'}</ActionButton>
      </div>
      <div className="tool-group">
        <ActionButton id="practice.start">Practice</ActionButton>
      </div>
      <WhatIf />
      {hidden ? <div className="budget-bar muted">Figures hidden: estimate first</div> : <BudgetBar estimate={estimate} />}
    </header>
  );
}
