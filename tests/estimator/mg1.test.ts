import { describe, expect, it } from 'vitest';
import { mg1Wait, residualService } from '../../shared/estimator/mg1';
import { serviceTime } from '../../shared/estimator/queueing';

describe('the exact M/G/1 wait on the grid', () => {
  it('has the Pollaczek-Khinchine mean rho E[S] (1 + cs2) / (2 (1 - rho)) and waits with probability rho', () => {
    for (const [p50, p99, rho] of [[5, 50, 0.8], [8, 32, 0.5], [5, 20, 0.95]] as const) {
      const s = serviceTime(p50, p99);
      const wait = mg1Wait(s, rho);
      expect(wait.mean()).toBeCloseTo((rho * s.meanMs * (1 + s.cs2)) / (2 * (1 - rho)), 1);
      expect(1 - wait.zero).toBeCloseTo(rho, 6);
    }
  });

  it('M/D/1: the residual of a constant 10 ms is uniform on [0, 10] (median 5), and the mean wait at 75% is 15 ms', () => {
    const constant = { p50Ms: 10, sigma: 0, meanMs: 10, cs2: 0 };
    expect(residualService(constant).quantile(0.5)).toBeCloseTo(5, 1);
    expect(mg1Wait(constant, 0.75).mean()).toBeCloseTo(15, 2);
  });

  it('with a heavy tail (5, 50 ms) the wait’s p99 exceeds that of an exponential wait of the same mean', () => {
    const s = serviceTime(5, 50);
    const wait = mg1Wait(s, 0.8);
    const exponentialP99 = (wait.mean() / 0.8) * Math.log(0.8 / 0.01);
    expect(wait.quantile(0.99)).toBeGreaterThan(exponentialP99);
  });
});
