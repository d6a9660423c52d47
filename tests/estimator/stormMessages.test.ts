import { describe, expect, it } from 'vitest';
import { estimate } from '../../shared/estimator/estimate';
import { formatPercent } from '../../shared/units';
import { call, diagramOf, svc, users } from './build';

/** Users at `qps` through an API to one (5, 20) ms database, the call retried once and hedged after 15 ms. */
function retriedAndHedged(qps: number) {
  return estimate(
    diagramOf(
      [users(qps), svc('api', 2, 5), svc('db', 5, 20, { capacity: { replicas: 1 } })],
      [call('users', 'api'), call('api', 'db', { retry: { retries: 1 }, hedge: { afterMs: 15 } } as never)],
    ),
  );
}

describe('a retry storm on a hedged call', () => {
  it('counts the hedged copies of every attempt: 2 attempts x (1 + the share hedged), over the load the call already sends', () => {
    const result = retriedAndHedged(80);
    const figures = result.calls![0]!;
    const db = result.nodes.find((n) => n.id === 'db')!;
    const worst = 2 * (1 + figures.hedge!.share);
    // The callee's load if every attempt failed, over its load now.
    const storm = (db.utilization! * (db.qps.peak + 80 * (worst - figures.amplification))) / db.qps.peak;
    expect(worst.toFixed(1)).toBe('2.6');
    expect(formatPercent(storm)).toBe('124%');
    const message = result.diagnostics.find((d) => d.code === 'retry-storm')!.message;
    expect(message).toContain(`send up to ${worst.toFixed(1)}x the 80 QPS of calls, taking it to ${formatPercent(storm)} of its capacity`);
  });

  it('is not raised where the worst case stays below capacity', () => {
    expect(retriedAndHedged(60).diagnostics.map((d) => d.code)).not.toContain('retry-storm');
  });
});
