import { describe, expect, it } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { estimate } from '../../shared/estimator/estimate';
import { arithmeticSlip, gradeFigure, gradeLine, gradeWorksheet, ratioWords, worksheetLine } from '../../shared/practice/worksheet';

describe('grading a worksheet figure', () => {
  it.each([
    [125, 'good'], [75, 'good'], [100, 'good'],
    [125.01, 'order'], [74.99, 'order'], [200, 'order'], [50, 'order'],
    [200.01, 'off'], [49.99, 'off'], [0, 'off'],
  ] as const)('%s against 100 is %s', (mine, grade) => {
    expect(gradeFigure(mine, 100)).toBe(grade);
  });

  it('has nothing to grade without a figure on either side', () => {
    expect(gradeFigure(undefined, 100)).toBeNull();
    expect(gradeFigure(5, null)).toBeNull();
    expect(gradeFigure(5, 0)).toBeNull();
  });

  it('says how far off a figure is as a ratio, not a percentage near -100%', () => {
    expect(ratioWords(50e9, 24e12)).toBe('480x too small');
    expect(ratioWords(3000, 100)).toBe('30x too large');
    expect(ratioWords(112, 100)).toBe('+12%');
    expect(ratioWords(60, 100)).toBe('-40%');
    expect(ratioWords(100, 100)).toBe('spot on');
  });
});

describe('a worksheet line against a diagram', () => {
  const feed = blueprint('news-feed')!;
  const feedEstimate = estimate(feed);

  it('grades storage against the feature store: 45B entities x 30 features x 4 bytes is 5.4 TB', () => {
    const spec = worksheetLine('storage');
    expect(spec.answer(feed, feedEstimate)).toBe(45e9 * 30 * 4);
    const grade = gradeLine(spec, { result: 50 }, feed, feedEstimate)!;
    expect(grade.grade).toBe('off');
    expect(grade.message).toBe('50 GB vs 5.4 TB: 110x too small');
    expect(gradeLine(spec, { result: 5400 }, feed, feedEstimate)!.grade).toBe('good');
  });

  it('grades peak QPS against the busiest entry: 2B users twice a day, peak 2x, is 92.6k QPS', () => {
    const spec = worksheetLine('peakQps');
    const inputs = { dau: 2e9, requestsPerUser: 2, peakToAverage: 2 };
    expect(spec.derive(inputs)).toBeCloseTo(92_592.6, 1);
    expect(gradeLine(spec, { inputs, result: 92_600 }, feed, feedEstimate)).toMatchObject({ grade: 'good', message: '92.6k QPS vs 92.6k QPS: spot on' });
    expect(gradeLine(spec, { result: 50_000 }, feed, feedEstimate)!.grade).toBe('order');
  });

  it('derives replicas as QPS x service time over the work one replica takes on', () => {
    expect(worksheetLine('replicas').derive({ qps: 1000, serviceMs: 45, concurrency: 8, utilization: 0.6 })).toBe(10);
    expect(worksheetLine('replicas').derive({ qps: 1000, serviceMs: 45, concurrency: 0, utilization: 0.6 })).toBeNull();
  });

  it('derives monthly cost from server hours and GB-months', () => {
    expect(worksheetLine('cost').derive({ replicas: 10, hourlyUsd: 1, storageGb: 100, gbMonthUsd: 0.1 })).toBe(7310);
  });

  it('catches a slip of arithmetic apart from a wrong assumption', () => {
    const spec = worksheetLine('peakQps');
    const inputs = { dau: 2e9, requestsPerUser: 2, peakToAverage: 2 };
    expect(arithmeticSlip(spec, { inputs, result: 92_600 })).toBeNull();
    expect(arithmeticSlip(spec, { inputs, result: 8e9 })).toBe('Your inputs give 92.6k QPS, you wrote 8B QPS');
    expect(arithmeticSlip(spec, { inputs: { dau: 2e9 }, result: 8e9 })).toBeNull();
  });

  it('grades every line against both the design and the reference', () => {
    const mine = { ...feed, nodes: feed.nodes.filter((n) => n.kind !== 'featureStore'), edges: feed.edges.filter((e) => e.target !== 'features' && e.source !== 'features') };
    const rows = gradeWorksheet({ storage: { result: 5400 }, p99: { result: 150 } }, { diagram: mine, estimate: estimate(mine) }, { diagram: feed, estimate: feedEstimate });
    expect(rows.map((r) => r.key)).toEqual(['peakQps', 'storage', 'replicas', 'p99', 'cost']);
    const storage = rows.find((r) => r.key === 'storage')!;
    expect(storage.yours).toBeNull();
    expect(storage.reference?.grade).toBe('good');
    expect(rows.find((r) => r.key === 'peakQps')).toMatchObject({ yours: null, reference: null });
    expect(rows.find((r) => r.key === 'p99')!.reference).not.toBeNull();
  });
});
