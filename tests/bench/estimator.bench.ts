import { estimate } from '../../shared/estimator/estimate';
import { sampleRequests } from '../estimator/reference';
import { generateDiagram } from './generate';
import { formatMs, medianTimes, report, reportTimes } from './measure';

/** Full-estimate time for a blueprint-sized and a large generated diagram, and accuracy against sampling. */
export async function benchEstimator(): Promise<void> {
  const small = generateDiagram(30, 1);
  reportTimes(`estimate, ${small.nodes.length} nodes (median of 25)`, await medianTimes(() => estimate(small), 25, 5), 16);

  const large = generateDiagram(10_000, 2);
  reportTimes(`estimate, ${large.nodes.length} nodes (median of 5)`, await medianTimes(() => estimate(large), 5, 1), 1000);
  // Designs this large are estimated on the coarse latency grid (docs/estimator.md); the fine grid for comparison, no target.
  const fine = await medianTimes(() => estimate(large, { gridStep: 1 }), 3, 1);
  report(`estimate, ${large.nodes.length} nodes on the fine latency grid (median of 3)`, `${formatMs(fine.cpuMs)} CPU (${formatMs(fine.wallMs)} wall)`, 'none', true);
  // The runs above reuse their sampled batch pools; a design whose pools changed samples them again.
  const fresh = [3, 4, 5].map((seed) => generateDiagram(10_000, seed));
  let next = 0;
  reportTimes(`estimate, ${large.nodes.length} nodes, pools sampled anew`, await medianTimes(() => estimate(fresh[next++]!), 3, 0), 1500);

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
