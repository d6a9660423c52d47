import { useEffect, useRef, useState } from 'react';
import type { DesignDiff, DiffFigure, FigureDelta } from '../../shared/scenarios';
import { activeScenario, deltaText, diffDesigns, diffSummary, formatFigure, scenarioDiagram, scenarioNames } from '../../shared/scenarios';
import { useApp } from '../app/AppContext';
import { Modal } from '../app/Dialogs';
import { effectiveMultiplier, useEditor } from '../state/store';
import { createEstimateClient, type EstimateClient } from '../workers/clients';

const FIGURE_LABELS: Record<DiffFigure, string> = { p99Ms: 'Worst p99', costUsdPerMonth: 'Monthly cost', storageBytes: 'Data held', peakQps: 'Peak load', replicas: 'Replicas' };

function figureText(figure: DiffFigure, value: number | null): string {
  if (value === null) return figure === 'p99Ms' ? '∞' : '—';
  return formatFigure(figure, value);
}

function change(d: FigureDelta): string {
  return deltaText(d)?.replace(/^\S+ /, '') ?? 'same';
}

function FigureTable({ diff }: { diff: DesignDiff }) {
  return (
    <table className="scenario-figures" aria-label="Figures side by side">
      <thead><tr><th scope="col">Figure</th><th scope="col">{diff.before}</th><th scope="col">{diff.after}</th><th scope="col">Change</th></tr></thead>
      <tbody>
        {diff.figures.map((f) => (
          <tr key={f.figure}>
            <th scope="row">{FIGURE_LABELS[f.figure]}</th>
            <td>{figureText(f.figure, f.before)}</td>
            <td>{figureText(f.figure, f.after)}</td>
            <td className={f.delta !== null && f.delta < 0 ? 'down' : f.delta ? 'up' : ''}>{change(f)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Changes({ diff }: { diff: DesignDiff }) {
  const rows: [string, string][] = [
    ...diff.nodes.added.map((n): [string, string] => ['Added', n.label]),
    ...diff.nodes.removed.map((n): [string, string] => ['Removed', n.label]),
    ...diff.nodes.changed.map((n): [string, string] => ['Changed', `${n.label}: ${n.changes.map((c) => `${c.path} ${JSON.stringify(c.before) ?? 'none'} → ${JSON.stringify(c.after) ?? 'none'}`).join('; ')}`]),
    ...diff.edges.added.map((e): [string, string] => ['Call added', e.label]),
    ...diff.edges.removed.map((e): [string, string] => ['Call removed', e.label]),
    ...diff.edges.changed.map((e): [string, string] => ['Call changed', `${e.label}: ${e.changes.map((c) => `${c.path} ${JSON.stringify(c.before) ?? 'none'} → ${JSON.stringify(c.after) ?? 'none'}`).join('; ')}`]),
  ];
  if (rows.length === 0) return <p className="muted">The two scenarios have the same components and calls.</p>;
  return (
    <ul className="scenario-changes" aria-label="What changes">
      {rows.map(([what, text], i) => <li key={i}><strong>{what}</strong> {text}</li>)}
    </ul>
  );
}

/**
 * Two scenarios side by side: the headline figures of each and how they
 * move, what changes between them, and each component's figures that move.
 * Both are estimated in the background at the load shown.
 */
export function CompareScenariosDialog() {
  const { store } = useApp();
  const doc = useEditor(store, (s) => s.doc);
  const multiplier = useEditor(store, effectiveMultiplier);
  const names = scenarioNames(doc);
  const [before, setBefore] = useState(names.find((n) => n !== activeScenario(doc)) ?? names[0]!);
  const [after, setAfter] = useState(activeScenario(doc));
  const [diff, setDiff] = useState<DesignDiff | null>(null);
  const client = useRef<EstimateClient | null>(null);
  useEffect(() => {
    client.current ??= createEstimateClient();
    const a = scenarioDiagram(doc, before);
    const b = scenarioDiagram(doc, after);
    if (!a || !b) return;
    let current = true;
    setDiff(null);
    void Promise.all([client.current.estimate(a, multiplier), client.current.estimate(b, multiplier)]).then(([ea, eb]) => {
      if (current) setDiff(diffDesigns({ name: before, diagram: a, estimate: ea }, { name: after, diagram: b, estimate: eb }));
    });
    return () => void (current = false);
  }, [doc, before, after, multiplier]);
  const picker = (label: string, value: string, set: (v: string) => void) => (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => set(e.currentTarget.value)}>{names.map((n) => <option key={n} value={n}>{n}</option>)}</select>
    </label>
  );
  return (
    <Modal title="Compare scenarios" onClose={() => store.set({ dialog: null })}>
      <div className="scenario-pickers">{picker('Before', before, setBefore)}{picker('After', after, setAfter)}</div>
      {!diff ? <p className="muted" role="status">Estimating both…</p> : (
        <>
          <p className="scenario-summary" role="status">{diffSummary(diff)}</p>
          <FigureTable diff={diff} />
          <h3>What changes</h3>
          <Changes diff={diff} />
          {diff.nodeFigures.length > 0 && (
            <>
              <h3>Components whose figures move</h3>
              <ul className="scenario-changes" aria-label="Figures that move">
                {diff.nodeFigures.map((n) => <li key={n.id}><strong>{n.label}</strong> {n.deltas.map(deltaText).filter(Boolean).join(', ')}</li>)}
              </ul>
            </>
          )}
        </>
      )}
    </Modal>
  );
}
