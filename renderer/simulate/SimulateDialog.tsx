import { useEffect, useState } from 'react';
import type { SimulationCheck } from '../../shared/sim/check';
import { DISAGREEMENT_SHARE } from '../../shared/sim/compare';
import { formatMs } from '../../shared/units';
import { Modal } from '../app/Dialogs';
import { useApp } from '../app/AppContext';
import { runSimulationCheck } from './simulationClient';

/** Requests simulated from the app: p99 to about a percent on most designs in a few seconds. */
export const APP_REQUESTS = 200_000;

function percent(share: number | null): string {
  return share === null ? '' : `${share >= 0 ? '+' : ''}${(share * 100).toFixed(1)}%`;
}

/** "Check by simulation": runs the simulator on the open document and shows its figures beside the estimate's. */
export function SimulateDialog({ requests = APP_REQUESTS }: { requests?: number }) {
  const ctx = useApp();
  const [progress, setProgress] = useState(0);
  const [outcome, setOutcome] = useState<SimulationCheck | 'cancelled' | null>(null);
  const [running, setRunning] = useState<{ cancel(): void } | null>(null);
  const close = () => {
    running?.cancel();
    ctx.store.set({ dialog: null });
  };

  useEffect(() => {
    const run = runSimulationCheck(ctx.store.getState().doc, requests, setProgress);
    let live = true;
    setRunning(run);
    void run.outcome.then((result) => live && (setOutcome(result), setRunning(null)));
    return () => {
      live = false;
      run.cancel();
    };
  }, [ctx, requests]);

  const labels = new Map(ctx.store.getState().doc.nodes.map((n) => [n.id, n.label]));
  const cancel = () => {
    running?.cancel();
    setRunning(null);
    setOutcome('cancelled');
  };

  return (
    <Modal title="Check by simulation" onClose={close}>
      {outcome === null && (
        <div className="simulate-progress">
          <p>Simulating {requests.toLocaleString('en-US')} requests…</p>
          <progress aria-label="Simulation progress" max={1} value={progress} />
          <button type="button" onClick={cancel}>Cancel</button>
        </div>
      )}
      {outcome === 'cancelled' && <p role="status">Simulation cancelled.</p>}
      {outcome !== null && outcome !== 'cancelled' && !outcome.ok && <p role="alert">{outcome.message}</p>}
      {outcome !== null && outcome !== 'cancelled' && outcome.ok && (
        <>
          <p className="muted">
            {outcome.simulation.requests.toLocaleString('en-US')} requests in {outcome.simulation.replications} independent runs, each after a warm-up, seed {outcome.simulation.seed}; ± is a 95% interval.
            Figures marked ⚠ differ by more than the interval plus {DISAGREEMENT_SHARE * 100}%: trust the simulation there.
          </p>
          {outcome.comparison.map((entry) => (
            <table key={entry.node} className="simulate-table" aria-label={`Simulated latency of ${labels.get(entry.node) ?? entry.node}`}>
              <caption>{labels.get(entry.node) ?? entry.node}</caption>
              <thead>
                <tr><th>figure</th><th>estimated</th><th>simulated</th><th>difference</th></tr>
              </thead>
              <tbody>
                {entry.figures.map((f) => (
                  <tr key={f.figure} className={f.disagrees ? 'disagrees' : undefined}>
                    <th scope="row">{f.figure}</th>
                    <td>{f.estimatedMs === null ? 'unbounded' : formatMs(f.estimatedMs)}</td>
                    <td>{f.simulatedMs === null ? 'unbounded' : `${formatMs(f.simulatedMs)} ± ${formatMs(f.halfWidthMs)}`}</td>
                    <td>{percent(f.relativeError)}{f.disagrees ? ' ⚠' : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </>
      )}
    </Modal>
  );
}
