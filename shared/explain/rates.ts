import { carriesLoad } from '../model/graph';
import type { DiagramNode } from '../model/schema';
import { passShare } from '../estimator/rates';
import { agrees, checkedDerivation, figureTerm, quoted, type ExplainContext } from './context';
import { evaluate, formatValue, num, op, type Term } from './expression';
import { noDerivation, type Derivation, type Step } from './figures';

type Which = 'peak' | 'avg';

/** The load a traffic node emits, in worksheet terms (with the what-if multiplier where it is not 1x). */
function trafficTerm(ctx: ExplainContext, node: DiagramNode, which: Which): Term | undefined {
  const t = node.traffic;
  if (!t) return undefined;
  const at = `${ctx.at(node.id)}.traffic`;
  const whatIf = ctx.trafficMultiplier === 1 ? [] : [num(ctx.trafficMultiplier, 'number', 'what-if')];
  const ratio = num(t.peakToAverage ?? 1, 'number', 'peak:avg', { path: `${at}.peakToAverage` });
  if (t.qps !== undefined) {
    const peak = op('x', num(t.qps, 'qps', 'given', { path: `${at}.qps` }), ...whatIf);
    return which === 'peak' ? peak : op('/', peak, ratio);
  }
  const avg = op(
    '/',
    op('x', num(t.dau ?? 0, 'count', 'DAU', { path: `${at}.dau` }), ...whatIf, num(t.requestsPerUserPerDay ?? 0, 'number', 'req/user/day', { path: `${at}.requestsPerUserPerDay` })),
    num(86_400, 'number', 's/day'),
  );
  return which === 'peak' ? op('x', avg, ratio) : avg;
}

/** What one caller's edge brings: the caller's rate x its miss share x the edge's calls (factors of 1 left out). */
function edgeTerm(ctx: ExplainContext, caller: DiagramNode, calls: number, which: Which): Term | undefined {
  const qps = ctx.figures(caller.id)?.qps;
  if (!qps) return undefined;
  const factors: Term[] = [figureTerm(qps[which], 'qps', `from ${quoted(ctx, caller.id)}`, caller.id, which === 'peak' ? 'peakQps' : 'avgQps')];
  if (passShare(caller) !== 1) factors.push(op('-', num(1, 'number'), num(caller.cache!.hitRate, 'percent', 'hit rate', { path: `${ctx.at(caller.id)}.cache.hitRate` })));
  if (calls !== 1) factors.push(num(calls, 'number', 'calls'));
  return op('x', ...factors);
}

/**
 * How a node's peak or average rate comes about: a traffic entry's own load
 * (from its rate, or from users x requests a day), plus over every sync or
 * async edge into it, the caller's rate x (1 - hit rate) x calls.
 */
export function explainRate(ctx: ExplainContext, id: string, which: Which): Derivation {
  const figure = { node: id, figure: which === 'peak' ? 'peakQps' : 'avgQps' } as const;
  const node = ctx.node(id);
  const qps = ctx.figures(id)?.qps;
  const title = `${which === 'peak' ? 'Peak' : 'Average'} QPS of ${quoted(ctx, id)}`;
  if (!node || !qps) return noDerivation(figure, title, null, 'qps', 'No such node in the estimate.');
  const terms: Term[] = [];
  const own = trafficTerm(ctx, node, which);
  if (own) terms.push(own);
  for (const edge of ctx.edgesInto(id)) {
    if (!carriesLoad(edge)) continue;
    const caller = ctx.node(edge.source);
    const term = caller && edgeTerm(ctx, caller, edge.calls ?? 1, which);
    if (term) terms.push(term);
  }
  if (terms.length === 0) {
    return noDerivation(figure, title, qps[which], 'qps', 'No traffic entry and no sync or async edge reaches this node: it receives no load.');
  }
  const name = which === 'peak' ? 'Peak rate' : 'Average rate';
  const step: Step = { name, result: num(qps[which], 'qps'), expr: op('+', ...terms) };
  const policies = ctx.edgesInto(id).filter((e) => carriesLoad(e) && (e.retry || e.hedge));
  if (policies.length > 0 && !agrees(evaluate(step.expr!), qps[which])) {
    return noDerivation(
      figure, title, qps[which], 'qps',
      `Callers' retries or hedged copies add load here (docs/estimator.md, sections 10 and 11): ${formatValue(evaluate(step.expr!), 'qps')} ` +
        `of first attempts, ${formatValue(qps[which], 'qps')} with the extra copies; each call's copies are among its edge's figures.`,
    );
  }
  const note = which === 'peak' && !own && terms.length > 1 ? 'Peaks of different callers are added as if they coincide.' : undefined;
  return checkedDerivation(figure, title, qps[which], 'qps', [step], note);
}
