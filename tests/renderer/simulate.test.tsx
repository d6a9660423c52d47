// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { perform } from '../../renderer/actions/perform';
import { diagramOf } from '../helpers';
import { renderApp } from './harness';

afterEach(cleanup);

/** One entry into a single server at 50%: small enough to simulate in a test. */
const design = () =>
  diagramOf(
    [
      { id: 'users', kind: 'traffic', label: 'Users', traffic: { qps: 50 } },
      { id: 'api', kind: 'service', label: 'API', latency: { p50Ms: 8, p99Ms: 12 }, capacity: { replicas: 1, concurrency: 1 } },
    ],
    [{ source: 'users', target: 'api' }],
  );

describe('Check by simulation', () => {
  it('shows each entry’s simulated p50/p99/p999 with intervals beside the estimate', async () => {
    const { ctx } = await renderApp(design());
    await act(async () => void (await perform('view.simulate', ctx)));
    const dialog = screen.getByRole('dialog', { name: 'Check by simulation' });
    expect(within(dialog).getByLabelText('Simulation progress')).toBeTruthy();
    const table = await within(dialog).findByRole('table', { name: 'Simulated latency of Users' }, { timeout: 60_000 });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['p50', 'p99', 'p999']);
    // The single-server wait is exact, so the p50 agrees with the simulation.
    const p50 = within(rows[0]!).getAllByRole('cell').map((c) => c.textContent);
    expect(p50[1]).toMatch(/ms ± /);
    expect(p50[2]).not.toContain('⚠');
  }, 90_000);

  it('stops when cancelled', async () => {
    const { ctx } = await renderApp(design());
    // Opened and cancelled before the first slice of the simulation runs.
    act(() => void perform('view.simulate', ctx));
    const dialog = screen.getByRole('dialog', { name: 'Check by simulation' });
    act(() => within(dialog).getByRole('button', { name: 'Cancel' }).click());
    expect(within(dialog).getByRole('status').textContent).toBe('Simulation cancelled.');
    await waitFor(() => expect(screen.queryByLabelText('Simulation progress')).toBeNull());
  });
});
