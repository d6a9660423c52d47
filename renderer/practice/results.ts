import type { StepKey } from '../../shared/model/schema';

/** One finished practice session, kept on this machine. */
export interface PracticeResult {
  slug: string;
  title: string;
  timeUsedMs: number;
  score: number;
  /** The share of each step's rubric checks passed, 0 to 100 (results saved before steps were scored lack it). */
  steps?: Partial<Record<StepKey, number>>;
  finishedAtMs: number;
}

const KEY = 'mlsd-studio.practice-results';
/** How many past sessions are kept. */
export const KEPT_RESULTS = 50;

/** Past sessions, newest first. */
export function readResults(storage: Pick<Storage, 'getItem'> = localStorage): PracticeResult[] {
  try {
    const value = JSON.parse(storage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(value) ? (value as PracticeResult[]).filter((r) => typeof r.slug === 'string' && typeof r.score === 'number') : [];
  } catch {
    return [];
  }
}

/** Records a finished session. */
export function saveResult(result: PracticeResult, storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): void {
  storage.setItem(KEY, JSON.stringify([result, ...readResults(storage)].slice(0, KEPT_RESULTS)));
}

/** mm:ss for a duration in ms (negative counts as 0). */
export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
