import { describe, expect, it } from 'vitest';
import { estimate } from '../../shared/estimator/estimate';
import { call, diagramOf, near, svc, users } from './build';

/** Users at `qps` through an API to a (5, 20) ms database on `replicas` servers, the call carrying `retry`. */
function retried(qps: number, replicas: number, retry: object) {
  return estimate(
    diagramOf([users(qps), svc('api', 2, 5), svc('db', 5, 20, { capacity: { replicas } })], [call('users', 'api'), call('api', 'db', { retry })]),
  );
}

// One server of a (5, 20) ms log-normal: mean 5 e^(sigma^2 / 2) = 5.97 ms, sigma = ln 4 / 2.326, so 100 QPS keep it 59.7% busy.

describe('what a user reads about retries', () => {
  it('a storm: 1 retry doubles the 100 QPS of calls at worst, taking a 59.7% busy server to 119%', () => {
    const result = retried(100, 1, { retries: 1 });
    const storm = result.diagnostics.find((d) => d.code === 'retry-storm')!;
    expect(storm).toMatchObject({ severity: 'warning', node: 'db', edge: 'e1' });
    expect(storm.message).toBe(
      'retries from "API" could saturate "DB": if its calls fail, 1 retries send up to 2.0x the 100 QPS of calls, ' +
        'taking it to 119% of its capacity. Cap retries with a retry budget, back off exponentially, or break the circuit.',
    );
  });

  it('a storm within a budget: 3 retries capped at 50% send at most 1.5x, taking a server 89.6% busy at 150 QPS to 134%', () => {
    const storm = retried(150, 1, { retries: 3, budget: 0.5 }).diagnostics.find((d) => d.code === 'retry-storm')!;
    expect(storm.message).toBe(
      'retries from "API" could saturate "DB": if its calls fail, 3 retries within a 50% budget send up to 1.5x the 150 QPS of calls, ' +
        'taking it to 134% of its capacity. Cap retries with a retry budget, back off exponentially, or break the circuit.',
    );
  });

  it('no storm where the worst case stays below capacity: a budget of 40% at 150 QPS reaches 125%, of 10% 98.6%', () => {
    expect(retried(150, 1, { retries: 3, budget: 0.4 }).diagnostics.map((d) => d.code)).toContain('retry-storm');
    expect(retried(150, 1, { retries: 3, budget: 0.1 }).diagnostics.map((d) => d.code)).not.toContain('retry-storm');
  });

  it('calls that fail on every attempt: 0.2^4 = 0.16% after 3 retries, with the copies and extra load per call', () => {
    const result = retried(500, 8, { retries: 3, failureProbability: 0.2 });
    const exhausted = result.diagnostics.find((d) => d.code === 'retries-exhausted')!;
    expect(exhausted).toMatchObject({ severity: 'info', edge: 'e1' });
    expect(exhausted.message).toBe('0.16% of calls to "DB" still fail after 3 retries: the caller must answer without it');
    const figures = result.calls![0]!;
    expect(figures).toMatchObject({ edge: 'e1', amplification: 1.248, extraPeakQps: 124, failedShare: 0.0016, hedge: null });
    // The retried call is slower than one attempt, whose p99 is the callee's own (about 20 ms plus its wait).
    expect(figures.p99WithoutPolicyMs!).toBeGreaterThan(20);
    expect(figures.p99WithoutPolicyMs!).toBeLessThan(20.5);
    expect(figures.p99Ms!).toBeGreaterThan(figures.p99WithoutPolicyMs! + 5);
  });

  it('says nothing of calls that fail rarely: 0.05^2 = 0.25% is reported, 0.01^2 = 0.01% is not', () => {
    expect(retried(500, 8, { retries: 1, failureProbability: 0.05 }).diagnostics.find((d) => d.code === 'retries-exhausted')!.message)
      .toBe('0.25% of calls to "DB" still fail after 1 retries: the caller must answer without it');
    expect(retried(500, 8, { retries: 1, failureProbability: 0.01 }).diagnostics.map((d) => d.code)).not.toContain('retries-exhausted');
  });
});

describe('load and latency that do not settle', () => {
  /** A hedge after `afterMs` to a single (5, 20) ms server at 80 QPS: each copy sent slows the server, which sends more copies. */
  const hedged = (afterMs: number) =>
    estimate(diagramOf([users(80), svc('api', 2, 5), svc('db', 5, 20, { capacity: { replicas: 1 } })], [call('users', 'api'), call('api', 'db', { hedge: { afterMs } })]));

  it('a hedge after 10 ms keeps swinging between rounds: the estimate says so', () => {
    expect(hedged(10).diagnostics.filter((d) => d.code === 'retry-feedback')).toEqual([{
      severity: 'warning', code: 'retry-feedback',
      message:
        'load and latency do not settle: timeouts and hedges add load, which slows the callees, which adds more timeouts and hedges. ' +
        'The figures shown are after the last round; lengthen timeouts, hedge later, or add capacity.',
    }]);
  });

  it('a hedge after 20 ms settles, and says nothing: the server takes 80 QPS x the copies per call, 1 + the share hedged', () => {
    const result = hedged(20);
    expect(result.diagnostics.map((d) => d.code)).not.toContain('retry-feedback');
    const figures = result.calls![0]!;
    near(figures.amplification, 1 + figures.hedge!.share, 1e-3);
    near(result.nodes.find((n) => n.id === 'db')!.qps.peak, 80 * figures.amplification, 1e-3);
    expect(figures.amplification).toBeGreaterThan(1.05);
    expect(figures.extraPeakQps).toBeCloseTo(80 * (figures.amplification - 1), 3);
  });
});
