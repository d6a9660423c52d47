import { describe, expect, it } from 'vitest';
import { sheetOf, titleBlockLines } from '../../shared/export/sheet';
import { THEMES } from '../../shared/export/scene';
import { diagramOf } from '../helpers';
import { inputOf } from '../exportInput';

const diagram = diagramOf([
  { id: 'api', kind: 'service', label: 'Search API' } as never,
  { id: 'feed', kind: 'service', label: 'Feed' } as never,
]);
const entry = (node: string, p99: number | null) => ({ node, qps: { peak: 1200 }, latencyMs: p99 === null ? null : { p50: 40, p99 } });
const estimateWith = (budgets: object, entries = [entry('api', 100), entry('feed', 250.5), entry('gone', null)]) =>
  ({ entries, nodes: [], totals: { storageBytes: 2e12, costUsdPerMonth: 1234.5 }, budgets, diagnostics: [] }) as never;

describe('the title block\'s figures', () => {
  it('give each entry\'s peak and percentiles, against the p99 budget when there is one (a p99 equal to it is within)', () => {
    expect(titleBlockLines({ diagram, estimate: estimateWith({ p99Ms: { limit: 100 }, monthlyCostUsd: { limit: 1000, ok: false } }) })).toEqual([
      'Search API: peak 1.2k QPS · p50 40 ms · p99 100 ms against a p99 budget of 100 ms (within)',
      'Feed: peak 1.2k QPS · p50 40 ms · p99 251 ms against a p99 budget of 100 ms (over)',
      'gone: peak 1.2k QPS · p50 ∞ · p99 ∞ against a p99 budget of 100 ms (over)',
      'Monthly cost $1.23k against a budget of $1k (over)',
      'Total storage 2 TB',
    ]);
  });

  it('give the figures alone without budgets, and a cost within its budget', () => {
    expect(titleBlockLines({ diagram, estimate: estimateWith({}) })).toEqual([
      'Search API: peak 1.2k QPS · p50 40 ms · p99 100 ms',
      'Feed: peak 1.2k QPS · p50 40 ms · p99 251 ms',
      'gone: peak 1.2k QPS · p50 ∞ · p99 ∞',
      'Monthly cost $1.23k',
      'Total storage 2 TB',
    ]);
    expect(titleBlockLines({ diagram, estimate: estimateWith({ monthlyCostUsd: { limit: 2000, ok: true } }, []) })[0]).toBe('Monthly cost $1.23k against a budget of $2k (within)');
  });
});

describe('the block under the picture', () => {
  const texts = (shapes: ReturnType<typeof sheetOf>['shapes']) => shapes.flatMap((s) => (s.type === 'group' ? s.children : [s])).filter((s) => s.type === 'text').map((s) => (s as { text: string }).text);

  it('wraps the title to seven tenths of the line a picture\'s width holds (6.2 units a character), at least 14 characters', () => {
    const titled = { ...diagram, title: 'word '.repeat(40).trim() };
    const titleLines = (width: number) => sheetOf(inputOf(titled), width, 0, THEMES.light).shapes.filter((s) => s.type === 'text' && s.bold).map((s) => (s as { text: string }).text);
    // 1,000 units: (1000 - 64) / 6.2 = 150 characters a line, the title 105.
    for (const line of titleLines(1000)) expect(line.length).toBeLessThanOrEqual(105);
    expect(titleLines(1000).slice(0, -1).every((line) => line.length > 99)).toBe(true);
    // A narrow picture still gives 20 characters a line, the title 14.
    for (const line of titleLines(100)) expect(line.length).toBeLessThanOrEqual(14);
    expect(titleLines(100).slice(0, -1).every((line) => line.length > 8)).toBe(true);
  });

  it('lists figures and the utilization legend only with figures on', () => {
    const input = { ...inputOf(diagram), estimate: estimateWith({}) };
    const off = texts(sheetOf(input, 800, 0, THEMES.light).shapes);
    const on = texts(sheetOf({ ...input, figures: true }, 800, 0, THEMES.light).shapes);
    expect(off).not.toContain('Utilization');
    expect(off).not.toContain('Total storage 2 TB');
    expect(on).toContain('Utilization');
    expect(on).toContain('Total storage 2 TB');
    expect(on).toContain('saturated');
  });
});
