import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import ELK from 'elkjs/lib/elk.bundled.js';
import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import { pictureOf } from '../../shared/export/geometry';
import { edgeGeometry } from '../../shared/layout/edgeGeometry';
import { applyLayout, layoutDiagram } from '../../shared/layout/elkGraph';
import { warmUpLayout } from '../../shared/layout/warmUp';
import type { Diagram } from '../../shared/model/schema';
import { generateDiagram } from './generate';
import { formatMs, medianTimes, report, reportTimes } from './measure';

const ROOT = resolve(import.meta.dirname, '../..');
/** Rounds over all ten blueprints before the warm medians. */
const WARM_ROUNDS = 5;

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
 * - the warm median of five runs once every blueprint has been laid out
 *   WARM_ROUNDS times more (auto layout in a session under way), held to the target.
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
  const layOut = async (doc: Diagram) => applyLayout(doc, await layoutDiagram(doc, elk));
  const docs = BLUEPRINT_SLUGS.map((slug) => ({ slug, doc: blueprint(slug)! }));
  for (const { slug, doc } of docs) {
    const first = await medianTimes(() => layOut(doc), 1, 0);
    report(`layout ${slug} (${doc.nodes.length} nodes), first run`, `${formatMs(first.cpuMs)} CPU`, '(no target)', true);
  }
  // Steady state: every blueprint laid out WARM_ROUNDS times more before the medians are taken.
  for (let round = 0; round < WARM_ROUNDS; round++) for (const { doc } of docs) await layOut(doc);
  for (const { slug, doc } of docs) reportTimes(`layout ${slug}, warm median`, await medianTimes(() => layOut(doc), 5, 0), 100);
  const large = generateDiagram(1_000, 3);
  const times = await medianTimes(async () => applyLayout(large, await layoutDiagram(large, elk)), 3, 1);
  reportTimes(`layout, ${large.nodes.length} nodes, warm median`, times, 2000);

  // What the canvas redraws on each edit of a laid-out diagram (routes stored, captions placed).
  const laidOut = applyLayout(large, await layoutDiagram(large, elk));
  reportTimes(`edge geometry, ${large.nodes.length} laid-out nodes`, await medianTimes(() => edgeGeometry(laidOut), 5, 2), 50);
  // A drag: one node a little further each redraw, so the routes searched near it are searched again.
  let step = 0;
  const dragged = () => {
    step += 1;
    const [first, ...rest] = laidOut.nodes;
    return { ...laidOut, nodes: [{ ...first!, position: { x: first!.position!.x + 7 * step, y: first!.position!.y } }, ...rest] };
  };
  const drag = await medianTimes(() => edgeGeometry(dragged()), 5, 2);
  report(`edge geometry, ${large.nodes.length} nodes, one node dragged`, `${formatMs(drag.cpuMs)} CPU`, '(no target)', true);

  // The geometry every picture export draws (node boxes, routes, captions) of a 100,000-node placed diagram without stored routes, before any writer.
  const placed = generateDiagram(100_000, 7);
  placed.nodes.forEach((node, i) => (node.position = { x: (i % 300) * 220, y: Math.floor(i / 300) * 120 }));
  reportTimes('picture geometry, 100,000 placed nodes', await medianTimes(() => pictureOf(placed), 1, 0), 2000);
}
