import { afterEach, describe, expect, it, vi } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { estimate } from '../../shared/estimator/estimate';
import { createEstimateClient, createLayoutClient, ESTIMATE_DEADLINE_MS } from '../../renderer/workers/clients';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('worker clients', () => {
  it('estimate and lay out on this thread when the host refuses to start a worker', async () => {
    vi.stubGlobal('Worker', class {
      constructor() {
        throw new Error('module workers are not allowed here');
      }
    });
    const doc = blueprint('similar-listings')!;
    const figures = await createEstimateClient().estimate(doc, 1);
    expect(figures.entries[0]!.latencyMs!.p99).toBeGreaterThan(0);
    const { positions, routes } = await createLayoutClient().layout(doc);
    expect(positions.size).toBe(doc.nodes.length);
    expect(routes.size).toBeGreaterThan(0);
  });

  it('finish pending requests on this thread when a worker fails to load', async () => {
    let worker: { onerror?: () => void } | undefined;
    vi.stubGlobal('Worker', class {
      onmessage: unknown;
      onerror?: () => void;
      constructor() {
        worker = this;
      }
      postMessage() {
        queueMicrotask(() => this.onerror?.());
      }
    });
    const figures = await createEstimateClient().estimate(blueprint('news-feed')!, 2);
    expect(figures.entries[0]!.qps.peak).toBeCloseTo(2 * 92_592.6, 0);
    expect(worker).toBeDefined();
  });

  it('stop a worker that overruns its deadline, say so, and answer the next request from a fresh one', async () => {
    vi.useFakeTimers();
    const started: { terminated: boolean }[] = [];
    vi.stubGlobal('Worker', class {
      onmessage?: (event: { data: unknown }) => void;
      terminated = false;
      readonly hangs = started.length === 0;
      constructor() {
        started.push(this);
      }
      postMessage(request: { seq: number; doc: Parameters<typeof estimate>[0]; trafficMultiplier: number }) {
        if (this.hangs) return; // the first worker never answers, like one stuck on an absurd document
        const result = estimate(request.doc, { trafficMultiplier: request.trafficMultiplier });
        queueMicrotask(() => this.onmessage?.({ data: { seq: request.seq, result } }));
      }
      terminate() {
        this.terminated = true;
      }
    });
    const client = createEstimateClient();
    const doc = blueprint('news-feed')!;
    const stuck = client.estimate(doc, 1);
    const outcome = expect(stuck).rejects.toThrow(/took longer than 10 s and were stopped/);
    await vi.advanceTimersByTimeAsync(ESTIMATE_DEADLINE_MS + 1);
    await outcome;
    expect(started).toHaveLength(2);
    expect(started[0]!.terminated).toBe(true);
    const figures = await client.estimate(doc, 1);
    expect(figures.entries[0]!.qps.peak).toBeCloseTo(92_592.6, 0);
    expect(started[1]!.terminated).toBe(false);
  });
});
