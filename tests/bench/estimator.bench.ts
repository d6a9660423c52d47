import { estimate } from '../../shared/estimator/estimate';
import { sampleRequests } from '../estimator/reference';
import { generateDiagram } from './generate';
import { medianTimes, report, reportTimes } from './measure';

/** Full-estimate time for a blueprint-sized and a large generated diagram, and accuracy against sampling. */
export async function benchEstimator(): Promise<void> {
  const small = generateDiagram(30, 1);
  reportTimes(`estimate, ${small.nodes.length} nodes (median of 25)`, await medianTimes(() => estimate(small), 25, 5), 16);

  const large = generateDiagram(10_000, 2);
  reportTimes(`estimate, ${large.nodes.length} nodes (median of 5)`, await medianTimes(() => estimate(large), 5, 1), 1000);

  // The reference samples the model of independent arrivals, so the check runs on the same design with the
  // vector index's pool wide enough that its parallel copies are not sampled as batches (docs/estimator.md, section 3).
  const independent = { ...small, nodes: small.nodes.map((n) => (n.kind === 'vectorIndex' ? { ...n, capacity: { ...n.capacity!, concurrency: 64 } } : n)) };
  const samples = 2_000_000;
  const reference = sampleRequests(independent, independent.nodes[0]!.id, samples, 2026);
  const figures = estimate(independent).entries[0]!.latencyMs!;
  const limits = { mean: 0.01, p50: 0.02, p90: 0.02, p99: 0.02, p999: 0.05 } as const;
  for (const p of ['mean', 'p50', 'p90', 'p99', 'p999'] as const) {
    const error = Math.abs(figures[p] - reference[p]) / reference[p];
    report(
      `latency ${p}: ${figures[p].toFixed(2)} ms vs ${reference[p].toFixed(2)} ms sampled`,
      `${(error * 100).toFixed(2)}%`,
      `< ${limits[p] * 100}% (${samples / 1e6}M samples)`,
      error < limits[p],
    );
  }
}
