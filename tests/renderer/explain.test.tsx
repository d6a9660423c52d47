// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { diagramOf } from '../helpers';
import { renderApp } from './harness';

afterEach(cleanup);

const design = () =>
  diagramOf(
    [
      { id: 'users', kind: 'traffic', label: 'Users', traffic: { dau: 100e6, requestsPerUserPerDay: 5, peakToAverage: 2 } },
      { id: 'rank', kind: 'service', label: 'Ranker', latency: { p50Ms: 10, p99Ms: 40 }, capacity: { replicas: 'auto', concurrency: 4 }, cost: { hourlyUsd: 1 } },
    ],
    [{ source: 'users', target: 'rank' }],
  );

describe('every number explained, in the app', () => {
  it('a node figure opens its derivation; a "why" link follows to the figure it uses; Escape gives focus back', async () => {
    const { store, user } = await renderApp(design());
    act(() => store.set({ selection: { nodes: ['rank'], edges: [] } }));
    const figures = await screen.findByLabelText('Figures');
    const replicas = within(figures).getByRole('button', { name: 'How replicas is derived' });
    await user.click(replicas);
    const popover = screen.getByRole('dialog', { name: 'How this figure is derived' });
    expect(within(popover).getByRole('heading').textContent).toBe('Replicas of “Ranker”');
    expect(popover.textContent).toMatch(/Replicas\s*\d+ replicas = max\(1 min, ceil\([\d.]+ busy servers \/ \(4 concurrency x 60% target\)\)\)/);
    // The peak rate it uses links to the peak rate's own derivation.
    await user.click(within(popover).getByRole('button', { name: '11.6k QPS peak' }));
    expect(within(popover).getByRole('heading').textContent).toBe('Peak QPS of “Ranker”');
    await user.click(within(popover).getByRole('button', { name: '11.6k QPS from “Users”' }));
    expect(popover.textContent).toContain('100M DAU x 5 req/user/day / 86,400 s/day x 2 peak:avg');
    expect(within(popover).getByText('100M DAU').getAttribute('title')).toBe('From the file: nodes[0].traffic.dau');
    await user.click(within(popover).getByRole('button', { name: '← Back' }));
    expect(within(popover).getByRole('heading').textContent).toBe('Peak QPS of “Ranker”');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'How this figure is derived' })).toBeNull();
    expect(document.activeElement).toBe(replicas);
  });

  it('the headline cost opens the sum over components, reachable from the keyboard', async () => {
    const { user } = await renderApp(design());
    const cost = screen.getByRole('button', { name: 'How the monthly cost is derived' });
    cost.focus();
    await user.keyboard('{Enter}');
    const popover = await screen.findByRole('dialog', { name: 'How this figure is derived' });
    expect(document.activeElement).toBe(popover);
    expect(popover.textContent).toMatch(/Monthly cost\s*\$[\d.]+k? = \$[\d.]+k? “Ranker”/);
    await user.click(within(popover).getByRole('button', { name: /“Ranker”/ }));
    expect(popover.textContent).toMatch(/Compute\s*\$[\d.]+k? per month = \d+ replicas x \$1 per hour x 730 h\/mo/);
  });

  it('an unbounded p99 says which server is saturated', async () => {
    const doc = design();
    doc.nodes[1]!.capacity = { replicas: 1, concurrency: 1 };
    const { user } = await renderApp(doc);
    await user.click(screen.getByRole('button', { name: 'How the worst p99 is derived' }));
    const popover = screen.getByRole('dialog', { name: 'How this figure is derived' });
    await waitFor(() => expect(popover.textContent).toContain('“Ranker” cannot keep up at peak'));
  });
});
