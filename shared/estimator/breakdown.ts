/**
 * Where an entry's tail latency comes from (docs/estimator.md, section 3,
 * p99Breakdown): over the requests at or above the entry's p99, the mean time
 * spent in each node (wait plus service) along the critical path.
 *
 * Computed exactly on the grid, not sampled: a tail weight (weights.ts) starts
 * at the entry as "at or above p99" and flows down the same composition that
 * built T(v): through sums by correlation, through a miss by its probability,
 * through a parallel stage or fan-out to the branch that is slowest. A node
 * called from several places adds up the weights it receives, then passes
 * them on once. The figures add up to the mean latency of the tail requests.
 */

import type { Dist } from './grid';
import { hasCallPolicy } from './callPolicy';
import type { CallTime, NumberedLatencies } from './latency';
import { idNumbers, nodeNumbers, slots } from './nodeIndex';
import { whole, SLOT } from './scratch';
import { unboxed } from './unboxed';
import { belowAndLevel, correlate, correlateBoth, tailWeight, tiedPower, tiedProduct, weightedMass, weightedMean, Weight } from './weights';

/** Mean ms in one node over an entry's slowest requests. */
export interface BreakdownItem {
  node: string;
  ms: number;
}

/** Inserts node `v` into `pending`, kept latest position first. */
function insertByPosition(pending: number[], v: number, position: Int32Array): void {
  const at = position[v]!;
  let i = pending.length;
  // Stryker disable next-line all: the order only saves work: weights pass on linearly, so a node taken before all its callers is taken again with the rest and the figures are the same
  while (i > 0 && position[pending[i - 1]!]! < at) i--;
  pending.splice(i, 0, v);
}

/**
 * The weight the branches of a max pass to each branch: a branch is critical
 * where the others stay below it, and shares a tie evenly with the others
 * level with it. A call alone in its stage is critical wherever the stage is.
 */
function branchWeights(h: Weight, calls: readonly CallTime[]): Weight[] {
  const count = calls.length;
  // Stryker disable next-line ConditionalExpression: the rows below give a call alone a chance of 1 everywhere, the same weight
  if (count === 1) return [h.over(calls[0]!.dist)];
  // Each call's P(X < point k) and P(X = point k) over the stage's support, row by row.
  let lo = Infinity;
  let hi = -Infinity;
  for (let o = 0; o < count; o++) {
    const dist = calls[o]!.dist;
    // Stryker disable next-line ConditionalExpression: a call that takes no time only widens the rows, whose figures at the others' points stay the same
    if (dist.isZero) continue;
    lo = Math.min(lo, dist.lo);
    hi = Math.max(hi, dist.hi);
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with every call taking no time there are no rows to fill, whatever the span
  const span = hi >= lo ? hi - lo + 1 : 0;
  // Stryker disable next-line BooleanLiteral: every row is written before it is read
  const belows = whole(SLOT.below, count * span, false);
  // Stryker disable next-line BooleanLiteral: every row is written before it is read
  const levels = whole(SLOT.level, count * span, false);
  for (let o = 0; o < count; o++) belowAndLevel(calls[o]!.dist, lo, span, belows, levels, o * span);
  const below = new Float64Array(count);
  const level = new Float64Array(count);
  const weights: Weight[] = [];
  for (let c = 0; c < count; c++) {
    const branch = calls[c]!.dist;
    const w = Weight.on(branch);
    const values = w.store;
    const from = w.offset;
    // h at the branch's points, then times the branch's chance of being the slowest there.
    h.readInto(branch.lo, branch.size, values, from);
    for (let i = 0; i < w.size; i++) values[from + i] = values[from + i]! * critical(calls, c, branch.lo + i - lo, span, belows, levels, below, level);
    // Stryker disable next-line ArithmeticOperator,UnaryOperator: a weight at 0 ms only reaches nodes that take 0 ms, which add nothing
    w.zero = h.zero * critical(calls, c, -1, span, belows, levels, below, level);
    weights.push(w);
  }
  return weights;
}

/**
 * The others' figures at one point of branch c (its row index `at`, -1 for
 * the value 0), and the branch's chance of being the slowest there. Where
 * another is never at or below the point, the product is 0; where all the
 * others are surely below it, 1: the same numbers the product gives there,
 * without working it out.
 */
function critical(
  calls: readonly CallTime[], c: number, at: number, span: number,
  belows: Float64Array, levels: Float64Array, below: Float64Array, level: Float64Array,
): number {
  const count = calls.length;
  let m = 0;
  // Stryker disable next-line BooleanLiteral: the product gives 1 there too
  let surely = true;
  // With up to three others, tiedProduct's coefficients as it works them out, kept in
  // locals instead of its array (the same operations in the same order: a coefficient
  // not reached yet is 0, and 0 times a chance plus the next is that next exactly).
  let c0 = 1;
  let c1 = 0;
  let c2 = 0;
  let c3 = 0;
  for (let o = 0; o < count; o++) {
    if (o === c) continue;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the point at 0 ms sets only a weight at 0 ms, which adds nothing
    const b = at < 0 ? 0 : belows[o * span + at]!;
    // Stryker disable next-line ConditionalExpression: the point at 0 ms sets only a weight at 0 ms, which adds nothing
    const l = at < 0 ? unboxed(calls[o]!.dist.zero) : levels[o * span + at]!;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: the product gives 0 there too
    if (b + l === 0) return 0;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: the product gives 1 there too
    surely &&= b === 1 && l === 0;
    if (count > 4) {
      below[m] = b;
      level[m++] = l;
    } else {
      c3 = c3 * b + c2 * l;
      c2 = c2 * b + c1 * l;
      c1 = c1 * b + c0 * l;
      c0 = c0 * b + 0;
    }
  }
  // Stryker disable next-line ConditionalExpression: the product gives 1 there too
  if (surely) return 1;
  return count > 4 ? tiedProduct(below, level, m) : 0 + c0 / 1 + c1 / 2 + c2 / 3 + c3 / 4;
}

/** The weight a call of n = k + fraction copies passes to the callee's T. */
function calleeWeight(h: Weight, callee: Dist, calls: number, parallel: boolean): Weight {
  const whole = Math.floor(calls);
  const fraction = calls - whole;
  // Stryker disable next-line ConditionalExpression: one copy, worked out below, has a factor of 1 everywhere, the same weight
  if (calls === 1) return h.over(callee);
  const w = Weight.on(callee);
  // Each of n copies is critical where the other n - 1 are below it, ties split evenly:
  // n = whole + 1 with probability `fraction` and n = whole otherwise, or n = whole alone.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: without a fraction the first count's share is 0, which adds nothing
  const split = fraction > 1e-12;
  const first = split ? whole + 1 : whole;
  const firstShare = split ? fraction : 1;
  if (parallel) {
    const masses = callee.store;
    const from = callee.offset;
    // With at most one copy issued, the factor is the same at every point (tiedPower of no others is 1).
    // Stryker disable next-line all: working the factor out at every point gives the same figures
    const constant = first <= 1 && (!split || whole <= 1);
    // Stryker disable next-line all: working the factor out at every point gives the same figures
    const same = constant ? copiesFactor(callee.zero, callee.size > 0 ? masses[from]! : 0, whole, split, first, firstShare, fraction) : 0;
    // P(X < point) summed as belowAndLevel sums it, and P(X = point), at each point of the support.
    let below = unboxed(callee.zero);
    const values = w.store;
    const start = w.offset;
    for (let i = 0; i < w.size; i++) {
      // Stryker disable next-line ConditionalExpression: working the factor out at every point gives the same figures
      values[start + i] = h.at(callee.lo + i) * (constant ? same : copiesFactor(below, masses[from + i]!, whole, split, first, firstShare, fraction));
      below += masses[from + i]!;
    }
    // Stryker disable next-line ArithmeticOperator: a weight at 0 ms only reaches nodes that take 0 ms, which add nothing
    w.zero = h.zero * copiesFactor(0, callee.zero, whole, split, first, firstShare, fraction);
    return w;
  }
  // In turn: each copy's weight averages over the sum of the other n - 1.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: no copies at all add a weight scaled by 0
  if (first > 0) w.add(correlate(h, callee, callee.sumOf(first - 1)), firstShare * first);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with no whole copies the second count's term is scaled by 0
  if (split && whole > 0) w.add(correlate(h, callee, callee.sumOf(whole - 1)), (1 - fraction) * whole);
  return w;
}

/**
 * The chance, summed over the copies of a call, that one copy at a point is
 * the slowest, given P(X < point) and P(X = point): n = `first` copies with
 * probability `firstShare`, and when `split`, n = `whole` with 1 - fraction.
 */
function copiesFactor(below: number, level: number, whole: number, split: boolean, first: number, firstShare: number, fraction: number): number {
  let sum = 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a call of no copies passes its callee no time, so no figure reads its weight
  if (first > 0) sum += firstShare * first * tiedPower(below, level, first - 1);
  if (split && whole > 0) sum += (1 - fraction) * whole * tiedPower(below, level, whole - 1);
  return sum;
}

/**
 * A call with retries or hedges takes a time of its own (a hedged call is
 * the faster of two copies), not the callee's time composed over its copies:
 * the weight passed to the callee is scaled so the callee's share of the tail
 * is the call's own, E[call time x weight], and the figures still add up to
 * the tail's mean. Within the callee the share is split as its own weights say;
 * where no single attempt is slow enough to reach the tail (a steady callee
 * retried: the tail is the calls that took three attempts), every attempt
 * counts alike.
 */
function policyScaled(w: Weight, call: CallTime, branch: Weight, callee: Dist): Weight {
  if (!hasCallPolicy(call.edge)) return w;
  const own = weightedMean(call.dist, branch);
  const shape = weightedMean(callee, w) > 0 ? w : everywhere(callee);
  const composed = weightedMean(callee, shape);
  if (!(composed > 0)) return w;
  const scaled = Weight.on(callee);
  scaled.add(shape, own / composed);
  return scaled;
}

/** A weight of 1 everywhere on a distribution's support. */
function everywhere(dist: Dist): Weight {
  const w = Weight.on(dist);
  w.store.fill(1, w.offset, w.offset + w.size);
  w.zero = 1;
  return w;
}

/**
 * The p99 breakdown of each entry. Nodes are visited callers first (`order`
 * is a topological order of the sync and async edges).
 */
export function p99Breakdowns(
  entries: readonly string[],
  latencies: NumberedLatencies,
  order: readonly string[],
): Map<string, BreakdownItem[]> {
  const { nodes, of: latencyOf } = latencies;
  const numbers = nodeNumbers(nodes);
  const steps = idNumbers(nodes, order);
  // By node number: its position in the order, the weight it has received, its ms so far.
  const position = new Int32Array(nodes.length);
  for (let i = 0; i < steps.length; i++) position[steps[i]!] = i;
  const incoming = slots<Weight>(nodes.length);
  const ms = new Float64Array(nodes.length);
  const result = new Map<string, BreakdownItem[]>();
  for (const entry of entries) {
    const e = numbers.get(entry);
    const total = e === undefined ? undefined : latencyOf[e]?.total;
    if (!total || total.isZero) {
      result.set(entry, []);
      continue;
    }
    const threshold = total.quantile(0.99);
    const start = tailWeight(total, threshold);
    const tailMass = weightedMass(total, start);
    incoming[e!] = start;
    // Nodes waiting for their turn, latest in topological order first, so the last is the earliest.
    const pending = [e!];
    // The nodes given ms, in the order they were first given it.
    const given: number[] = [];
    const addMs = (v: number, value: number) => {
      if (!(value > 0)) return;
      if (ms[v] === 0) given.push(v);
      ms[v]! += value;
    };
    while (pending.length > 0) {
      // Always the earliest node in topological order: all its callers are done.
      const v = pending.pop()!;
      const node = latencyOf[v]!;
      const h = incoming[v]!;
      incoming[v] = undefined;
      // E[T w(T)] splits into the node's own part and its calls' part; the calls'
      // weight is needed anyway, so the own part is the difference.
      const totalPart = weightedMean(node.total!, h);
      if (node.stages.length === 0 || node.pass === 0 || node.missed.isZero) {
        addMs(v, totalPart / tailMass);
        continue;
      }
      const missed = correlate(h, node.missed, node.own);
      addMs(v, (totalPart - weightedMean(node.missed, missed)) / tailMass);

      // Through the miss, then back through the stages, last first.
      let prefixWeight = Weight.on(node.prefixes.at(-1)!);
      prefixWeight.add(missed, node.pass);
      for (let s = node.stages.length - 1; s >= 0; s--) {
        const stage = node.stages[s]!;
        let stageWeight = prefixWeight;
        if (s > 0) [stageWeight, prefixWeight] = correlateBoth(prefixWeight, stage.dist, node.prefixes[s - 1]!);
        const branches = branchWeights(stageWeight, stage.calls);
        for (let c = 0; c < stage.calls.length; c++) {
          const call = stage.calls[c]!;
          const callee = latencyOf[call.callee]!.total!;
          const branch = branches[c]!;
          const w = policyScaled(calleeWeight(branch, callee, call.edge.calls ?? 1, (call.edge.fanout ?? 'parallel') === 'parallel'), call, branch, callee);
          const existing = incoming[call.callee];
          if (existing) existing.add(w);
          else {
            incoming[call.callee] = w;
            insertByPosition(pending, call.callee, position);
          }
        }
      }
    }
    const items = given.map((v) => ({ node: nodes[v]!.id, ms: ms[v]! }));
    for (const v of given) ms[v] = 0;
    result.set(entry, items.filter((i) => i.ms > 1e-9).sort((a, b) => b.ms - a.ms || a.node.localeCompare(b.node)));
  }
  return result;
}
