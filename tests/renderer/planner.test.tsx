// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TORNADO_ROWS } from '../../renderer/planner/charts';
import { sensitivity } from '../../shared/planner/sensitivity';
import { formatMs } from '../../shared/units';
import { renderApp, smallDiagram } from './harness';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

// 100 QPS x ~6 ms on "auto" replicas: 1 replica at 60% today, so 10x load needs 10.
const small = smallDiagram;
const p99 = () => screen.getByTestId('budget-bar').querySelector('[data-headline="p99"]')!.textContent;

describe('the capacity planner in the app', () => {
  it('holds the fleet in the traffic what-if: at 10x the same replicas saturate', async () => {
    const { user } = await renderApp(small());
    fireEvent.change(screen.getByLabelText('Traffic multiplier'), { target: { value: '1' } });
    await waitFor(() => expect(screen.getByTestId('figures-api').textContent).toContain('1k QPS'));
    expect(p99()).not.toContain('∞');
    const banner = screen.getByRole('status', { name: 'Traffic what-if' });
    await user.click(within(banner).getByRole('checkbox', { name: 'Fixed fleet' }));
    await waitFor(() => expect(p99()).toContain('∞'));
  });

  it('shows where the design breaks, with a fixed fleet, under Where it breaks', async () => {
    const { user } = await renderApp(small());
    await user.click(screen.getByRole('tab', { name: 'Where it breaks' }));
    const knees = () => screen.getByRole('list', { name: 'Knees' }).textContent;
    await waitFor(() => expect(knees()).toBe('nothing saturates from 0.1x to 100x'), { timeout: 10_000 });
    await user.click(within(screen.getByLabelText('Where the design breaks')).getByRole('checkbox', { name: 'Fixed fleet' }));
    await waitFor(() => expect(knees()).toMatch(/^breaks at 1\.\dx: API saturates$/), { timeout: 10_000 });
  });

  it('ranks the inputs with a fixed fleet too, as the command line does', async () => {
    const { user } = await renderApp(small());
    await user.click(screen.getByRole('tab', { name: 'What matters most' }));
    const view = screen.getByLabelText('What matters most');
    const top = (fixedFleet: boolean) => sensitivity(small(), { fixedFleet }).byP99[0]!;
    const line = (fixedFleet: boolean) => `Most: ${top(fixedFleet).label} (moves p99 by up to ${formatMs(top(fixedFleet).p99EffectMs)}); the ${TORNADO_ROWS} largest below.`;
    // Held at today's replicas, the pools no longer grow or shrink with a move: the ranking's figures differ.
    expect(line(true)).not.toBe(line(false));
    const shown = () => within(view).getByText(/^Most: /).textContent;
    await waitFor(() => expect(shown()).toBe(line(false)), { timeout: 10_000 });
    await user.click(within(view).getByRole('checkbox', { name: 'Fixed fleet' }));
    await waitFor(() => expect(shown()).toBe(line(true)), { timeout: 10_000 });
  });

  it('ranks the inputs and shows a failure beside the normal figures', async () => {
    const { user } = await renderApp(small());
    await user.click(screen.getByRole('tab', { name: 'What matters most' }));
    await waitFor(() => expect(screen.getByText(/^Most: /).textContent).toMatch(/^Most: (API: latency|Users: QPS|Users -> API: calls)/), { timeout: 10_000 });
    await user.click(screen.getByRole('tab', { name: 'Failures' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Failure' }), 'API loses one replica');
    await waitFor(() => expect(screen.getByRole('table', { name: 'Figures under the failure' }).textContent).toContain('API loses one replica'));
    await user.click(screen.getByRole('button', { name: 'Survives the loss of any one replica?' }));
    await waitFor(() => expect(screen.getByRole('list', { name: 'Survives the loss of one replica' }).textContent).toBe('API (1 replica): does not survive: API saturates'));
  });
});
