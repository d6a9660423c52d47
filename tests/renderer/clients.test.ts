import { afterEach, describe, expect, it, vi } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { createEstimateClient, createLayoutClient } from '../../renderer/workers/clients';

afterEach(() => vi.unstubAllGlobals());

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
});
