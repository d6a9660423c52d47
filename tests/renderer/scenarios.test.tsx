// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { perform } from '../../renderer/actions/perform';
import { diagramOf } from '../helpers';
import { renderApp } from './harness';

afterEach(cleanup);

const design = () =>
  diagramOf(
    [
      { id: 'users', kind: 'traffic', label: 'Users', traffic: { qps: 1000 } },
      { id: 'rank', kind: 'service', label: 'Ranker', latency: { p50Ms: 10, p99Ms: 40 }, capacity: { replicas: 'auto', concurrency: 4 }, cost: { hourlyUsd: 1 } },
    ],
    [{ source: 'users', target: 'rank' }],
  );

describe('scenarios in the app', () => {
  it('a new scenario, switched in one click, undoable, never losing either variant’s edits', async () => {
    const { store, user, ctx } = await renderApp(design());
    const bar = screen.getByRole('toolbar', { name: 'Scenarios' });
    await user.click(within(bar).getByRole('button', { name: '+ Scenario' }));
    const name = within(bar).getByRole('textbox', { name: 'New scenario name' });
    await user.clear(name);
    await user.type(name, 'fast ranker{Enter}');
    expect(within(bar).getByRole('button', { name: 'fast ranker' }).getAttribute('aria-pressed')).toBe('true');
    // Edit the new variant: a faster ranker.
    act(() => store.commit('Edit', (d) => void (d.nodes[1]!.latency = { p50Ms: 5, p99Ms: 20 })));
    await user.click(within(bar).getByRole('button', { name: 'baseline' }));
    expect(store.getState().doc.nodes[1]!.latency).toEqual({ p50Ms: 10, p99Ms: 40 });
    // Edit the baseline too, then go back: the faster ranker is still there.
    act(() => store.commit('Edit', (d) => void (d.nodes[1]!.label = 'Ranker v1')));
    await user.click(within(bar).getByRole('button', { name: 'fast ranker' }));
    expect(store.getState().doc.nodes[1]!.latency).toEqual({ p50Ms: 5, p99Ms: 20 });
    expect(store.getState().doc.scenarios![0]!.nodes[1]!.label).toBe('Ranker v1');
    // Switching is one undo step.
    await act(async () => void (await perform('edit.undo', ctx)));
    expect(store.getState().doc.scenario).toBe('baseline');
    expect(store.getState().doc.nodes[1]!.label).toBe('Ranker v1');
  });

  it('the picker keeps the order the scenarios were made in, whichever one is shown', async () => {
    const { store, user } = await renderApp(design());
    const bar = screen.getByRole('toolbar', { name: 'Scenarios' });
    for (const scenario of ['cache', 'gpu']) {
      await user.click(within(bar).getByRole('button', { name: /^\+/ }));
      const name = within(bar).getByRole('textbox', { name: 'New scenario name' });
      await user.clear(name);
      await user.type(name, `${scenario}{Enter}`);
    }
    const shown = () => within(bar).getAllByRole('button', { pressed: true }).map((b) => b.textContent);
    const order = () => within(bar).getAllByRole('button').filter((b) => b.hasAttribute('aria-pressed')).map((b) => b.textContent);
    expect(order()).toEqual(['baseline', 'cache', 'gpu']);
    for (const scenario of ['cache', 'baseline', 'gpu', 'cache']) {
      await user.click(within(bar).getByRole('button', { name: scenario }));
      expect(shown()).toEqual([scenario]);
      expect(order()).toEqual(['baseline', 'cache', 'gpu']);
    }
    expect(store.getState().doc.scenario).toBe('cache');
  });

  it('a refused name says why and keeps the field open', async () => {
    const { user } = await renderApp(design());
    const bar = screen.getByRole('toolbar', { name: 'Scenarios' });
    await user.click(within(bar).getByRole('button', { name: '+ Scenario' }));
    const name = within(bar).getByRole('textbox', { name: 'New scenario name' });
    await user.clear(name);
    await user.type(name, 'baseline{Enter}');
    expect(within(bar).getByRole('alert').textContent).toBe('there is already a scenario "baseline"');
    expect(within(bar).getByRole('textbox', { name: 'New scenario name' })).toBeTruthy();
  });

  it('Compare shows both side by side with the deltas of their estimates', async () => {
    const { store, user } = await renderApp(design());
    const bar = screen.getByRole('toolbar', { name: 'Scenarios' });
    await user.click(within(bar).getByRole('button', { name: '+ Scenario' }));
    await user.type(within(bar).getByRole('textbox', { name: 'New scenario name' }), '{Enter}');
    act(() => store.commit('Edit', (d) => void (d.nodes[1]!.latency = { p50Ms: 5, p99Ms: 20 })));
    await user.click(within(bar).getByRole('button', { name: 'Compare…' }));
    const dialog = screen.getByRole('dialog', { name: 'Compare scenarios' });
    const table = await within(dialog).findByRole('table', { name: 'Figures side by side' }, { timeout: 10_000 });
    const p99 = within(table).getByRole('row', { name: /Worst p99/ });
    expect(within(p99).getAllByRole('cell').map((c) => c.textContent)).toEqual([expect.stringMatching(/ms$/), expect.stringMatching(/ms$/), expect.stringMatching(/^-[\d.]+ ms$/)]);
    expect(within(dialog).getByRole('list', { name: 'What changes' }).textContent).toContain('Ranker: latency.p50Ms 10 → 5');
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toMatch(/^p99 -[\d.]+ ms, cost -\$/));
  });
});
