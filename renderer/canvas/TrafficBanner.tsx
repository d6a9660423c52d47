import { useApp } from '../app/AppContext';
import { multiplierText } from '../panels/Budgets';
import { effectiveMultiplier, useEditor } from '../state/store';

/**
 * Says loudly, over the canvas, that the figures are for a what-if load and
 * not the document's own; one click puts them back at 1x. Exports and the
 * saved file are always at 1x.
 */
export function TrafficBanner() {
  const { store } = useApp();
  const multiplier = useEditor(store, effectiveMultiplier);
  const fixedFleet = useEditor(store, (s) => s.fixedFleet === true);
  if (multiplier === 1) return null;
  const times = multiplierText(multiplier);
  return (
    <div className="traffic-banner" role="status" aria-label="Traffic what-if">
      <strong>Traffic ×{times}:</strong> figures are for {times}× load. Exports and the saved file stay at 1×.
      <label className="checkbox" title="Hold every automatically sized pool at its replicas at 1x, as a fleet without an autoscaler: the load can then break it">
        <input type="checkbox" checked={fixedFleet} onChange={(e) => store.set({ fixedFleet: e.currentTarget.checked })} /> Fixed fleet
      </label>
      <button type="button" onClick={() => store.set({ trafficMultiplier: 1 })}>Back to 1×</button>
    </div>
  );
}
