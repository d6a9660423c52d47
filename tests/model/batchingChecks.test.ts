import { describe, expect, it } from 'vitest';
import { loadDiagram } from '../../shared/model/load';
import { formatProblem } from '../../shared/model/problems';
import { fixtureJson } from '../helpers';

/** The problems (diagnostic code, path, message) of the small search fixture with the encoder (nodes[3], a model) batching as given. */
function batchingProblems(batching: Record<string, unknown>): string[] {
  const doc = fixtureJson('small-search.mlsd.json');
  doc.nodes[3].batching = batching;
  const result = loadDiagram(JSON.stringify(doc));
  return result.ok ? [] : result.problems.map((p) => `${p.code} ${formatProblem(p)}`);
}

const at = 'nodes[3].batching';

describe('a model server\'s batching as the file gives it', () => {
  it('accepts the batch latency as fixed + per item, or as a rising table', () => {
    expect(batchingProblems({ maxBatchSize: 8, maxQueueDelayMs: 5, fixedMs: 4, perItemMs: 1 })).toEqual([]);
    expect(batchingProblems({ maxBatchSize: 8, maxQueueDelayMs: 5, fixedMs: 4 })).toEqual([]);
    expect(batchingProblems({ maxBatchSize: 8, maxQueueDelayMs: 5, perItemMs: 1 })).toEqual([]);
    expect(batchingProblems({ maxBatchSize: 8, maxQueueDelayMs: 5, table: [{ size: 1, ms: 5 }, { size: 4, ms: 5 }, { size: 8, ms: 9 }] })).toEqual([]);
  });

  it('asks for one way of giving the batch latency, not none and not both', () => {
    const shape = `batching-shape ${at}: give the batch latency either as fixedMs and perItemMs, or as a table of { size, ms }`;
    expect(batchingProblems({ maxBatchSize: 8, maxQueueDelayMs: 5 })).toEqual([shape]);
    expect(batchingProblems({ maxBatchSize: 8, maxQueueDelayMs: 5, fixedMs: 4, table: [{ size: 1, ms: 5 }] })).toEqual([shape]);
    expect(batchingProblems({ maxBatchSize: 8, maxQueueDelayMs: 5, perItemMs: 1, table: [{ size: 1, ms: 5 }] })).toEqual([shape]);
  });

  it('refuses a table row whose size does not rise or whose time falls, at that row', () => {
    expect(batchingProblems({ maxBatchSize: 8, maxQueueDelayMs: 5, table: [{ size: 2, ms: 5 }, { size: 2, ms: 6 }, { size: 4, ms: 7 }] })).toEqual([
      `batching-table ${at}.table[1]: sizes must rise and times must not fall (after size 2 at 5 ms)`,
    ]);
    expect(batchingProblems({ maxBatchSize: 8, maxQueueDelayMs: 5, table: [{ size: 4, ms: 5 }, { size: 2, ms: 6 }] })).toEqual([
      `batching-table ${at}.table[1]: sizes must rise and times must not fall (after size 4 at 5 ms)`,
    ]);
    expect(batchingProblems({ maxBatchSize: 8, maxQueueDelayMs: 5, table: [{ size: 1, ms: 5 }, { size: 2, ms: 6 }, { size: 4, ms: 5.5 }] })).toEqual([
      `batching-table ${at}.table[2]: sizes must rise and times must not fall (after size 2 at 6 ms)`,
    ]);
  });

  it('refuses a preferred batch size larger than the largest batch, and accepts one equal to it', () => {
    expect(batchingProblems({ maxBatchSize: 8, maxQueueDelayMs: 5, fixedMs: 4, perItemMs: 1, preferredBatchSizes: [4, 8] })).toEqual([]);
    expect(batchingProblems({ maxBatchSize: 8, maxQueueDelayMs: 5, fixedMs: 4, perItemMs: 1, preferredBatchSizes: [4, 9, 16] })).toEqual([
      `batching-preferred ${at}.preferredBatchSizes[1]: must be <= maxBatchSize (8)`,
      `batching-preferred ${at}.preferredBatchSizes[2]: must be <= maxBatchSize (8)`,
    ]);
  });

  it('prices GPUs only from a catalog instance type that holds them, suggesting the one meant', () => {
    const linear = { maxBatchSize: 8, maxQueueDelayMs: 5, fixedMs: 4, perItemMs: 1 };
    expect(batchingProblems({ ...linear, gpu: 'g5.xlarge', gpusPerReplica: 2 })).toEqual([]);
    expect(batchingProblems({ ...linear, gpu: 'g5.xlarg' })).toEqual([`unknown-price ${at}.gpu: no GPU instance type "g5.xlarg" in the price catalog (did you mean "g5.xlarge"?)`]);
    // A CPU instance type is in the catalog but holds no GPUs.
    expect(batchingProblems({ ...linear, gpu: 'c7i.2xlarge' })).toEqual([expect.stringMatching(/^unknown-price nodes\[3\]\.batching\.gpu: no GPU instance type "c7i\.2xlarge" in the price catalog/)]);
    expect(batchingProblems({ ...linear, gpusPerReplica: 2 })).toEqual([`batching-gpu ${at}.gpusPerReplica: needs gpu: the catalog instance type whose GPUs the replica uses`]);
  });
});
