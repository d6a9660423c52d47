import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import ELK from 'elkjs/lib/elk.bundled.js';
import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import { edgeGeometry } from '../../shared/layout/edgeGeometry';
import { applyLayout, layoutDiagram } from '../../shared/layout/elkGraph';
import { warmUpLayout } from '../../shared/layout/warmUp';
import { generateDiagram } from './generate';
import { formatMs, medianTimes, report, reportTimes } from './measure';

const ROOT = resolve(import.meta.dirname, '../..');

/** CPU time of a blueprint's first layout in a fresh Node process (its JavaScript not yet compiled), with or without the layout worker's warm-up before it. */
function firstRun(slug: string, warm: boolean): { warmUpMs: number; firstMs: number } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/bench/layoutFirstRun.ts', slug, warm ? 'warm' : 'cold'], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(run.stdout) as { warmUpMs: number; firstMs: number };
}

/**
 * Auto layout time: ELK (what the layout worker runs) and the routes stored
 * with it (applyLayout), per blueprint and for a 1,000-node diagram, in CPU
 * time. Three figures, because the JavaScript engine compiles ELK's code
 * only after it has run a while:
 * - first run in a fresh process, cold (a CLI export) and after the warm-up
 *   the layout worker does when it starts (the editor's first auto layout);
 * - each blueprint's first run in this process, after the warm-up and the
 *   blueprints before it (opening designs one after another);
 * - the warm median of five runs (every later auto layout), held to the target.
 */
export async function benchLayout(): Promise<void> {
  for (const slug of ['video-search', 'news-feed']) {
    const cold = firstRun(slug, false);
    const warm = firstRun(slug, true);
    report(`layout ${slug}, first run, cold process`, `${formatMs(cold.firstMs)} CPU`, '(no target)', true);
    report(`layout ${slug}, first run after warm-up`, `${formatMs(warm.firstMs)} CPU`, `< ${formatMs(100)}`, warm.firstMs < 100);
    report(`  (worker's warm-up itself)`, `${formatMs(warm.warmUpMs)} CPU`, '(no target)', true);
  }
  const elk = new ELK();
  await warmUpLayout(elk);
  for (const slug of BLUEPRINT_SLUGS) {
    const doc = blueprint(slug)!;
    const first = await medianTimes(async () => applyLayout(doc, await layoutDiagram(doc, elk)), 1, 0);
    const times = await medianTimes(async () => applyLayout(doc, await layoutDiagram(doc, elk)), 5, 2);
    report(`layout ${slug} (${doc.nodes.length} nodes), first`, `${formatMs(first.cpuMs)} CPU`, '(no target)', true);
    reportTimes(`layout ${slug}, warm median`, times, 100);
  }
  const large = generateDiagram(1_000, 3);
  const times = await medianTimes(async () => applyLayout(large, await layoutDiagram(large, elk)), 3, 1);
  reportTimes(`layout, ${large.nodes.length} nodes, warm median`, times, 2000);

  // What the canvas redraws on each edit of a laid-out diagram (routes stored, captions placed).
  const laidOut = applyLayout(large, await layoutDiagram(large, elk));
  reportTimes(`edge geometry, ${large.nodes.length} laid-out nodes`, await medianTimes(() => edgeGeometry(laidOut), 5, 2), 50);
}
