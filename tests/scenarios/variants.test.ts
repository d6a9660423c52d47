import { describe, expect, it } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { loadDiagram } from '../../shared/model/load';
import type { Diagram } from '../../shared/model/schema';
import {
  activeScenario, addScenario, deleteScenario, renameScenario, scenarioDiagram, scenarioNameProblem, scenarioNames, switchScenario,
} from '../../shared/scenarios';

const base = () => blueprint('news-feed')!;

/** The news feed with a second scenario whose GPU ranker runs its batches twice as fast. */
function withFasterRanker(): Diagram {
  const d = addScenario(base(), 'fast ranker');
  const ranker = d.nodes.find((n) => n.id === 'ranker')!;
  const batching = { ...ranker.batching!, fixedMs: ranker.batching!.fixedMs! / 2, perItemMs: ranker.batching!.perItemMs! / 2 };
  return { ...d, nodes: d.nodes.map((n) => (n === ranker ? { ...n, batching } : n)) };
}

describe('scenarios in one file', () => {
  it('a new scenario is a copy of the one shown, which is kept as "baseline"', () => {
    const d = addScenario(base(), 'add a cache');
    expect(activeScenario(d)).toBe('add a cache');
    expect(scenarioNames(d)).toEqual(['baseline', 'add a cache']);
    expect(d.nodes).toEqual(base().nodes);
    expect(d.scenarios![0]!.nodes).toEqual(base().nodes);
    // A copy, not shared: editing one variant leaves the other alone.
    expect(d.nodes[0]).not.toBe(d.scenarios![0]!.nodes[0]);
  });

  it('switching shows the other variant and never loses the edits of either', () => {
    const edited = withFasterRanker();
    const baseline = switchScenario(edited, 'baseline');
    expect(activeScenario(baseline)).toBe('baseline');
    expect(baseline.nodes.find((n) => n.id === 'ranker')!.batching).toEqual(base().nodes.find((n) => n.id === 'ranker')!.batching);
    expect(switchScenario(baseline, 'fast ranker')).toEqual(edited);
    expect(switchScenario(edited, 'no such')).toBe(edited);
  });

  it('scenarioDiagram estimates a variant without switching to it', () => {
    const edited = withFasterRanker();
    expect(scenarioDiagram(edited, 'fast ranker')).toBe(edited);
    expect(scenarioDiagram(edited, 'baseline')!.nodes).toEqual(base().nodes);
    expect(scenarioDiagram(edited, 'none')).toBeUndefined();
  });

  it('renames and deletes; deleting the last other variant leaves a plain file', () => {
    const d = renameScenario(addScenario(base(), 'gpu'), 'baseline', 'cpu');
    expect(scenarioNames(d)).toEqual(['cpu', 'gpu']);
    expect(scenarioNames(renameScenario(d, 'gpu', 'GPU ranker'))).toEqual(['cpu', 'GPU ranker']);
    expect(() => renameScenario(d, 'gpu', 'cpu')).toThrow('there is already a scenario "cpu"');
    const alone = deleteScenario(d, 'cpu');
    expect(alone.scenarios).toBeUndefined();
    expect(alone.scenario).toBe('gpu');
    const shownDeleted = deleteScenario(d, 'gpu');
    expect(scenarioNames(shownDeleted)).toEqual(['cpu']);
    expect(deleteScenario(alone, 'gpu')).toBe(alone);
  });

  it('keep the order they were made in, whichever is shown, through switches, renames, deletes and a save', () => {
    let d = addScenario(addScenario(addScenario(base(), 'cache'), 'gpu'), 'both');
    const order = ['baseline', 'cache', 'gpu', 'both'];
    expect(scenarioNames(d)).toEqual(order);
    for (const name of ['cache', 'baseline', 'both', 'gpu', 'cache']) {
      d = switchScenario(d, name);
      expect(activeScenario(d)).toBe(name);
      expect(scenarioNames(d)).toEqual(order);
      const reopened = loadDiagram(JSON.stringify(d));
      expect(reopened.ok && scenarioNames(reopened.diagram)).toEqual(order);
    }
    expect(scenarioNames(renameScenario(d, 'gpu', 'GPU ranker'))).toEqual(['baseline', 'cache', 'GPU ranker', 'both']);
    expect(scenarioNames(deleteScenario(d, 'baseline'))).toEqual(['cache', 'gpu', 'both']);
    expect(activeScenario(deleteScenario(d, 'baseline'))).toBe('cache');
    expect(scenarioNames(deleteScenario(d, 'cache'))).toEqual(['baseline', 'gpu', 'both']);
    // Each variant keeps its own graph through the switches.
    expect(switchScenario(switchScenario(d, 'both'), 'cache')).toEqual(d);
  });

  it('refuses a shown scenario placed past the others, by path', () => {
    const d = { ...addScenario(base(), 'gpu'), scenarioIndex: 2 };
    const result = loadDiagram(JSON.stringify(d));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toContain('scenarioIndex: must be at most the number of other scenarios (1)');
  });

  it('names are checked: not blank, unique, at most 60 characters, at most 17 scenarios', () => {
    expect(scenarioNameProblem(base(), ' ')).toMatch(/needs a name/);
    expect(scenarioNameProblem(base(), 'baseline')).toBe('there is already a scenario "baseline"');
    expect(scenarioNameProblem(base(), 'x'.repeat(61))).toMatch(/at most 60/);
    let d = base();
    for (let i = 0; i < 16; i++) d = addScenario(d, `v${i}`);
    expect(scenarioNameProblem(d, 'one more')).toBe('a file holds at most 17 scenarios');
  });
});

describe('scenarios in the file format', () => {
  const text = (d: unknown) => JSON.stringify(d);

  it('a file with scenarios loads and round-trips', () => {
    const d = withFasterRanker();
    const loaded = loadDiagram(text(d));
    expect(loaded.ok && loaded.diagram).toEqual(d);
  });

  it('a problem inside another scenario names its path there', () => {
    const d = withFasterRanker();
    d.scenarios![0]!.edges[0] = { ...d.scenarios![0]!.edges[0]!, target: 'nowhere' };
    const loaded = loadDiagram(text(d));
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.problems.map((p) => p.path)).toContain('scenarios[0].edges[0].target');
  });

  it('refuses repeated names, blank names and too many scenarios, by path', () => {
    const d = withFasterRanker();
    const repeated = loadDiagram(text({ ...d, scenarios: [{ ...d.scenarios![0]!, name: 'fast ranker' }] }));
    expect(!repeated.ok && repeated.problems[0]).toMatchObject({ path: 'scenarios[0].name', message: 'another scenario is already called "fast ranker"' });
    const blank = loadDiagram(text({ ...d, scenario: '' }));
    expect(!blank.ok && blank.problems[0]!.path).toBe('scenario');
    const many = loadDiagram(text({ ...d, scenarios: Array.from({ length: 17 }, (_, i) => ({ ...d.scenarios![0]!, name: `v${i}` })) }));
    expect(!many.ok && many.problems[0]!.path).toBe('scenarios');
  });
});
