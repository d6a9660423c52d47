import type { ActionId } from '../../shared/actions';
import { actionSpec, describeKeys } from '../../shared/actions';
import { useApp } from './AppContext';
import { useRun } from './useActions';

const ARROW = { left: '«', right: '»', up: '▴', down: '▾' } as const;

/** The button on a panel's edge that hides or shows it; runs the same action as its shortcut. */
export function PanelToggle({ action, shown, name, direction }: { action: ActionId; shown: boolean; name: string; direction: keyof typeof ARROW }) {
  const { mac } = useApp();
  const run = useRun();
  const keys = actionSpec(action)?.keys?.[0];
  const label = `${shown ? 'Hide' : 'Show'} ${name}`;
  return (
    <button type="button" className="panel-toggle" aria-label={label} aria-expanded={shown} title={keys ? `${label} (${describeKeys(keys, mac)})` : label} onClick={() => run(action)}>
      {ARROW[direction]}
    </button>
  );
}
