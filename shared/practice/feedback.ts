import type { Estimate } from '../estimator/output';
import type { Diagram, StepKey } from '../model/schema';
import { formatMs, formatUsd } from '../units';
import { PATH_CHECKS } from './paths';
import { CASE_RUBRICS, type CaseRubric } from './rubrics';
import { PRACTICE_STEPS } from './steps';

/** One thing a reviewer looks for in a step, checked on the design. */
export interface StepCheck {
  id: string;
  label: string;
  passed: boolean;
}

/** A step's feedback: the machine checks, the self-check list, and the step's score. */
export interface StepFeedback {
  step: StepKey;
  title: string;
  checks: StepCheck[];
  /** What the design cannot show: the case's own question first, then the step's generic ones. */
  selfCheck: string[];
  /** Share of the checks passed, 0 to 100 (100 when nothing can be checked). */
  score: number;
}

/** A design as the rubric sees it: the diagram, its estimate, and the reference blueprint of its case. */
export interface RubricInput {
  slug: string;
  diagram: Diagram;
  /** Null while the figures are hidden (practice before the person's own estimate): the budgets are then not checked. */
  estimate: Estimate | null;
  reference: Diagram;
}

const mentions = (text: string | undefined, terms: readonly string[]) => {
  const lower = (text ?? '').toLowerCase();
  return terms.some((t) => lower.includes(t.toLowerCase()));
};
const example = (terms: readonly string[]) => terms.slice(0, 2).join(', ');
const hasKind = (d: Diagram, kind: string) => d.nodes.some((n) => n.kind === kind);

/** Checks of a step that the reference itself passes (a kind or a structure it has), so no case asks for what its own answer lacks. */
function structureChecks(input: RubricInput, kinds: readonly string[], paths: readonly string[]): StepCheck[] {
  const checks: StepCheck[] = [];
  for (const kind of kinds) {
    if (!hasKind(input.reference, kind)) continue;
    checks.push({ id: `kind:${kind}`, label: `The design has a ${KIND_WORDS[kind] ?? kind}`, passed: hasKind(input.diagram, kind) });
  }
  for (const id of paths) {
    const spec = PATH_CHECKS.find((p) => p.id === id)!;
    if (!spec.holds(input.reference)) continue;
    checks.push({ id: `path:${id}`, label: spec.label, passed: spec.holds(input.diagram) });
  }
  return checks;
}

const KIND_WORDS: Record<string, string> = {
  traffic: 'traffic entry', featureStore: 'feature store', dataLake: 'data lake', training: 'training pipeline',
  model: 'model', monitoring: 'monitoring component', labeling: 'labelling pipeline', modelRegistry: 'model registry',
};

function worstP99(estimate: Estimate): number | null {
  const values = estimate.entries.map((e) => e.latencyMs?.p99 ?? null);
  return values.length === 0 || values.includes(null) ? null : Math.max(...(values as number[]));
}

/** The budgets of the reference, each as a check on the design's figures: both count, p99 and cost. */
function budgetChecks({ reference, diagram, estimate }: RubricInput): StepCheck[] {
  if (!estimate) return [];
  const budgets = reference.budgets ?? {};
  const checks: StepCheck[] = [];
  if (budgets.p99Ms !== undefined) {
    const p99 = worstP99(estimate);
    checks.push({ id: 'budget:p99', label: `p99 within the ${formatMs(budgets.p99Ms)} budget (yours: ${formatMs(p99)})`, passed: diagram.nodes.length > 0 && p99 !== null && p99 <= budgets.p99Ms });
  }
  if (budgets.monthlyCostUsd !== undefined) {
    const cost = estimate.totals.costUsdPerMonth;
    checks.push({ id: 'budget:cost', label: `Cost within the ${formatUsd(budgets.monthlyCostUsd)}/mo budget (yours: ${formatUsd(cost)}/mo)`, passed: diagram.nodes.length > 0 && cost <= budgets.monthlyCostUsd });
  }
  return checks;
}

/**
 * A check that notes name something, read from the given steps' notes (a
 * figure's home varies between write-ups: the business metric often comes
 * with the framing). Asked only where the reference's own write-up names it.
 */
function noteCheck(input: RubricInput, id: string, what: string, steps: readonly StepKey[], terms: readonly string[]): StepCheck[] {
  const notesOf = (d: Diagram) => steps.map((s) => d.brief?.steps?.[s] ?? '').join('\n');
  if (!mentions(notesOf(input.reference), terms)) return [];
  return [{ id: `notes:${id}`, label: `Notes name ${what} (such as ${example(terms)})`, passed: mentions(notesOf(input.diagram), terms) }];
}

/** Words that show a serving write-up walks through the request path. */
const STAGE_WORDS = ['retriev', 'rank', 'scor', 'candidate', 'index', 'cache', 'batch', 'detect'];
/** Words that show a monitoring write-up measures drift. */
const DRIFT_WORDS = ['drift', 'psi', 'kl', 'distribution'];

/** The machine checks of one step. */
function stepChecks(step: StepKey, input: RubricInput, rubric: CaseRubric): StepCheck[] {
  const notes = (id: string, what: string, terms: readonly string[], steps: readonly StepKey[] = [step]) => noteCheck(input, id, what, steps, terms);
  switch (step) {
    case 'requirements':
      return [...notes('business', 'the business metric', rubric.businessMetric, ['requirements', 'framing']), ...structureChecks(input, ['traffic'], [])];
    case 'framing':
      return notes('objective', 'the ML objective', rubric.objective);
    case 'data':
      return [...notes('labels', 'where the labels come from', rubric.labels), ...structureChecks(input, ['featureStore', 'dataLake', 'labeling'], ['feature-store'])];
    case 'model':
      return [...notes('loss', 'the loss', rubric.loss, ['model', 'evaluation']), ...structureChecks(input, ['training'], ['online-model'])];
    case 'evaluation':
      return [...notes('offline', 'an offline metric', rubric.offlineMetric), ...notes('online', 'an online metric', rubric.onlineMetric)];
    case 'serving':
      return [...notes('stages', 'the stages of the request path', STAGE_WORDS), ...structureChecks(input, [], ['retrieval-ranking', 'cache']), ...budgetChecks(input)];
    case 'monitoring':
      return [...notes('drift', 'how drift is measured', DRIFT_WORDS), ...structureChecks(input, ['monitoring'], ['feedback-loop', 'monitoring', 'registry'])];
  }
}

/**
 * What a reviewer would say about each of the seven steps of a practice
 * design for its case: checks the design can show (notes that name the
 * metric, kinds and structures the reference has, both budgets met) and a
 * self-check list for the rest. Null for a case without a rubric.
 */
export function reviewSteps(input: RubricInput): StepFeedback[] | null {
  const rubric = CASE_RUBRICS[input.slug];
  if (!rubric) return null;
  return PRACTICE_STEPS.map((step) => {
    const checks = stepChecks(step.key, input, rubric);
    const passed = checks.filter((c) => c.passed).length;
    return {
      step: step.key,
      title: step.title,
      checks,
      selfCheck: [rubric.selfCheck[step.key], ...step.questions],
      score: checks.length === 0 ? 100 : Math.round((100 * passed) / checks.length),
    };
  });
}
