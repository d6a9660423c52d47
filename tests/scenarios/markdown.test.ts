import { describe, expect, it } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { estimate } from '../../shared/estimator/estimate';
import { renderMarkdown } from '../../shared/export/markdown';
import { addScenario } from '../../shared/scenarios';

describe('scenarios in the Markdown design doc', () => {
  it('names the scenario shown and compares each other one with it', () => {
    const d = addScenario(blueprint('news-feed')!, 'no feed cache');
    d.nodes = d.nodes.map((n) => (n.cache ? { ...n, cache: { hitRate: 0 } } : n));
    const md = renderMarkdown({ diagram: d, estimate: estimate(d) });
    const section = md.slice(md.indexOf('## Scenarios\n'), md.indexOf('## How each number was derived'));
    expect(section).toContain('This document shows the scenario “no feed cache”.');
    expect(section).toContain('### baseline\n\nno feed cache → baseline: p99 ');
    expect(section).toMatch(/cost -\$[\d.]+k?\/mo/);
    expect(section).toMatch(/- Node changed: “[^”]+”: cache\.hitRate 0 → 0\.\d+/);
  });

  it('a file without scenarios has no such section', () => {
    const d = blueprint('news-feed')!;
    expect(renderMarkdown({ diagram: d, estimate: estimate(d) })).not.toContain('## Scenarios');
  });
});
