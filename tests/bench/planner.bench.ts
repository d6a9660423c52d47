import { blueprint } from '../../shared/blueprints';
import { designInputs } from '../../shared/planner/inputs';
import { sensitivity } from '../../shared/planner/sensitivity';
import { sweep } from '../../shared/planner/sweep';
import { medianTimes, reportTimes } from './measure';

/** The capacity planner on a blueprint: a 100-point load sweep and a sensitivity run of every numeric input. */
export async function benchPlanner(): Promise<void> {
  for (const slug of ['video-recommendation', 'news-feed']) {
    const doc = blueprint(slug)!;
    reportTimes(`sweep, 100 points + knees, ${slug}`, await medianTimes(() => sweep(doc, { points: 100 }), 3, 1), 1000);
    const inputs = designInputs(doc).length;
    reportTimes(`sensitivity, ${inputs} inputs x 2, ${slug}`, await medianTimes(() => sensitivity(doc), 3, 1), 2000);
  }
}
