import type { Estimate } from '../estimator/output';
import type { Diagram } from '../model/schema';
import type { WorksheetKey, WorksheetLine } from '../model/practiceSchema';
import { formatBytes, formatMs, formatQps, formatUsd, significant } from '../units';

/** Hours in an average month, as the cost model bills them. */
export const HOURS_PER_MONTH = 730;

/** One input of a worksheet line, with the unit the person writes it in. */
export interface WorksheetInput {
  key: string;
  label: string;
  unit: string;
}

/** How one line of the back-of-envelope worksheet is derived and what the estimator answers for it. */
export interface WorksheetLineSpec {
  key: WorksheetKey;
  title: string;
  /** Unit the result is written in (GB for storage, so a person writes 24000 rather than 2.4e13). */
  resultUnit: string;
  /** The figure's unit when shown. */
  unit: 'qps' | 'bytes' | 'replicas' | 'ms' | 'usd';
  /** Multiplier from the written result to the shown unit (1e9 bytes per GB). */
  resultScale: number;
  inputs: readonly WorksheetInput[];
  /** The result the inputs give, in the result unit, or null while an input is missing. */
  derive(inputs: Readonly<Record<string, number>>): number | null;
  /** What the estimator says for this line on a diagram, in the shown unit; null where the diagram has nothing to say. */
  answer(diagram: Diagram, estimate: Estimate): number | null;
}

const all = (inputs: Readonly<Record<string, number>>, keys: readonly string[]): number[] | null => {
  const values = keys.map((k) => inputs[k]);
  return values.every((v): v is number => v !== undefined && Number.isFinite(v)) ? values : null;
};

const product = (keys: readonly string[], scale = 1) => (inputs: Readonly<Record<string, number>>) => {
  const values = all(inputs, keys);
  return values ? values.reduce((a, b) => a * b, 1) * scale : null;
};

const worstEntry = (estimate: Estimate, figure: (e: Estimate['entries'][number]) => number | null): number | null => {
  const values = estimate.entries.map(figure);
  return values.length === 0 || values.includes(null) ? null : Math.max(...(values as number[]));
};

const sumOfKind = (diagram: Diagram, estimate: Estimate, kind: string, figure: (n: Estimate['nodes'][number]) => number | null): number | null => {
  const ids = new Set(diagram.nodes.filter((n) => n.kind === kind).map((n) => n.id));
  const values = estimate.nodes.filter((n) => ids.has(n.id)).map(figure).filter((v): v is number => v !== null);
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
};

/** The five lines of the worksheet: how each is derived, and which estimator figure grades it. */
export const WORKSHEET_LINES: readonly WorksheetLineSpec[] = [
  {
    key: 'peakQps', title: 'Peak QPS from daily users', resultUnit: 'QPS', unit: 'qps', resultScale: 1,
    inputs: [
      { key: 'dau', label: 'Daily active users', unit: 'users' },
      { key: 'requestsPerUser', label: 'Requests per user per day', unit: 'requests' },
      { key: 'peakToAverage', label: 'Peak to average', unit: 'x' },
    ],
    derive: (i) => {
      const values = all(i, ['dau', 'requestsPerUser', 'peakToAverage']);
      return values ? (values[0]! * values[1]! * values[2]!) / 86_400 : null;
    },
    answer: (_d, e) => (e.entries.length ? Math.max(...e.entries.map((x) => x.qps.peak)) : null),
  },
  {
    key: 'storage', title: 'Feature storage: entities x features x bytes', resultUnit: 'GB', unit: 'bytes', resultScale: 1e9,
    inputs: [
      { key: 'entities', label: 'Entities', unit: 'count' },
      { key: 'features', label: 'Features per entity', unit: 'count' },
      { key: 'bytes', label: 'Bytes per feature', unit: 'B' },
    ],
    derive: product(['entities', 'features', 'bytes'], 1e-9),
    answer: (d, e) => sumOfKind(d, e, 'featureStore', (n) => n.storageBytes),
  },
  {
    key: 'replicas', title: 'Model replicas from QPS x service time', resultUnit: 'replicas', unit: 'replicas', resultScale: 1,
    inputs: [
      { key: 'qps', label: 'Peak QPS at the model', unit: 'QPS' },
      { key: 'serviceMs', label: 'Service time', unit: 'ms' },
      { key: 'concurrency', label: 'Requests in flight per replica', unit: 'count' },
      { key: 'utilization', label: 'Target utilisation', unit: '0-1' },
    ],
    derive: (i) => {
      const values = all(i, ['qps', 'serviceMs', 'concurrency', 'utilization']);
      if (!values || values[2] === 0 || values[3] === 0) return null;
      return Math.ceil((values[0]! * values[1]!) / 1000 / (values[2]! * values[3]!));
    },
    answer: (d, e) => sumOfKind(d, e, 'model', (n) => n.replicas),
  },
  {
    key: 'p99', title: 'p99 of the request funnel', resultUnit: 'ms', unit: 'ms', resultScale: 1,
    inputs: [
      { key: 'retrievalMs', label: 'Retrieval p99', unit: 'ms' },
      { key: 'featuresMs', label: 'Features p99', unit: 'ms' },
      { key: 'rankingMs', label: 'Ranking p99', unit: 'ms' },
      { key: 'otherMs', label: 'Everything else p99', unit: 'ms' },
    ],
    // Adding stage p99s bounds the funnel's p99 from above: the estimator combines distributions instead.
    derive: (i) => {
      const values = all(i, ['retrievalMs', 'featuresMs', 'rankingMs', 'otherMs']);
      return values ? values.reduce((a, b) => a + b, 0) : null;
    },
    answer: (_d, e) => worstEntry(e, (x) => x.latencyMs?.p99 ?? null),
  },
  {
    key: 'cost', title: 'Monthly cost', resultUnit: '$/month', unit: 'usd', resultScale: 1,
    inputs: [
      { key: 'replicas', label: 'Servers', unit: 'count' },
      { key: 'hourlyUsd', label: 'Price per server hour', unit: '$' },
      { key: 'storageGb', label: 'Storage', unit: 'GB' },
      { key: 'gbMonthUsd', label: 'Price per GB-month', unit: '$' },
    ],
    derive: (i) => {
      const values = all(i, ['replicas', 'hourlyUsd', 'storageGb', 'gbMonthUsd']);
      return values ? values[0]! * values[1]! * HOURS_PER_MONTH + values[2]! * values[3]! : null;
    },
    answer: (_d, e) => e.totals.costUsdPerMonth,
  },
];

/** The spec of a worksheet line by key. */
export function worksheetLine(key: WorksheetKey): WorksheetLineSpec {
  return WORKSHEET_LINES.find((l) => l.key === key)!;
}

/** Tolerances of a graded line: within 25% is good, within 2x either way is the right order of magnitude. */
export const TOLERANCE = { good: 0.25, order: 2 } as const;

/** How close a written figure is to the estimator's. */
export type Grade = 'good' | 'order' | 'off';

/** One line graded against one diagram's estimate. */
export interface LineGrade {
  grade: Grade;
  /** The person's figure and the estimator's, in the shown unit. */
  mineValue: number;
  answerValue: number;
  /** Their ratio, at least 1, with its direction: "480x too small", "+12%". */
  message: string;
}

/**
 * Grades a written figure against the estimator's: good within 25% of it
 * (|mine - answer| <= 0.25 answer), the right order of magnitude within a
 * factor of 2 either way, else off. Null when either is missing or the
 * answer is 0 (nothing to compare against).
 */
export function gradeFigure(mine: number | undefined, answer: number | null): Grade | null {
  if (mine === undefined || answer === null || !(answer > 0) || !Number.isFinite(answer)) return null;
  if (Math.abs(mine - answer) <= TOLERANCE.good * answer) return 'good';
  if (mine >= answer / TOLERANCE.order && mine <= answer * TOLERANCE.order) return 'order';
  return 'off';
}

/** A figure in a line's unit: "24 TB", "93k QPS", "12 replicas". */
export function formatFigure(unit: WorksheetLineSpec['unit'], value: number): string {
  switch (unit) {
    case 'qps': return formatQps(value);
    case 'bytes': return formatBytes(value);
    case 'ms': return formatMs(value);
    case 'usd': return `${formatUsd(value)}/mo`;
    case 'replicas': return `${significant(value)} ${value === 1 ? 'replica' : 'replicas'}`;
  }
}

/** How far apart two figures are, in words: "+12%" within 2x, else "480x too small". */
export function ratioWords(mine: number, answer: number): string {
  if (mine === 0) return 'zero, against a figure above zero';
  const ratio = mine / answer;
  if (ratio >= 1 / TOLERANCE.order && ratio <= TOLERANCE.order) {
    const percent = Math.round((ratio - 1) * 100);
    return percent === 0 ? 'spot on' : `${percent > 0 ? '+' : ''}${percent}%`;
  }
  const factor = ratio > 1 ? ratio : 1 / ratio;
  return `${significant(factor, 2)}x too ${ratio > 1 ? 'large' : 'small'}`;
}

/** Grades one written line against one diagram: null when the line has no result or the diagram no figure for it. */
export function gradeLine(spec: WorksheetLineSpec, line: WorksheetLine | undefined, diagram: Diagram, estimate: Estimate): LineGrade | null {
  if (line?.result === undefined) return null;
  const answer = spec.answer(diagram, estimate);
  const mine = line.result * spec.resultScale;
  const grade = gradeFigure(mine, answer);
  if (grade === null || answer === null) return null;
  return {
    grade, mineValue: mine, answerValue: answer,
    message: `${formatFigure(spec.unit, mine)} vs ${formatFigure(spec.unit, answer)}: ${ratioWords(mine, answer)}`,
  };
}

/**
 * Whether the written result follows from the written inputs (within 1%);
 * null when an input or the result is missing. Catches slips of arithmetic
 * (a lost 86,400, GB for TB) apart from wrong assumptions.
 */
export function arithmeticSlip(spec: WorksheetLineSpec, line: WorksheetLine | undefined): string | null {
  if (line?.result === undefined) return null;
  const derived = spec.derive(line.inputs ?? {});
  if (derived === null) return null;
  const scale = spec.resultScale;
  if (Math.abs(derived - line.result) <= 0.01 * Math.max(Math.abs(derived), Math.abs(line.result))) return null;
  return `Your inputs give ${formatFigure(spec.unit, derived * scale)}, you wrote ${formatFigure(spec.unit, line.result * scale)}`;
}

/** A diagram with its estimate: what a worksheet line is graded against. */
export interface Graded {
  diagram: Diagram;
  estimate: Estimate;
}

/** One worksheet line graded against the person's own diagram and against the case's reference. */
export interface WorksheetRowGrade {
  key: WorksheetKey;
  title: string;
  yours: LineGrade | null;
  reference: LineGrade | null;
  slip: string | null;
}

/** Grades every worksheet line against the person's diagram and the reference blueprint. */
export function gradeWorksheet(worksheet: Partial<Record<WorksheetKey, WorksheetLine>> | undefined, yours: Graded, reference: Graded): WorksheetRowGrade[] {
  return WORKSHEET_LINES.map((spec) => {
    const line = worksheet?.[spec.key];
    return {
      key: spec.key,
      title: spec.title,
      yours: gradeLine(spec, line, yours.diagram, yours.estimate),
      reference: gradeLine(spec, line, reference.diagram, reference.estimate),
      slip: arithmeticSlip(spec, line),
    };
  });
}
