import { useEffect, useMemo, useState } from 'react';
import { failureChoices, failureTitle } from '../../shared/planner/failures';
import type { PlanFigures } from '../../shared/planner/figures';
import type { Diagram } from '../../shared/model/schema';
import { formatLatencyMs, formatUsd } from '../../shared/units';
import { useApp } from '../app/AppContext';
import { useEditor } from '../state/store';
import { JobProgress } from './JobProgress';
import { useJob } from './useJob';

function Row({ label, normal, failed }: { label: string; normal: string; failed: string }) {
  return (
    <tr className={normal === failed ? undefined : 'changed'}>
      <th scope="row">{label}</th><td>{normal}</td><td>{failed}</td>
    </tr>
  );
}

function saturatedText(doc: Diagram, f: PlanFigures): string {
  return f.saturated.length === 0 ? 'none' : f.saturated.map((id) => doc.nodes.find((n) => n.id === id)?.label ?? id).join(', ');
}

/**
 * "Failures": the figures under a chosen failure (a zone lost, a replica
 * lost, a cache cold, a node down) beside the normal ones, on the fleet sized
 * for today's load, and the per-pool "survives the loss of any one replica?" check.
 */
export function FailuresView() {
  const { store } = useApp();
  const doc = useEditor(store, (s) => s.doc);
  const choices = useMemo(() => failureChoices(doc), [doc]);
  const [chosen, setChosen] = useState(0);
  const failure = choices[Math.min(chosen, choices.length - 1)]!;
  const job = useJob<'failure'>();
  const check = useJob<'replica-loss'>();
  const { start } = job;
  useEffect(() => start({ kind: 'failure', doc, failure }), [doc, failure, start]);
  const r = job.result;
  return (
    <div className="planner-view" aria-label="Failures">
      <div className="planner-controls">
        <label>
          Failure{' '}
          <select aria-label="Failure" value={Math.min(chosen, choices.length - 1)} onChange={(e) => setChosen(Number(e.currentTarget.value))}>
            {choices.map((f, i) => <option key={i} value={i}>{failureTitle(doc, f)}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => check.start({ kind: 'replica-loss', doc })}>Survives the loss of any one replica?</button>
        <JobProgress job={job} what="Failure" />
      </div>
      {r && (
        <table className="failure-figures" aria-label="Figures under the failure">
          <thead><tr><th /><th scope="col">Normal</th><th scope="col">{r.title}</th></tr></thead>
          <tbody>
            <Row label="Worst p99" normal={formatLatencyMs(r.normal.worstP99Ms)} failed={formatLatencyMs(r.failed.worstP99Ms)} />
            <Row label="Cost" normal={`${formatUsd(r.normal.costUsdPerMonth)}/mo`} failed={`${formatUsd(r.failed.costUsdPerMonth)}/mo`} />
            <Row label="Saturated" normal={saturatedText(doc, r.normal)} failed={saturatedText(doc, r.failed)} />
          </tbody>
        </table>
      )}
      {r && r.failingCalls.length > 0 && <ul className="failing-calls">{r.failingCalls.map((c) => <li key={c.edge}>{c.text}</li>)}</ul>}
      <JobProgress job={check} what="Replica check" />
      {check.result && (
        <ul className="replica-checks" aria-label="Survives the loss of one replica">
          {check.result.map((c) => (
            <li key={c.node} className={c.survives ? 'ok' : 'over'}>
              {c.label} ({c.replicas} replica{c.replicas === 1 ? '' : 's'}): {c.survives ? 'survives' : `does not survive: ${c.reason}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
