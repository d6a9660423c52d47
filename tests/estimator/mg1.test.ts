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

describe('the M/G/1 wait at the edges', () => {
  it('M/D/1 with a constant 1 ms, a value that falls exactly on a grid point: residual mean 0.5 ms, wait at 50% busy 0.5 ms', () => {
    const constant = { p50Ms: 1, sigma: 0, meanMs: 1, cs2: 0 };
    expect(residualService(constant).mean()).toBeCloseTo(0.5, 6);
    expect(mg1Wait(constant, 0.5).mean()).toBeCloseTo(0.5, 6);
  });

  it('a very heavy tail (sigma 1.5): residual mean E[S^2] / 2 E[S] = e^(1.5 x 1.5^2) / 2 = 14.6 ms, and the Pollaczek-Khinchine mean', () => {
    const s = serviceTime(1, Math.exp(2.326348 * 1.5));
    expect(residualService(s).mean()).toBeCloseTo(Math.exp(1.5 * 1.5 * 1.5) / 2, 3);
    expect(mg1Wait(s, 0.5).mean()).toBeCloseTo((0.5 * s.meanMs * (1 + s.cs2)) / (2 * 0.5), 3);
  });
});
