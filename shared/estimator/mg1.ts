/**
 * The exact waiting time of a single-server FCFS queue with Poisson arrivals
 * (M/G/1), on the latency grid. By Pollaczek-Khinchine, the wait is a sum of
 * N independent residual service times, P(N = n) = (1 - rho) rho^n, where the
 * residual law has density (1 - F_S(x)) / E[S]. For a heavy-tailed service
 * this wait is far from exponential (its tail follows the residual's), which
 * the two-moment formula used for several servers cannot show.
 */
import { Dist } from './grid';
import { Memo } from '../memo';
import { at, clampIndex, GRID_STEP, indexBelow } from './gridPoints';
import { normalCdf } from './normal';
import type { ServiceTime } from './queueing';

/** Terms of the geometric sum beyond this weight are dropped. */
const GEOMETRIC_TAIL = 1e-10;

/**
 * The residual service time: how long the request in service still needs when
 * a Poisson arrival finds the server busy. For log-normal S with mean m,
 * F_e(x) = (x (1 - F_S(x)) + E[S; S <= x]) / m; each cell's partial mean
 * follows from E[S^2; S <= x] in closed form.
 */
export function residualService(service: ServiceTime): Dist {
  const m = service.meanMs;
  if (service.sigma <= 0) {
    // Constant service D: the residual is uniform on [0, D].
    const d = service.p50Ms;
    const lo = clampIndex(indexBelow(d * 1e-5));
    const hi = clampIndex(indexBelow(d) + 1);
    const cdf = new Float64Array(hi - lo + 1);
    for (let i = 0; i < cdf.length; i++) cdf[i] = Math.min(1, at(lo + i) / d);
    const square = (x: number) => Math.min(x, d) ** 2;
    return Dist.project(lo, cdf, (i) => (square(at(lo + i + 1)) - square(at(lo + i))) / (2 * d));
  }
  const sigma = service.sigma;
  const mu = Math.log(service.p50Ms);
  const secondMoment = Math.exp(2 * mu + 2 * sigma * sigma);
  const lo = clampIndex(indexBelow(m * 1e-5));
  const hi = clampIndex(Math.ceil((mu + 7.5 * sigma) / Math.log(at(1) / at(0))));
  const n = hi - lo + 1;
  const cdf = new Float64Array(n);
  // x^2 / 2 (1 - F(x)) + E[S^2; S <= x] / 2: the integral of x (1 - F(x)) from 0.
  const firstIntegral = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = at(lo + i);
    const z = (Math.log(x) - mu) / sigma;
    const survival = normalCdf(-z);
    cdf[i] = Math.min(1, (x * survival + m * normalCdf(z - sigma)) / m);
    firstIntegral[i] = (x * x * survival) / 2 + (secondMoment * normalCdf(z - 2 * sigma)) / 2;
  }
  return Dist.project(lo, cdf, (i) => (firstIntegral[i + 1]! - firstIntegral[i]!) / m);
}

/**
 * The M/G/1 waiting time at utilization rho < 1: 0 with probability 1 - rho,
 * else one residual plus a geometric number of further ones. The geometric
 * sum is built by doubling: with A_N the sum over n < N terms (normalised) and
 * R^N the N-fold residual, A_2N = A_N with probability 1 / (1 + rho^N), else
 * A_N + R^N.
 */
export function mg1Wait(service: ServiceTime, utilization: number): Dist {
  if (utilization <= 0) return Dist.ZERO;
  const key = `${GRID_STEP}|${service.p50Ms}|${service.sigma}|${utilization}`;
  const known = cache.get(key);
  if (known) return known;
  const wait = computeWait(service, utilization);
  cache.set(key, wait);
  return wait;
}

/** Waits already computed, by their inputs: a re-estimate after an edit elsewhere costs nothing here. */
const cache = new Memo<string, Dist>(512);

function computeWait(service: ServiceTime, utilization: number): Dist {
  const residual = residualService(service);
  let sum: Dist = Dist.ZERO;
  let power = residual;
  for (let weight = utilization; weight > GEOMETRIC_TAIL; weight *= weight) {
    sum = Dist.mix(1 / (1 + weight), sum, sum.plus(power));
    power = power.plus(power);
  }
  return Dist.mix(utilization, residual.plus(sum), Dist.ZERO);
}
