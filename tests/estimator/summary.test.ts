import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimate } from '../../shared/estimator/estimate';
import type { Estimate } from '../../shared/estimator/output';
import { estimateReport } from '../../shared/cli/estimateReport';
import { mustLoad } from '../helpers';

const folder = resolve(import.meta.dirname, '../../blueprints');

/** The full estimate without what a summary leaves out: batching figures on the nodes and the worst moment of the day on the entries. */
function withoutExtras(full: Estimate): Estimate {
  return {
    ...full,
    nodes: full.nodes.map(({ batching: _batching, ...node }) => node),
    entries: full.entries.map(({ day: _day, ...entry }) => entry),
  };
}

describe('the summary estimate that `mlsd estimate` prints', () => {
  for (const file of readdirSync(folder)) {
    it(`is the full estimate less batching figures and the day's worst moment, and prints the same report (${file})`, () => {
      const diagram = mustLoad(JSON.parse(readFileSync(join(folder, file), 'utf8')));
      const full = estimate(diagram);
      const summary = estimate(diagram, { summary: true });
      expect(summary).toEqual(withoutExtras(full));
      expect(estimateReport(diagram, summary)).toBe(estimateReport(diagram, full));
    });
  }

  it('leaves out something on the blueprints that batch or follow a day (what it saves)', () => {
    const diagram = mustLoad(JSON.parse(readFileSync(join(folder, 'news-feed.mlsd.json'), 'utf8')));
    const full = estimate(diagram);
    expect(full.nodes.some((n) => n.batching)).toBe(true);
    expect(full.entries.some((e) => e.day)).toBe(true);
    const summary = estimate(diagram, { summary: true });
    expect(summary.nodes.some((n) => n.batching)).toBe(false);
    expect(summary.entries.some((e) => e.day)).toBe(false);
  });
});
