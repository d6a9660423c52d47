import { useEffect, useState } from 'react';
import type { Diagnostic, Estimate } from '../../shared/estimator/output';
import { carriesLoad } from '../../shared/model/graph';
import type { Diagram } from '../../shared/model/schema';
import { formatMs } from '../../shared/units';
import { useApp } from '../app/AppContext';
import type { AppContext } from '../app/context';
import { Splitter } from '../app/Splitter';
import { clampPanelSize } from '../app/panelLayout';
import { PanelToggle } from '../app/PanelToggle';
import { useRun } from '../app/useActions';
import { useEditor, type Selection } from '../state/store';
import { NOTHING_TO_ESTIMATE } from './Budgets';
import { FailuresView } from '../planner/FailuresView';
import { SensitivityView } from '../planner/SensitivityView';
import { SweepView } from '../planner/SweepView';

/** Selects a node and pans the canvas to its centre. */
export function revealNode(ctx: AppContext, id: string): void {
  ctx.store.set({ selection: { nodes: [id], edges: [] } });
  const flow = ctx.flow();
  const node = flow?.getInternalNode(id);
  if (!flow || !node) return;
  const { x, y } = node.internals.positionAbsolute;
  flow.setCenter(x + (node.measured.width ?? 0) / 2, y + (node.measured.height ?? 0) / 2, { zoom: Math.max(flow.getZoom(), 0.8), duration: 300 });
}

/** The estimator's findings; a click selects and shows the node or edge concerned. */
export function DiagnosticsList({ diagnostics, empty }: { diagnostics: readonly Diagnostic[]; empty: boolean }) {
  const ctx = useApp();
  const reveal = (d: Diagnostic) => {
    if (d.node) revealNode(ctx, d.node);
    else if (d.edge) ctx.store.set({ selection: { nodes: [], edges: [d.edge] } });
  };
  if (diagnostics.length === 0) {
    return empty ? <p className="muted">{NOTHING_TO_ESTIMATE} from the palette, then the components it calls.</p> : <p className="muted ok">No problems: the design holds at this load.</p>;
  }
  return (
    <ul className="diagnostics" aria-label="Diagnostics">
      {diagnostics.map((d, i) => (
        <li key={i} className={`diagnostic diagnostic-${d.severity}`}>
          <button type="button" onClick={() => reveal(d)} disabled={!d.node && !d.edge}>
            <span className={`severity severity-${d.severity}`}>{d.severity}</span> {d.message}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The nodes of a p99 breakdown and the load-carrying edges between them: the path the slow requests take. */
export function criticalPath(doc: Diagram, nodes: readonly string[]): Selection {
  const on = new Set(nodes);
  return { nodes: [...on], edges: doc.edges.filter((e) => carriesLoad(e) && on.has(e.source) && on.has(e.target)).map((e) => e.id) };
}

/**
 * "Why is p99 this high?": where the slowest 1% of requests spend their time,
 * node by node. While it is shown, the canvas highlights that path; a row
 * selects its node and pans to it.
 */
export function Breakdown({ estimate }: { estimate: Estimate }) {
  const ctx = useApp();
  const { store } = ctx;
  const doc = useEditor(store, (s) => s.doc);
  const entries = estimate.entries.filter((e) => e.latencyMs && e.p99Breakdown.length > 0);
  const [chosen, setChosen] = useState<string | null>(null);
  const entry = entries.find((e) => e.node === chosen) ?? entries.reduce<(typeof entries)[number] | undefined>((worst, e) => (!worst || e.latencyMs!.p99 > worst.latencyMs!.p99 ? e : worst), undefined);
  const pathKey = entry ? [entry.node, ...entry.p99Breakdown.map((b) => b.node)].join('\n') : '';
  useEffect(() => {
    store.set({ criticalPath: pathKey ? criticalPath(store.getState().doc, pathKey.split('\n')) : null });
    return () => store.set({ criticalPath: null });
  }, [store, pathKey, doc.edges]);
  if (!entry) return <Unbounded estimate={estimate} />;
  const label = (id: string) => doc.nodes.find((n) => n.id === id)?.label ?? id;
  const total = entry.p99Breakdown.reduce((s, b) => s + b.ms, 0);
  return (
    <div className="breakdown" aria-label="p99 breakdown">
      {entries.length > 1 && (
        <select aria-label="Entry" value={entry.node} onChange={(e) => setChosen(e.currentTarget.value)}>
          {entries.map((e) => <option key={e.node} value={e.node}>{label(e.node)}</option>)}
        </select>
      )}
      <p className="muted">
        Requests from {label(entry.node)} at or above p99 ({formatMs(entry.latencyMs!.p99)}) take {formatMs(total)} on average, spent here (highlighted on the canvas; click a row to go to it):
      </p>
      <ol>
        {entry.p99Breakdown.map((b) => (
          <li key={b.node}>
            <button type="button" className="breakdown-row" onClick={() => revealNode(ctx, b.node)} aria-label={`${label(b.node)} ${formatMs(b.ms)}`}>
              <span className="bar-label">{label(b.node)}</span>
              <span className="bar"><span style={{ width: `${(b.ms / total) * 100}%` }} /></span>
              <span className="bar-value">{formatMs(b.ms)}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Why no p99 can be explained: the saturated nodes that make every entry's latency unbounded, each a link to its node. */
function Unbounded({ estimate }: { estimate: Estimate }) {
  const ctx = useApp();
  const doc = useEditor(ctx.store, (s) => s.doc);
  const saturated = estimate.diagnostics.filter((d) => d.code === 'saturated' && d.node);
  if (saturated.length === 0) return <p className="muted">No entry with a bounded latency to explain.</p>;
  return (
    <div className="breakdown">
      <p>p99 is unbounded at this load: {saturated.length === 1 ? 'this node saturates' : 'these nodes saturate'} (the load at which each design breaks is under "Where it breaks"):</p>
      <ul>
        {saturated.map((d) => (
          <li key={d.node}><button type="button" className="link" onClick={() => revealNode(ctx, d.node!)}>{doc.nodes.find((n) => n.id === d.node)?.label ?? d.node}</button>: {d.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** The bottom panel tabs beyond diagnostics: the p99 breakdown and the capacity planner's views. */
const PLANNER_TABS = [
  { id: 'sweep', label: 'Where it breaks', view: () => <SweepView /> },
  { id: 'sensitivity', label: 'What matters most', view: () => <SensitivityView /> },
  { id: 'failures', label: 'Failures', view: () => <FailuresView /> },
] as const;

/** Height the bottom panel grows to when a planner tab opens, px. */
const PLANNER_PANEL_PX = 340;

/** The bottom panel: diagnostics and the p99 breakdown; it resizes from its top edge and collapses to its tabs. */
export function BottomPanel({ estimate, hidden = false, collapsed = false }: { estimate: Estimate | null; hidden?: boolean; collapsed?: boolean }) {
  const ctx = useApp();
  const run = useRun();
  const heightPx = useEditor(ctx.store, (s) => s.panels.sizePx.bottom);
  const [tab, setTab] = useState<'diagnostics' | 'breakdown' | (typeof PLANNER_TABS)[number]['id']>('diagnostics');
  const count = estimate?.diagnostics.length ?? 0;
  const choose = (next: typeof tab) => {
    setTab(next);
    const panels = ctx.store.getState().panels;
    // The planner's charts need room: a short panel grows to show them whole.
    if (PLANNER_TABS.some((t) => t.id === next) && panels.sizePx.bottom < PLANNER_PANEL_PX) {
      ctx.store.set({ panels: { ...panels, sizePx: { ...panels.sizePx, bottom: clampPanelSize('bottom', PLANNER_PANEL_PX) } } });
    }
    if (collapsed) run('view.toggleDiagnostics');
  };
  return (
    <section className={`bottom-panel${collapsed ? ' collapsed' : ''}`} aria-label="Diagnostics panel" style={collapsed ? undefined : { height: heightPx }}>
      {!collapsed && <Splitter panel="bottom" grows="up" />}
      <div className="tabs">
        <div role="tablist" className="tab-list">
          <button role="tab" aria-selected={!collapsed && tab === 'diagnostics'} onClick={() => choose('diagnostics')}>Diagnostics{count > 0 ? ` (${count})` : ''}</button>
          <button role="tab" aria-selected={!collapsed && tab === 'breakdown'} onClick={() => choose('breakdown')}>Why is p99 this high?</button>
          {PLANNER_TABS.map((t) => <button key={t.id} role="tab" aria-selected={!collapsed && tab === t.id} onClick={() => choose(t.id)}>{t.label}</button>)}
        </div>
        <PanelToggle action="view.toggleDiagnostics" shown={!collapsed} name="diagnostics" direction={collapsed ? 'up' : 'down'} />
      </div>
      {!collapsed && (
        <div role="tabpanel" className="tab-body">
          {hidden ? <p className="muted">Figures and findings are hidden until you write your own estimate in the Practice panel.</p> : !estimate ? <p className="muted">Estimating…</p> : tab === 'diagnostics' ? <DiagnosticsList diagnostics={estimate.diagnostics} empty={estimate.entries.length === 0} /> : tab === 'breakdown' ? <Breakdown estimate={estimate} /> : PLANNER_TABS.find((t) => t.id === tab)!.view()}
        </div>
      )}
    </section>
  );
}
