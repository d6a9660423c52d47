import { it } from 'vitest';
import { blueprint, BLUEPRINT_SLUGS } from '../shared/blueprints';
import { estimate } from '../shared/estimator/estimate';
import { evaluate, explainAll, stepText } from '../shared/explain';
it('x', () => {
  for (const slug of BLUEPRINT_SLUGS) {
    const diagram = blueprint(slug)!;
    const all = explainAll(diagram, estimate(diagram));
    for (const d of [...all.headline, ...all.nodes.flatMap((n) => n.derivations)]) {
      if (d.status !== 'arithmetic') continue;
      for (const s of d.steps) { const v = evaluate(s.expr!); if (Math.abs(v - s.result.value) > 1e-6 * Math.abs(v) + 1e-9) console.log(slug, d.title, '|', stepText(s), '| eval', v); }
    }
    for (const d of [...all.headline, ...all.nodes.flatMap((n) => n.derivations)]) if (d.status === 'none' && d.value) console.log(slug, 'NONE', d.title, d.note);
  }
});
