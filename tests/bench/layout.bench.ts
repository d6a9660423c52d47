import ELK from 'elkjs/lib/elk.bundled.js';
import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import { edgeGeometry } from '../../shared/layout/edgeGeometry';
import { applyLayout, layoutDiagram } from '../../shared/layout/elkGraph';
import { generateDiagram } from './generate';
import { medianTimes, reportTimes } from './measure';

/**
 * Auto layout time per blueprint and for a 1,000-node diagram: ELK (what the
 * layout worker runs) and the routes stored with it (applyLayout).
 */
export async function benchLayout(): Promise<void> {
  const elk = new ELK();
  for (const slug of BLUEPRINT_SLUGS) {
    const doc = blueprint(slug)!;
    const times = await medianTimes(async () => applyLayout(doc, await layoutDiagram(doc, elk)), 5, 2);
    reportTimes(`layout ${slug} (${doc.nodes.length} nodes)`, times, 100);
  }
  const large = generateDiagram(1_000, 3);
  const times = await medianTimes(async () => applyLayout(large, await layoutDiagram(large, elk)), 3, 1);
  reportTimes(`layout, ${large.nodes.length} nodes`, times, 2000);

  // What the canvas redraws on each edit of a laid-out diagram (routes stored, captions placed).
  const laidOut = applyLayout(large, await layoutDiagram(large, elk));
  reportTimes(`edge geometry, ${large.nodes.length} laid-out nodes`, await medianTimes(() => edgeGeometry(laidOut), 5, 2), 50);
}
