import ELK from 'elkjs/lib/elk.bundled.js';
import { blueprint, BLUEPRINT_SLUGS } from './shared/blueprints';
import { layoutPositions } from './shared/layout/elkGraph';
const elk = new ELK();
for (const slug of BLUEPRINT_SLUGS) {
  const d = blueprint(slug)!;
  const t = performance.now();
  const p = await layoutPositions(d, elk);
  console.log(slug, p.size, (performance.now() - t).toFixed(0), 'ms', JSON.stringify([...p].slice(0,3)));
}
