import { describe, expect, it } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { estimate } from '../../shared/estimator/estimate';
import { renderMarkdown } from '../../shared/export/markdown';

describe('the design document appendix', () => {
  it('derives every component figure with the actual inputs, without repeating shared steps', () => {
    const diagram = blueprint('news-feed')!;
    const md = renderMarkdown({ diagram, estimate: estimate(diagram) });
    const appendix = md.slice(md.indexOf('## How each number was derived\n'));
    expect(appendix.length).toBeGreaterThan(1000);
    expect(appendix).toContain('Peak rate: 92.6k QPS = 2B DAU x 2 req/user/day / 86,400 s/day x 2 peak:avg');
    for (const node of diagram.nodes) expect(appendix).toContain(`### ${node.label}`);
    // Utilization reuses the sizing steps of replicas: shown once per component.
    const feed = appendix.slice(appendix.indexOf('### Feed service'), appendix.indexOf('###', appendix.indexOf('### Feed service') + 4));
    expect(feed.match(/Mean service time/g)).toHaveLength(1);
    expect(feed).toMatch(/Utilization at peak: [\d.]+% = [\d.]+ busy servers \/ \(\d+ replicas x 32 concurrency\)/);
  });
});
