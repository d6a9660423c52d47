import type { ActionId } from '../../../shared/actions';
import { actionSpec } from '../../../shared/actions';
import { isEnabled } from '../../actions/perform';
import { useApp } from '../../app/AppContext';
import { useRun } from '../../app/useActions';
import { useEditor } from '../../state/store';

const FOR_SELECTION: ActionId[] = ['view.layoutSelection', 'edit.group', 'edit.ungroup', 'edit.duplicate', 'file.export', 'edit.delete'];

/** What can be done with several selected items at once. */
export function SelectionActions({ nodes, edges }: { nodes: number; edges: number }) {
  const { store } = useApp();
  const run = useRun();
  const state = useEditor(store, (s) => s);
  return (
    <section className="inspector" aria-label="Selection">
      <p className="muted">{nodes} nodes and {edges} edges selected.</p>
      <div className="selection-actions">
        {FOR_SELECTION.map((id) => (
          <button key={id} type="button" disabled={!isEnabled(id, state)} onClick={() => run(id)}>{actionSpec(id)!.label.replace('…', '')}</button>
        ))}
      </div>
    </section>
  );
}
