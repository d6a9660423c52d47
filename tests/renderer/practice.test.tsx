// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { perform } from '../../renderer/actions/perform';
import { readResults } from '../../renderer/practice/results';
import { addNode, connect } from '../../renderer/state/commands';
import { renderApp } from './harness';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

describe('practice mode', () => {
  it('runs a timed interview: empty canvas, notes per step, estimate first, compare, and a saved result', async () => {
    const { store, ctx, user } = await renderApp(blueprint('similar-listings')!);
    await act(async () => void (await perform('practice.start', ctx)));
    const start = screen.getByRole('dialog', { name: 'Practice an interview' });
    await user.selectOptions(within(start).getByLabelText('Case'), 'news-feed');
    await user.tripleClick(within(start).getByLabelText('Minutes'));
    await user.keyboard('30');
    expect(within(start).getByLabelText('Minutes')).toHaveProperty('value', '30');
    await user.click(within(start).getByRole('button', { name: 'Start' }));

    await waitFor(() => expect(store.getState().practice?.slug).toBe('news-feed'));
    expect(store.getState().doc.nodes).toEqual([]);
    const panel = screen.getByRole('region', { name: 'Practice' });
    expect(panel.textContent).toContain("Design the ranking of a social network's news feed");
    expect(within(panel).getByRole('timer').textContent).toMatch(/^(30:00|29:5\d)$/);
    expect(screen.getByText('Figures hidden: estimate first')).toBeTruthy();

    await user.type(within(panel).getByLabelText('Notes: Clarify requirements'), '2B DAU, twice a day');
    expect(store.getState().doc.brief?.steps?.requirements).toBe('2B DAU, twice a day');

    act(() => store.commit('Draw', (d) => {
      d.nodes.push({ id: 'users', kind: 'traffic', label: 'Users', traffic: { dau: 2e9, requestsPerUserPerDay: 2, peakToAverage: 2 }, position: { x: 0, y: 0 } });
      addNode(d, 'service', { x: 260, y: 0 });
      addNode(d, 'model', { x: 520, y: 0 });
      connect(d, 'users', 'service');
      connect(d, 'service', 'model');
    }));
    expect(screen.queryByTestId('budget-bar')).toBeNull();

    const lock = within(panel).getByRole('button', { name: 'Lock in and show the figures' });
    expect(lock).toHaveProperty('disabled', true);
    await user.type(within(panel).getByLabelText('Peak QPS at the entry'), '90000');
    await user.type(within(panel).getByLabelText('p99 end to end'), '100');
    await user.type(within(panel).getByLabelText('Total storage'), '1');
    await user.click(lock);
    const table = within(screen.getByRole('region', { name: 'Practice' })).getByRole('table', { name: 'Your estimate against the model' });
    await waitFor(() => expect(table.textContent).toMatch(/Peak QPS90k QPS92\.6k QPS-3%/));
    await waitFor(() => expect(screen.getByTestId('budget-bar')).toBeTruthy());

    await user.click(screen.getByRole('button', { name: 'Compare with reference' }));
    const compare = screen.getByRole('dialog', { name: /Your design against the reference/ });
    expect(within(compare).getByLabelText('Score').textContent).toMatch(/Score \d+ \/ 100/);
    expect(within(compare).getByLabelText('Components').textContent).toContain('Missing: ');
    await user.click(within(compare).getByRole('button', { name: 'Reveal: Clarify requirements' }));
    expect(within(compare).getByLabelText('Reference steps').textContent).toContain('Rank unseen posts for each user');
    await user.click(within(compare).getByRole('button', { name: 'Finish and save the result' }));
    expect(readResults()).toEqual([expect.objectContaining({ slug: 'news-feed', title: 'Personalised news feed', score: expect.any(Number) })]);

    act(() => store.set({ dialog: null }));
    await act(async () => void (await perform('practice.start', ctx)));
    expect(within(screen.getByRole('table', { name: 'Past sessions' })).getAllByRole('row')).toHaveLength(2);
  });

  it('pauses and resumes the countdown', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { store, ctx, user } = await renderApp(blueprint('similar-listings')!);
    await act(async () => void (await perform('practice.start', ctx)));
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(store.getState().practice).not.toBeNull());
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    const paused = screen.getByRole('timer').textContent;
    await act(async () => void vi.advanceTimersByTime(10_000));
    expect(screen.getByRole('timer').textContent).toBe(paused);
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    await act(async () => void vi.advanceTimersByTime(5_000));
    expect(screen.getByRole('timer').textContent).not.toBe(paused);
    vi.useRealTimers();
  });
});
