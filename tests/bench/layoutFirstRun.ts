import ELK from 'elkjs/lib/elk.bundled.js';
import { blueprint } from '../../shared/blueprints';
import { applyLayout, layoutDiagram } from '../../shared/layout/elkGraph';
import { warmUpLayout } from '../../shared/layout/warmUp';

// Run in a fresh process by layout.bench.ts: CPU time of one blueprint's first auto layout, with or without the worker's warm-up before it.
const [slug, warm] = process.argv.slice(2);
const doc = blueprint(slug!)!;
const elk = new ELK();
const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};
let start = cpuMs();
if (warm === 'warm') await warmUpLayout(elk);
const warmUpMs = cpuMs() - start;
start = cpuMs();
applyLayout(doc, await layoutDiagram(doc, elk));
console.log(JSON.stringify({ warmUpMs, firstMs: cpuMs() - start }));
