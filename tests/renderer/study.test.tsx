// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { openBlueprint } from '../../renderer/app/documentIO';
import { blueprint } from '../../shared/blueprints';
import { diagramOf } from '../helpers';
import { renderApp } from './harness';

afterEach(cleanup);

describe('study mode', () => {
  it('opening a blueprint shows its seven-step write-up and assumptions beside the diagram, with "why?" links', async () => {
    const { ctx, user, store } = await renderApp(diagramOf([{ id: 'users', kind: 'traffic', label: 'Users', traffic: { qps: 1 } }]));
    await act(async () => void (await openBlueprint(ctx, 'news-feed')));
    const study = await screen.findByRole('region', { name: 'Study' });
    expect(screen.getByRole('tab', { name: 'Study' }).getAttribute('aria-selected')).toBe('true');
    const reference = blueprint('news-feed')!;
    for (const title of ['Clarify requirements', 'Frame it as an ML task', 'Data and features', 'Model', 'Evaluation', 'Serving', 'Monitoring', 'Assumptions']) {
      expect(within(study).getByRole('heading', { name: title })).toBeTruthy();
    }
    expect(study.textContent).toContain(reference.brief!.assumptions!.split('\n')[0]!.replace(/[*`]|^- /g, '').slice(0, 30));
    // The load in the requirements step links to its derivation.
    const why = await within(study).findByRole('button', { name: 'How the peak load is derived' });
    await user.click(why);
    const popover = screen.getByRole('dialog', { name: 'How this figure is derived' });
    await waitFor(() => expect(popover.textContent).toContain('Peak load'));
    expect(popover.textContent).toMatch(/92\.6k QPS/);
    await user.keyboard('{Escape}');
    // Selecting a component shows the inspector; the Study tab brings the write-up back.
    act(() => store.set({ selection: { nodes: ['feed'], edges: [] } }));
    expect(screen.getByRole('region', { name: 'Node inspector' })).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: 'Study' }));
    expect(screen.getByRole('region', { name: 'Study' })).toBeTruthy();
  });

  it('a design without a write-up has no Study tab', async () => {
    await renderApp(diagramOf([{ id: 'users', kind: 'traffic', label: 'Users', traffic: { qps: 1 } }]));
    expect(screen.queryByRole('tab', { name: 'Study' })).toBeNull();
  });
});
