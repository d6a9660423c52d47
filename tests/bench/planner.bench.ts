import { blueprint } from '../../shared/blueprints';
import { designInputs } from '../../shared/planner/inputs';
import { sensitivity } from '../../shared/planner/sensitivity';
import { sweep } from '../../shared/planner/sweep';
import { medianMs, report } from './measure';

/** The capacity planner on a blueprint: a 100-point load sweep and a sensitivity run of every numeric input. */
export function benchPlanner(): void {
  for (const slug of ['video-recommendation', 'news-feed']) {
    const doc = blueprint(slug)!;
    const sweepMs = medianMs(() => sweep(doc, { points: 100 }), 3, 1);
    report(`sweep, 100 points + knees, ${slug}`, `${sweepMs.toFixed(0)} ms`, '< 1 s', sweepMs < 1000);
    const inputs = designInputs(doc).length;
    const sensitivityMs = medianMs(() => sensitivity(doc), 3, 1);
    report(`sensitivity, ${inputs} inputs x 2, ${slug}`, `${sensitivityMs.toFixed(0)} ms`, '< 2 s', sensitivityMs < 2000);
  }
}
