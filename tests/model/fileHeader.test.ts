import { describe, expect, it } from 'vitest';
import { loadDiagram } from '../../shared/model/load';
import { formatProblem } from '../../shared/model/problems';
import { fixtureJson } from '../helpers';

const problemsOf = (doc: unknown) => {
  const result = loadDiagram(JSON.stringify(doc));
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('the first fields of a file', () => {
  it('say which format is needed, and what the file has instead', () => {
    const { format: _format, ...doc } = fixtureJson('small-search.mlsd.json');
    expect(problemsOf(doc)).toEqual(['format: must be "mlsd-studio/diagram" (it has no "format" field): this is not an MLSD Studio diagram']);
    expect(problemsOf({ ...doc, format: 3 })).toEqual(['format: must be "mlsd-studio/diagram" (found 3): this is not an MLSD Studio diagram']);
  });

  it('take a version that is a whole number from 0 up', () => {
    const doc = fixtureJson('small-search.mlsd.json');
    expect(problemsOf({ ...doc, version: '1' })).toEqual(['version: must be a whole number, not "1"']);
    expect(problemsOf({ ...doc, version: -1 })).toEqual(['version: must be a whole number, not -1']);
  });
});

describe('lists and texts of bounded length', () => {
  const withRoute = (points: unknown[]) => {
    const doc = fixtureJson('small-search.mlsd.json');
    doc.edges[0].route = { points };
    return problemsOf(doc);
  };

  it('say how many items a list must hold', () => {
    expect(withRoute([{ x: 0, y: 0 }])).toEqual(['edges[0].route.points: must hold at least 2 items']);
    expect(withRoute(Array.from({ length: 1001 }, (_, i) => ({ x: i, y: 0 })))).toEqual(['edges[0].route.points: must hold at most 1000 items']);
    expect(withRoute([{ x: 0, y: 0 }, { x: 0, y: 10 }])).toEqual([]);
  });

  it('say how long a text may be', () => {
    const doc = fixtureJson('small-search.mlsd.json');
    doc.nodes[2].label = 'x'.repeat(121);
    expect(problemsOf(doc)).toEqual(['nodes[2].label: must be at most 120 characters']);
  });
});
