/**
 * Calls with a retry or hedge policy, request by request, as docs/estimator.md
 * describes them (sections 10 and 11): an attempt is one visit of the callee,
 * or two when it has not answered after the hedge delay (the first answer
 * wins); it fails outright with a probability, or by running past the
 * timeout (the callee keeps working on it, and its late answer is ignored);
 * a failed attempt is retried after a backoff, up to the retries allowed and
 * within the retry budget; the call ends with its first successful attempt,
 * or after the last failed one. A hedge set at a percentile of the callee's
 * latency waits for that percentile of the copies' latest times, as a client
 * tracking it would, and holds its copies to that share of the calls (a
 * hedge budget): without one, a queue that grows makes every call slower
 * than the recent ones, every call hedges, and the doubled load keeps the
 * queue growing.
 */
import { selectKth } from './stats';

/** An edge's policy as the simulator runs it: Infinity where the edge sets no timeout or hedge. */
export interface SimPolicy {
  /** Which policy edge: its retry budget is counted per edge. */
  index: number;
  failure: number;
  retries: number;
  timeoutMs: number;
  backoffMs: number;
  backoffMultiplier: number;
  /** Retries may add at most this share of the calls' first attempts. */
  budget: number;
  /** The first hedge delay (Infinity: no hedge). */
  hedgeAfterMs: number;
  /** For a hedge at a percentile of the callee's latency, that percentile; else null (a fixed delay). */
  hedgePercentile: number | null;
}

/** Copies' times a percentile hedge's delay is taken over, and how often it is taken again. */
const HEDGE_WINDOW = 1024;
const HEDGE_REFRESH = 256;

/** The recent times of one edge's copies, and the delay taken from them. */
class HedgeDelay {
  private readonly times = new Float64Array(HEDGE_WINDOW);
  /** Scratch the percentile is selected in (selection reorders it). */
  private readonly scratch = new Float64Array(HEDGE_WINDOW);
  private count = 0;
  constructor(
    public afterMs: number,
    private readonly percentile: number,
  ) {}

  record(ms: number): void {
    this.times[this.count++ % HEDGE_WINDOW] = ms;
    if (this.count % HEDGE_REFRESH !== 0 || this.count < HEDGE_WINDOW) return;
    this.scratch.set(this.times);
    this.afterMs = selectKth(this.scratch, Math.min(HEDGE_WINDOW - 1, Math.floor(this.percentile * HEDGE_WINDOW)));
  }
}

/** What the engine does for the policy calls. */
export interface PolicyHost {
  readonly nowMs: number;
  uniform(): number;
  /** Starts a visit of the node that answers to `answered(call, token)`; returns when it will answer, if known yet, else Infinity. */
  startVisit(node: number, call: number, token: number): number;
  /** Wakes `fire(timer)` at the given time. */
  schedule(atMs: number, timer: number): void;
  /** A call made for a caller's visit (or for none: -1) has ended. */
  ended(parent: number): void;
}

const HEDGE = 0;
const TIMEOUT = 1;
const BACKOFF = 2;

/** A list of records recycled through a free list. */
class Slots {
  private free: number[] = [];
  private used = 0;
  take(): number {
    return this.free.pop() ?? this.used++;
  }
  give(id: number): void {
    this.free.push(id);
  }
}

/** The calls under way that have a policy, with their pending timers. */
export class PolicyCalls {
  // Per call: policy, callee, caller's visit, sequential copies still to make, attempt number, current attempt's token, whether that attempt is still waited on.
  private readonly policy: SimPolicy[] = [];
  private readonly node: number[] = [];
  private readonly parent: number[] = [];
  private readonly left: number[] = [];
  private readonly attempt: number[] = [];
  private readonly token: number[] = [];
  private readonly open: boolean[] = [];
  private readonly calls = new Slots();
  // Per timer: kind, call and the token it was set for (a timer of an ended attempt does nothing).
  private readonly timerKind: number[] = [];
  private readonly timerCall: number[] = [];
  private readonly timerToken: number[] = [];
  private readonly timers = new Slots();
  /** Tokens are never reused, so an answer or timer of an ended attempt never matches a later one. */
  private nextToken = 0;
  /** Per policy edge: first attempts and retries sent so far (the retry budget). */
  private readonly firsts: number[] = [];
  private readonly retried: number[] = [];
  /** Per policy edge with a percentile hedge: its delay as it follows the copies' times, and the hedges sent. */
  private readonly delays: HedgeDelay[] = [];
  private readonly hedged: number[] = [];

  constructor(private readonly host: PolicyHost) {}

  /** Makes `copies` calls one after another (sequential) for the caller's visit. */
  begin(policy: SimPolicy, node: number, parent: number, copies: number): void {
    const call = this.calls.take();
    this.policy[call] = policy;
    this.node[call] = node;
    this.parent[call] = parent;
    this.left[call] = copies - 1;
    this.firstAttempt(call);
  }

  private firstAttempt(call: number): void {
    const index = this.policy[call]!.index;
    this.firsts[index] = (this.firsts[index] ?? 0) + 1;
    this.attempt[call] = 0;
    this.startAttempt(call);
  }

  private startAttempt(call: number): void {
    const policy = this.policy[call]!;
    const token = this.nextToken++;
    this.token[call] = token;
    this.open[call] = true;
    const now = this.host.nowMs;
    const hedgeAt = policy.hedgeAfterMs < Infinity ? now + this.hedgeDelayMs(policy) : Infinity;
    const timeoutAt = now + policy.timeoutMs;
    // A timer due after the copy has answered would find its attempt over: it is not set.
    const answerAt = this.host.startVisit(this.node[call]!, call, token);
    if (hedgeAt < answerAt && hedgeAt < Infinity) this.setTimer(HEDGE, call, token, hedgeAt);
    if (timeoutAt < answerAt && timeoutAt < Infinity) this.setTimer(TIMEOUT, call, token, timeoutAt);
  }

  private hedgeDelayMs(policy: SimPolicy): number {
    if (policy.hedgePercentile === null) return policy.hedgeAfterMs;
    const delay = (this.delays[policy.index] ??= new HedgeDelay(policy.hedgeAfterMs, policy.hedgePercentile));
    return delay.afterMs;
  }

  private setTimer(kind: number, call: number, token: number, atMs: number): void {
    const timer = this.timers.take();
    this.timerKind[timer] = kind;
    this.timerCall[timer] = call;
    this.timerToken[timer] = token;
    this.host.schedule(atMs, timer);
  }

  /** A visit of the callee answered after `elapsedMs`: the first answer of a live attempt ends it, in success or an outright failure. */
  answered(call: number, token: number, elapsedMs: number): void {
    const policy = this.policy[call]!;
    if (policy.hedgePercentile !== null) this.delays[policy.index]?.record(elapsedMs);
    if (this.token[call] !== token || !this.open[call]) return;
    this.open[call] = false;
    if (this.host.uniform() < this.policy[call]!.failure) this.failed(call);
    else this.finish(call);
  }

  /** A timer is due: a hedge copy goes out, an attempt times out, or a backoff ends. */
  fire(timer: number): void {
    const kind = this.timerKind[timer]!;
    const call = this.timerCall[timer]!;
    const token = this.timerToken[timer]!;
    this.timers.give(timer);
    if (kind === BACKOFF) return this.startAttempt(call);
    if (this.token[call] !== token || !this.open[call]) return;
    if (kind === HEDGE) return this.hedge(call, token);
    this.open[call] = false;
    this.failed(call);
  }

  /** Sends the hedge copy, if a percentile hedge's budget allows it. */
  private hedge(call: number, token: number): void {
    const policy = this.policy[call]!;
    if (policy.hedgePercentile !== null) {
      const sent = this.hedged[policy.index] ?? 0;
      if (sent + 1 > (1 - policy.hedgePercentile) * this.firsts[policy.index]!) return;
      this.hedged[policy.index] = sent + 1;
    }
    this.host.startVisit(this.node[call]!, call, token);
  }

  private failed(call: number): void {
    const policy = this.policy[call]!;
    const attempt = this.attempt[call]!;
    const retried = this.retried[policy.index] ?? 0;
    if (attempt >= policy.retries || retried + 1 > policy.budget * this.firsts[policy.index]!) return this.finish(call);
    this.retried[policy.index] = retried + 1;
    this.attempt[call] = attempt + 1;
    // A new token at once: the failed attempt's late answers and timers are ignored through the backoff too.
    this.token[call] = this.nextToken++;
    const backoffMs = policy.backoffMs * Math.pow(policy.backoffMultiplier, attempt);
    if (backoffMs > 0) this.setTimer(BACKOFF, call, this.token[call], this.host.nowMs + backoffMs);
    else this.startAttempt(call);
  }

  /** The call is over (answered, or out of retries): the next copy in turn starts, or the caller hears back. */
  private finish(call: number): void {
    if (this.left[call]! > 0) {
      this.left[call]! -= 1;
      return this.firstAttempt(call);
    }
    const parent = this.parent[call]!;
    this.calls.give(call);
    this.host.ended(parent);
  }
}
