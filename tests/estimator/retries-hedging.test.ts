import { describe, expect, it } from 'vitest';
import { callPolicy } from '../../shared/estimator/callPolicy';
import { estimate } from '../../shared/estimator/estimate';
import { Dist } from '../../shared/estimator/grid';
import { hedgedTime } from '../../shared/estimator/hedging';
import { expectedAttempts, retriedTime } from '../../shared/estimator/retries';
import { SimRandom } from '../../shared/sim/random';
import { loadDiagram } from '../../shared/model/load';
import { Z99 } from '../../shared/estimator/normal';
import { call, diagramOf, near, svc, users } from './build';

const SAMPLES = 400_000;

function sampled(draw: () => number): Float64Array {
  const out = new Float64Array(SAMPLES);
  for (let i = 0; i < SAMPLES; i++) out[i] = draw();
  return out.sort();
}
const q = (sorted: Float64Array, p: number) => sorted[Math.floor(p * sorted.length)]!;
const mean = (values: Float64Array) => values.reduce((a, b) => a + b, 0) / values.length;

/** A log-normal call of median 10 ms and p99 60 ms, on the grid and as a sampler. */
const sigma = Math.log(6) / Z99;
const callee = Dist.logNormal(10, sigma);

describe('retry load', () => {
  it('is the geometric series 1 + q + ... + q^R', () => {
    expect(expectedAttempts(0.2, 3)).toBeCloseTo(1 + 0.2 + 0.04 + 0.008, 12);
    expect(expectedAttempts(0, 5)).toBe(1);
    expect(expectedAttempts(1, 4)).toBe(5);
  });

  it('adds the retried attempts to the callee in the estimate', () => {
    const d = diagramOf([users(1000), svc('api', 2, 5), svc('db', 5, 20)], [call('users', 'api'), call('api', 'db', { calls: 2, retry: { failureProbability: 0.1, retries: 2 } })]);
    const result = estimate(d);
    near(result.nodes.find((n) => n.id === 'db')!.qps.peak, 2000 * (1 + 0.1 + 0.01), 1e-9);
    const figures = result.calls!.find((c) => c.edge === 'e1')!;
    near(figures.amplification, 1.11, 1e-6);
    near(figures.extraPeakQps, 220, 1e-6);
    near(figures.failedShare, 0.001, 1e-6);
  });

  it('counts attempts that run past the timeout as failed: q = 1 - (1 - p) P(T <= timeout)', () => {
    const d = diagramOf([users(1000), svc('api', 2, 5), svc('db', 10, 60)], [call('users', 'api'), call('api', 'db', { retry: { failureProbability: 0.05, retries: 2, timeoutMs: 30 } })]);
    const result = estimate(d);
    const within = callee.cdf(30);
    const failure = 1 - 0.95 * within;
    near(result.nodes.find((n) => n.id === 'db')!.qps.peak, 1000 * (1 + failure + failure * failure), 0.005);
  });
});

describe('retried latency against sampled attempts', () => {
  it('adds failed attempts, timeouts and backoffs as the retry policy says', () => {
    const retry = { failureProbability: 0.1, retries: 2, timeoutMs: 35, backoffMs: 5, backoffMultiplier: 2 };
    const random = new SimRandom(3);
    const samples = sampled(() => {
      let total = 0;
      for (let k = 0; k <= retry.retries; k++) {
        if (k > 0) total += retry.backoffMs * Math.pow(2, k - 1);
        const t = 10 * Math.exp(sigma * random.normal());
        const failsOutright = random.uniform() < retry.failureProbability;
        if (t > retry.timeoutMs) {
          total += retry.timeoutMs;
          continue;
        }
        total += t;
        if (!failsOutright) break;
      }
      return total;
    });
    const outcome = retriedTime(retry, callee);
    near(outcome.time.mean(), mean(samples), 0.02);
    near(outcome.time.quantile(0.5), q(samples, 0.5), 0.02);
    near(outcome.time.quantile(0.99), q(samples, 0.99), 0.02);
    near(outcome.time.quantile(0.999), q(samples, 0.999), 0.04);
  });
});

describe('retry storms', () => {
  it('warns when retries would push the callee past saturation if it failed, and not otherwise', () => {
    const db = svc('db', 5, 20, { capacity: { replicas: 8 } });
    const storm = estimate(diagramOf([users(500), svc('api', 2, 5), db], [call('users', 'api'), call('api', 'db', { retry: { retries: 3 } })]));
    const warning = storm.diagnostics.find((d) => d.code === 'retry-storm');
    expect(warning?.edge).toBe('e1');
    expect(warning?.message).toMatch(/up to 4\.0x/);
    const calm = estimate(diagramOf([users(500), svc('api', 2, 5), db], [call('users', 'api'), call('api', 'db', { retry: { retries: 1 } })]));
    expect(calm.diagnostics.some((d) => d.code === 'retry-storm')).toBe(false);
  });
});

describe('hedged calls against the minimum of two sampled copies', () => {
  it('take min(T1, d + T2) with d the callee p95, and send a second copy on 5% of calls', () => {
    const outcome = hedgedTime({}, callee);
    const d = callee.quantile(0.95);
    near(outcome.afterMs, d, 1e-12);
    near(outcome.share, 0.05, 0.02);
    const random = new SimRandom(11);
    const draw = () => 10 * Math.exp(sigma * random.normal());
    const samples = sampled(() => Math.min(draw(), d + draw()));
    near(outcome.time.mean(), mean(samples), 0.01);
    near(outcome.time.quantile(0.5), q(samples, 0.5), 0.02);
    near(outcome.time.quantile(0.99), q(samples, 0.99), 0.02);
    near(outcome.time.quantile(0.999), q(samples, 0.999), 0.04);
    expect(outcome.time.quantile(0.99)).toBeLessThan(callee.quantile(0.99) * 0.9);
  });

  it('shows the p99 gained and the load paid in the estimate', () => {
    const d = diagramOf([users(1000), svc('api', 2, 5), svc('leaf', 10, 60)], [call('users', 'api'), call('api', 'leaf', { hedge: { afterMs: 25 } })]);
    const result = estimate(d);
    const share = 1 - callee.cdf(25);
    near(result.nodes.find((n) => n.id === 'leaf')!.qps.peak, 1000 * (1 + share), 0.01);
    const figures = result.calls!.find((c) => c.edge === 'e1')!;
    expect(figures.hedge!.afterMs).toBe(25);
    expect(figures.p99Ms!).toBeLessThan(figures.p99WithoutPolicyMs! - 10);
    const plain = estimate(diagramOf([users(1000), svc('api', 2, 5), svc('leaf', 10, 60)], [call('users', 'api'), call('api', 'leaf')]));
    expect(result.entries[0]!.latencyMs!.p99).toBeLessThan(plain.entries[0]!.latencyMs!.p99);
    expect(plain.calls).toBeUndefined();
  });

  it('hedges each attempt when an edge both hedges and retries: copies = attempts x (1 + hedge share)', () => {
    const outcome = callPolicy({ id: 'e', source: 'a', target: 'b', hedge: {}, retry: { failureProbability: 0.1, retries: 1 } }, callee);
    near(outcome.amplification, 1.1 * (1 + outcome.hedge!.share), 1e-9);
  });
});

describe('retry and hedge blocks in a file', () => {
  const problems = (edge: object) => {
    const result = loadDiagram(JSON.stringify({
      format: 'mlsd-studio/diagram', version: 1, title: 'T',
      nodes: [{ id: 'a', kind: 'service', label: 'A' }, { id: 'b', kind: 'service', label: 'B' }],
      edges: [{ id: 'e', source: 'a', target: 'b', ...edge }],
    }));
    return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
  };
  it('bounds every number and names the field', () => {
    expect(problems({ retry: { retries: 3, timeoutMs: 50 }, hedge: { afterPercentile: 0.9 } })).toEqual([]);
    expect(problems({ retry: { retries: 11 } })[0]).toMatch(/^edges\[0\]\.retry\.retries/);
    expect(problems({ retry: { failureProbability: 1.5 } })[0]).toMatch(/^edges\[0\]\.retry\.failureProbability/);
    expect(problems({ hedge: { afterPercentile: 0.2 } })[0]).toMatch(/^edges\[0\]\.hedge\.afterPercentile/);
  });
});
