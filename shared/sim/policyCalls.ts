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
import { grown } from '../typedArrays';
import { HedgeDelay } from './hedgeDelay';

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

/** What the engine does for the policy calls. */
export interface PolicyHost {
  readonly nowMs: number;
  /** When the visit started last will answer, if known yet, else Infinity. */
  readonly answerAtMs: number;
  uniform(): number;
  /** Starts a visit of the node that answers to `answered(call, token)`. */
  startVisit(node: number, call: number, token: number): void;
  /** Wakes `fire(timer)` at the given time. */
  schedule(atMs: number, timer: number): void;
  /** A call made for a caller's visit (or for none: -1) has ended. */
  ended(parent: number): void;
}

const HEDGE = 0;
const TIMEOUT = 1;
const BACKOFF = 2;

/** Numbers of records recycled through a free list; `used` is one past the highest ever taken. */
class Slots {
  private free = new Int32Array(64);
  private freeCount = 0;
  used = 0;
  take(): number {
    return this.freeCount > 0 ? this.free[--this.freeCount]! : this.used++;
  }
  give(id: number): void {
    if (this.freeCount === this.free.length) this.free = grown(this.free, this.free.length * 2);
    this.free[this.freeCount++] = id;
  }
}

/** The calls under way that have a policy, with their pending timers. */
export class PolicyCalls {
  // Per call: policy, callee, caller's visit, sequential copies still to make, attempt number, current attempt's token, whether that attempt is still waited on.
  private policy = new Int32Array(64);
  private node = new Int32Array(64);
  private parent = new Int32Array(64);
  private left = new Int32Array(64);
  private attempt = new Int32Array(64);
  private token = new Int32Array(64);
  private open = new Uint8Array(64);
  private readonly calls = new Slots();
  // Per timer: kind, call and the token it was set for (a timer of an ended attempt does nothing).
  private timerKind = new Int32Array(64);
  private timerCall = new Int32Array(64);
  private timerToken = new Int32Array(64);
  private readonly timers = new Slots();
  /** Tokens come round again only after 2^32 attempts, long after any attempt has ended, so an answer or timer of an ended attempt never matches a later one. */
  private nextToken = 0;
  /** Per policy edge: first attempts and retries sent so far (the retry budget). */
  private readonly firsts: Float64Array;
  private readonly retried: Float64Array;
  /** Per policy edge with a percentile hedge: its delay as it follows the copies' times (else null), and the hedges sent. */
  private readonly delays: (HedgeDelay | null)[];
  private readonly hedged: Float64Array;

  constructor(
    private readonly host: PolicyHost,
    /** Every policy edge, at its index. */
    private readonly policies: readonly SimPolicy[],
  ) {
    this.firsts = new Float64Array(policies.length);
    this.retried = new Float64Array(policies.length);
    this.hedged = new Float64Array(policies.length);
    this.delays = policies.map((p) => (p.hedgePercentile !== null && p.hedgeAfterMs < Infinity ? new HedgeDelay(p.hedgeAfterMs, p.hedgePercentile) : null));
  }

  /** Makes `copies` calls one after another (sequential) for the caller's visit. */
  begin(policy: SimPolicy, node: number, parent: number, copies: number): void {
    const call = this.calls.take();
    if (call === this.policy.length) this.growCalls();
    this.policy[call] = policy.index;
    this.node[call] = node;
    this.parent[call] = parent;
    this.left[call] = copies - 1;
    this.firstAttempt(call);
  }

  private growCalls(): void {
    const size = this.policy.length * 2;
    this.policy = grown(this.policy, size);
    this.node = grown(this.node, size);
    this.parent = grown(this.parent, size);
    this.left = grown(this.left, size);
    this.attempt = grown(this.attempt, size);
    this.token = grown(this.token, size);
    this.open = grown(this.open, size);
  }

  private firstAttempt(call: number): void {
    this.firsts[this.policy[call]!]! += 1;
    this.attempt[call] = 0;
    this.startAttempt(call);
  }

  private startAttempt(call: number): void {
    const index = this.policy[call]!;
    const policy = this.policies[index]!;
    const token = this.newToken();
    this.token[call] = token;
    this.open[call] = 1;
    const now = this.host.nowMs;
    const delay = this.delays[index];
    const hedgeAt = now + (delay ? delay.afterMs : policy.hedgeAfterMs);
    const timeoutAt = now + policy.timeoutMs;
    // A timer due after the copy has answered would find its attempt over: it is not set.
    this.host.startVisit(this.node[call]!, call, token);
    const answerAt = this.host.answerAtMs;
    if (hedgeAt < answerAt && hedgeAt < Infinity) this.setTimer(HEDGE, call, token, hedgeAt);
    if (timeoutAt < answerAt && timeoutAt < Infinity) this.setTimer(TIMEOUT, call, token, timeoutAt);
  }

  private newToken(): number {
    this.nextToken = (this.nextToken + 1) | 0;
    return this.nextToken;
  }

  private setTimer(kind: number, call: number, token: number, atMs: number): void {
    const timer = this.timers.take();
    if (timer === this.timerKind.length) {
      this.timerKind = grown(this.timerKind, timer * 2);
      this.timerCall = grown(this.timerCall, timer * 2);
      this.timerToken = grown(this.timerToken, timer * 2);
    }
    this.timerKind[timer] = kind;
    this.timerCall[timer] = call;
    this.timerToken[timer] = token;
    this.host.schedule(atMs, timer);
  }

  /** A visit of the callee answered after `elapsedMs`: the first answer of a live attempt ends it, in success or an outright failure. */
  answered(call: number, token: number, elapsedMs: number): void {
    const index = this.policy[call]!;
    this.delays[index]?.record(elapsedMs);
    if (this.token[call] !== token || this.open[call] === 0) return;
    this.open[call] = 0;
    const failure = this.policies[index]!.failure;
    if (failure > 0 && this.host.uniform() < failure) this.failed(call);
    else this.finish(call);
  }

  /** A timer is due: a hedge copy goes out, an attempt times out, or a backoff ends. */
  fire(timer: number): void {
    const kind = this.timerKind[timer]!;
    const call = this.timerCall[timer]!;
    const token = this.timerToken[timer]!;
    this.timers.give(timer);
    if (kind === BACKOFF) return this.startAttempt(call);
    if (this.token[call] !== token || this.open[call] === 0) return;
    if (kind === HEDGE) return this.hedge(call, token);
    this.open[call] = 0;
    this.failed(call);
  }

  /** Sends the hedge copy, if a percentile hedge's budget allows it. */
  private hedge(call: number, token: number): void {
    const index = this.policy[call]!;
    const percentile = this.policies[index]!.hedgePercentile;
    if (percentile !== null) {
      if (this.hedged[index]! + 1 > (1 - percentile) * this.firsts[index]!) return;
      this.hedged[index]! += 1;
    }
    this.host.startVisit(this.node[call]!, call, token);
  }

  private failed(call: number): void {
    const index = this.policy[call]!;
    const policy = this.policies[index]!;
    const attempt = this.attempt[call]!;
    if (attempt >= policy.retries || this.retried[index]! + 1 > policy.budget * this.firsts[index]!) return this.finish(call);
    this.retried[index]! += 1;
    this.attempt[call] = attempt + 1;
    // A new token at once: the failed attempt's late answers and timers are ignored through the backoff too.
    const token = this.newToken();
    this.token[call] = token;
    const backoffMs = policy.backoffMs * Math.pow(policy.backoffMultiplier, attempt);
    if (backoffMs > 0) this.setTimer(BACKOFF, call, token, this.host.nowMs + backoffMs);
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
