import ELK from 'elkjs/lib/elk.bundled.js';
import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import { edgeGeometry } from '../../shared/layout/edgeGeometry';
import { applyLayout, layoutDiagram } from '../../shared/layout/elkGraph';
import { generateDiagram } from './generate';
import { medianMs, report } from './measure';

async function medianAsyncMs(work: () => Promise<unknown>, runs: number, warmUp = 1): Promise<number> {
  for (let i = 0; i < warmUp; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/**
 * Auto layout time per blueprint and for a 1,000-node diagram: ELK (what the
 * layout worker runs) and the routes stored with it (applyLayout).
 */
export async function benchLayout(): Promise<void> {
  const elk = new ELK();
  for (const slug of BLUEPRINT_SLUGS) {
    const doc = blueprint(slug)!;
    const ms = await medianAsyncMs(async () => applyLayout(doc, await layoutDiagram(doc, elk)), 5, 2);
    report(`layout ${slug} (${doc.nodes.length} nodes)`, `${ms.toFixed(1)} ms`, '< 100 ms', ms < 100);
  }
  const large = generateDiagram(1_000, 3);
  const ms = await medianAsyncMs(async () => applyLayout(large, await layoutDiagram(large, elk)), 3, 1);
  report(`layout, ${large.nodes.length} nodes`, `${(ms / 1000).toFixed(2)} s`, '< 2 s', ms < 2000);

  // What the canvas redraws on each edit of a laid-out diagram (routes stored, captions placed).
  const laidOut = applyLayout(large, await layoutDiagram(large, elk));
  const geometryMs = medianMs(() => edgeGeometry(laidOut), 5, 2);
  report(`edge geometry, ${large.nodes.length} laid-out nodes`, `${geometryMs.toFixed(0)} ms`, '< 50 ms', geometryMs < 50);
}
