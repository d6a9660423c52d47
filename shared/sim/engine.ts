/**
 * The discrete-event engine: Poisson arrivals at the entries, FCFS pools,
 * stages of calls, parallel copies issued at the same instant, sequential
 * copies in turn, cache passes and async load. Only the ends of service are
 * events: one frees a server for the next request in line and wakes the
 * visit's caller once the visit answers.
 */
import { Batcher } from './batcher';
import { TimeHeap, WaitingLine } from './heap';
import { grown } from '../typedArrays';
import type { SimCall, SimNetwork } from './network';
import { PolicyCalls, type PolicyHost } from './policyCalls';
import { NormalStream } from './normals';
import { SimRandom } from './random';
import { ARRIVAL, CALL, ENTRY, LEFT, NODE, PARENT, PENDING, SERVICE_MS, SLOT, STAGE, TOKEN, Visits } from './visits';

const NO_PARENT = -1;
/** Sample slot of a request's first visit in the warm-up, and of every other visit. */
const WARM_UP = -1;
const NOT_A_REQUEST = -2;
/** Heap ids at or below this are a batcher's queue-delay events (the node is BATCH_EVENT - id); policy timers lie above. */
const BATCH_EVENT = -(2 ** 30);


/** Raw observations of a run, summarised by stats.ts. */
export interface Observations {
  /** Per entry, the latency of each measured request in arrival order (ms). */
  samples: Float64Array[];
  /** Per entry, how many requests were measured. */
  counts: number[];
  /**
   * Per node, over the measurement window (from the end of the warm-up to the
   * last arrival): visits started, summed service in ms, and the answers given
   * with their summed T(v) in ms.
   */
  visits: Float64Array;
  busyMs: Float64Array;
  answers: Float64Array;
  latencySumMs: Float64Array;
  /** Length of the measurement window, ms. */
  windowMs: number;
}

/**
 * One run of the simulation, advanced in slices so a caller can report
 * progress and stop it: `advance` processes up to a number of events. It is
 * also the host of its calls with a policy.
 */
export class Simulation implements PolicyHost {
  private readonly random: SimRandom;
  /** Service times draw from their own stream (where each stream starts: replications.ts). */
  private readonly normalStream: NormalStream;
  private readonly heap = new TimeHeap();
  private readonly visits = new Visits();
  private readonly lines: (WaitingLine | null)[];
  private readonly batchers: (Batcher | null)[];
  /** The visits of the batch being sent. */
  private batch = new Int32Array(64);
  private readonly totalQpsPerMs: number;
  private readonly entryShares: Float64Array;
  private readonly obs: Observations;
  private readonly policyCalls: PolicyCalls;
  /** The simulated clock, ms. */
  nowMs = 0;
  /** When the visit started last will answer, if known yet, else Infinity. */
  answerAtMs = Infinity;
  private nextArrivalMs: number;
  private arrivals = 0;
  private windowStartMs = 0;
  /** Whether visits now count towards rates and utilization. */
  private inWindow = false;

  constructor(
    private readonly network: SimNetwork,
    /** Requests measured after the warm-up, over all entries. */
    private readonly requests: number,
    /** Requests simulated first and not measured, so queues start from a typical state. */
    private readonly warmUp: number,
    /** The seeds of the uniform draws and of the service times' normals. */
    streams: { uniform: number; normal: number },
  ) {
    this.random = new SimRandom(streams.uniform);
    this.normalStream = new NormalStream(streams.normal);
    this.lines = network.nodes.map((n) => (n.timed && !n.batching && n.servers > 0 && !n.saturated ? new WaitingLine(n.servers) : null));
    this.batchers = network.nodes.map((n) => (n.batching && !n.saturated ? new Batcher(n.batching, n.servers) : null));
    const live = network.entries.map((e) => (e.peakQps > 0 && !e.unbounded ? e.peakQps : 0));
    const total = live.reduce((a, b) => a + b, 0);
    this.totalQpsPerMs = total / 1000;
    this.entryShares = new Float64Array(live.length);
    let cumulative = 0;
    live.forEach((qps, i) => {
      cumulative += qps;
      this.entryShares[i] = total > 0 ? cumulative / total : 1;
    });
    const expected = (qps: number) => Math.ceil((requests * qps) / Math.max(total, 1e-300) * 1.2 + 64);
    this.obs = {
      samples: live.map((qps) => new Float64Array(qps > 0 ? expected(qps) : 0)),
      counts: live.map(() => 0),
      visits: new Float64Array(network.nodes.length),
      busyMs: new Float64Array(network.nodes.length),
      answers: new Float64Array(network.nodes.length),
      latencySumMs: new Float64Array(network.nodes.length),
      windowMs: 0,
    };
    this.nextArrivalMs = total > 0 ? this.random.exponential(1 / this.totalQpsPerMs) : Infinity;
    this.policyCalls = new PolicyCalls(this, network.policies);
  }

  /** The policy host's draws and visits (see `PolicyHost`). */
  uniform(): number {
    return this.random.uniform();
  }

  startVisit(node: number, call: number, token: number): void {
    this.start(node, NO_PARENT, 0, NOT_A_REQUEST, 0, call, token);
  }

  schedule(atMs: number, timer: number): void {
    // Timers go on the heap with negative ids, beside the visits' completions.
    this.heap.push(atMs, -1 - timer);
  }

  ended(parent: number): void {
    this.callEnded(parent);
  }

  /** Share of the work done, 0 to 1. */
  get progress(): number {
    const target = this.requests + this.warmUp;
    return target > 0 ? Math.min(1, this.arrivals / target) : 1;
  }

  /** Whether every request has arrived and answered. */
  get done(): boolean {
    return (this.arrivals >= this.requests + this.warmUp || this.totalQpsPerMs === 0) && this.heap.size === 0;
  }

  /** Processes up to `maxEvents` arrivals and completions; returns whether the run is done. */
  advance(maxEvents: number): boolean {
    const target = this.requests + this.warmUp;
    for (let n = 0; n < maxEvents; n++) {
      const arrivalDue = this.arrivals < target && this.nextArrivalMs <= this.heap.topTime;
      if (arrivalDue) {
        this.nowMs = this.nextArrivalMs;
        this.arrive();
        this.nextArrivalMs = this.nowMs + this.random.exponential(1 / this.totalQpsPerMs);
      } else if (this.heap.size > 0) {
        this.nowMs = this.heap.topTime;
        const id = this.heap.pop();
        if (id >= 0) this.serviceEnded(id);
        else if (id <= BATCH_EVENT) this.sendBatches(BATCH_EVENT - id, true);
        else this.policyCalls.fire(-1 - id);
      } else break;
    }
    return this.done;
  }

  /** What was measured so far. */
  observations(): Observations {
    return this.obs;
  }

  private arrive(): void {
    const u = this.random.uniform();
    let entry = 0;
    while (entry < this.entryShares.length - 1 && this.entryShares[entry]! < u) entry++;
    const measured = this.arrivals >= this.warmUp;
    this.arrivals++;
    if (this.arrivals === this.warmUp + 1) this.windowStartMs = this.nowMs;
    this.inWindow = measured && this.arrivals < this.requests + this.warmUp;
    if (measured) this.obs.windowMs = this.nowMs - this.windowStartMs;
    let slot = WARM_UP;
    if (measured) {
      slot = this.obs.counts[entry]!++;
      this.ensureSlot(entry, slot);
    }
    this.start(this.network.entries[entry]!.node, NO_PARENT, 0, slot, entry);
  }

  private ensureSlot(entry: number, slot: number): void {
    const samples = this.obs.samples[entry]!;
    if (slot < samples.length) return;
    this.obs.samples[entry] = grown(samples, samples.length * 2 + 64);
  }

  /**
   * A visit arrives at a node now (it may answer at once, inside this call).
   * Sets `answerAtMs` to when it will answer if that is known already (a timed
   * node that calls nothing and has a server free answers when its service
   * ends), else Infinity.
   */
  private start(node: number, parent: number, left: number, slot: number, entry: number, call = -1, token = 0): void {
    const v = this.visits;
    const id = v.allocate();
    const ints = v.ints;
    const at = id << 4;
    ints[at + NODE] = node;
    ints[at + PARENT] = parent;
    ints[at + LEFT] = left;
    ints[at + SLOT] = slot;
    ints[at + ENTRY] = entry;
    ints[at + CALL] = call;
    ints[at + TOKEN] = token;
    v.doubles[(id << 3) + ARRIVAL] = this.nowMs;
    const spec = this.network.nodes[node]!;
    if (!spec.timed || spec.saturated) {
      if (this.inWindow) this.obs.visits[node]! += 1;
      this.afterService(id);
      this.answerAtMs = Infinity;
      return;
    }
    const batcher = this.batchers[node];
    if (batcher) {
      if (this.inWindow) this.obs.visits[node]! += 1;
      batcher.add(id, this.nowMs);
      this.sendBatches(node, false);
      this.answerAtMs = Infinity;
      return;
    }
    // Log-normal service: the median times e^(sigma z).
    const serviceMs = this.normalStream.logNormal(spec.p50Ms, spec.sigma);
    if (this.inWindow) {
      this.obs.visits[node]! += 1;
      this.obs.busyMs[node]! += serviceMs;
    }
    const line = this.lines[node];
    if (line && !line.admit(id)) {
      v.doubles[(id << 3) + SERVICE_MS] = serviceMs;
      this.answerAtMs = Infinity;
      return;
    }
    const endMs = this.nowMs + serviceMs;
    this.heap.push(endMs, id);
    this.answerAtMs = spec.stages.length === 0 && spec.async.length === 0 ? endMs : Infinity;
  }

  /**
   * Sends every batch a node's batcher lets leave now, each visit ending with
   * its batch (the batch's first visit marked to free the executor), and sets
   * the queue-delay event of the oldest request still waiting.
   */
  private sendBatches(node: number, deadlineFired: boolean): void {
    const batcher = this.batchers[node]!;
    if (deadlineFired) batcher.deadlineMs = Infinity;
    if (this.batch.length < batcher.spec.maxBatchSize) this.batch = new Int32Array(batcher.spec.maxBatchSize);
    for (let size = batcher.take(this.nowMs, this.batch); size > 0; size = batcher.take(this.nowMs, this.batch)) {
      const runMs = batcher.runMs(size);
      if (this.inWindow) this.obs.busyMs[node]! += runMs;
      for (let i = 0; i < size; i++) {
        this.visits.doubles[(this.batch[i]! << 3) + SERVICE_MS] = i === 0 ? -1 : 0;
        this.heap.push(this.nowMs + runMs, this.batch[i]!);
      }
    }
    // The oldest waiting request's deadline only moves later, so a pending event is never too late.
    const due = batcher.nextDeadlineMs();
    if (due < Infinity && batcher.deadlineMs === Infinity) {
      batcher.deadlineMs = due;
      this.heap.push(due, BATCH_EVENT - node);
    }
  }

  /** A visit's service ends now: its server goes to the next in line, and the visit goes on. */
  private serviceEnded(id: number): void {
    const node = this.visits.ints[(id << 4) + NODE]!;
    const batcher = this.batchers[node];
    if (batcher) {
      if (this.visits.doubles[(id << 3) + SERVICE_MS]! < 0) {
        batcher.finished();
        this.sendBatches(node, false);
      }
      return this.afterService(id);
    }
    const line = this.lines[node];
    if (line) {
      const next = line.release();
      if (next >= 0) this.heap.push(this.nowMs + this.visits.doubles[(next << 3) + SERVICE_MS]!, next);
    }
    this.afterService(id);
  }

  /** Own time is over: on a miss, send async load and start the first stage; else answer. */
  private afterService(id: number): void {
    const spec = this.network.nodes[this.visits.ints[(id << 4) + NODE]!]!;
    const miss = !spec.saturated && (spec.pass >= 1 || (spec.pass > 0 && this.random.uniform() < spec.pass));
    if (!miss) return this.answer(id);
    for (const call of spec.async) this.issue(call, this.copies(call), NO_PARENT);
    this.visits.ints[(id << 4) + STAGE] = -1;
    this.nextStage(id);
  }

  private copies(call: SimCall): number {
    return call.whole + (call.fraction > 0 && this.random.uniform() < call.fraction ? 1 : 0);
  }

  /** Starts the visit's next stage with calls to make, or answers when none is left. */
  private nextStage(id: number): void {
    const v = this.visits;
    const at = id << 4;
    const stages = this.network.nodes[v.ints[at + NODE]!]!.stages;
    let counts = this.stageCopies;
    for (let s = v.ints[at + STAGE]! + 1; s < stages.length; s++) {
      v.ints[at + STAGE] = s;
      const calls = stages[s]!;
      // Every answer to wait for is counted before any copy starts (one may answer at
      // once), plus one held until all are issued.
      let pending = 1;
      const base = this.stageDepth;
      this.stageDepth += calls.length;
      if (this.stageDepth > counts.length) {
        this.stageCopies = new Int32Array(this.stageDepth * 2);
        this.stageCopies.set(counts);
        counts = this.stageCopies;
      }
      for (let c = 0; c < calls.length; c++) {
        const k = this.copies(calls[c]!);
        counts[base + c] = k;
        pending += calls[c]!.parallel ? k : k > 0 ? 1 : 0;
      }
      v.ints[at + PENDING] = pending;
      for (let c = 0; c < calls.length; c++) this.issue(calls[c]!, counts[base + c]!, id);
      this.stageDepth = base;
      // The issues may have grown the records: read them again.
      if (--v.ints[at + PENDING]! > 0) return;
    }
    this.answer(id);
  }

  /** Scratch for the copies drawn for each call of the stages being issued (nested issues stack). */
  private stageCopies = new Int32Array(4096);
  private stageDepth = 0;

  /** Starts `copies` copies of a call: all at once (parallel) or the first of a chain (sequential). */
  private issue(call: SimCall, copies: number, parent: number): void {
    if (copies === 0) return;
    if (call.policy) {
      if (!call.parallel) return this.policyCalls.begin(call.policy, call.target, parent, copies);
      for (let k = 0; k < copies; k++) this.policyCalls.begin(call.policy, call.target, parent, 1);
      return;
    }
    if (!call.parallel) {
      this.start(call.target, parent, copies - 1, NOT_A_REQUEST, 0);
      return;
    }
    for (let k = 0; k < copies; k++) this.start(call.target, parent, 0, NOT_A_REQUEST, 0);
  }

  /** The visit answers now: the next sequential copy starts, or the caller hears back. */
  private answer(id: number): void {
    const v = this.visits;
    const ints = v.ints;
    const at = id << 4;
    const node = ints[at + NODE]!;
    const parent = ints[at + PARENT]!;
    const left = ints[at + LEFT]!;
    const slot = ints[at + SLOT]!;
    const entry = ints[at + ENTRY]!;
    const call = ints[at + CALL]!;
    const token = ints[at + TOKEN]!;
    const elapsed = this.nowMs - v.doubles[(id << 3) + ARRIVAL]!;
    if (this.inWindow) {
      this.obs.answers[node]! += 1;
      this.obs.latencySumMs[node]! += elapsed;
    }
    v.release(id);
    if (call >= 0) return this.policyCalls.answered(call, token, elapsed);
    if (left > 0) {
      this.start(node, parent, left - 1, NOT_A_REQUEST, 0);
      return;
    }
    if (slot >= 0) this.obs.samples[entry]![slot] = elapsed;
    this.callEnded(parent);
  }

  /** One of the calls a visit waits on has ended: its next stage starts once all have. */
  private callEnded(parent: number): void {
    if (parent !== NO_PARENT && --this.visits.ints[(parent << 4) + PENDING]! === 0) this.nextStage(parent);
  }
}
