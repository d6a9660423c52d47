// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, actionSpec } from '../../shared/actions';
import { blueprint } from '../../shared/blueprints';
import type { Diagram } from '../../shared/model/schema';
import { DEFAULT_PANELS, readPanels } from '../../renderer/app/panelLayout';
import { MENU_ONLY, TOOLBAR_GROUPS } from '../../renderer/app/toolbarFit';
import { emptyDiagram } from '../../renderer/state/commands';
import { renderApp } from './harness';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

const palette = () => screen.queryByRole('navigation', { name: 'Components' });
const inspector = () => screen.queryByRole('region', { name: 'Diagram inspector' });
const bottomPanel = () => screen.queryByRole('region', { name: 'Diagnostics panel' });

/** A traffic entry whose only edge is offline: nothing it sends waits for an answer. */
function offlineOnly(): Diagram {
  const d = emptyDiagram('Nightly');
  d.nodes.push(
    { id: 'uploads', kind: 'traffic', label: 'Uploads', traffic: { qps: 50 }, position: { x: 0, y: 0 } },
    { id: 'train', kind: 'training', label: 'Training', position: { x: 300, y: 0 } },
  );
  d.edges.push({ id: 'e1', source: 'uploads', target: 'train', mode: 'offline' });
  return d;
}

describe('panels', () => {
  it('collapses each panel with its button and its shortcut, and remembers it', async () => {
    const { store, user } = await renderApp(blueprint('news-feed')!);
    await user.click(screen.getByRole('button', { name: 'Hide palette' }));
    expect(palette()).toBeNull();
    expect(store.getState().panels.collapsed.palette).toBe(true);
    expect(readPanels().collapsed.palette).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Show palette' }));
    expect(palette()).not.toBeNull();

    await user.keyboard('{Control>}i{/Control}');
    expect(inspector()).toBeNull();
    expect(screen.getByRole('button', { name: 'Show inspector' })).toBeTruthy();
    await user.keyboard('{Control>}i{/Control}');
    expect(inspector()).not.toBeNull();

    await user.click(screen.getByRole('button', { name: 'Hide diagnostics' }));
    expect(screen.queryByRole('tabpanel')).toBeNull();
    // Choosing a tab of the collapsed panel opens it on that tab.
    await user.click(screen.getByRole('tab', { name: 'Why is p99 this high?' }));
    expect(screen.getByRole('tabpanel')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Why is p99 this high?' }).getAttribute('aria-selected')).toBe('true');
  });

  it('hides every panel in focus mode, and the same key brings back those that were open', async () => {
    const { user } = await renderApp(blueprint('news-feed')!);
    await user.click(screen.getByRole('button', { name: 'Hide diagnostics' }));
    await user.keyboard('{Control>}{Shift>}f{/Shift}{/Control}');
    expect([palette(), inspector(), bottomPanel()]).toEqual([null, null, null]);
    expect(screen.queryByRole('button', { name: /^Show / })).toBeNull();
    expect(screen.getByRole('button', { name: 'Focus Mode' }).getAttribute('aria-pressed')).toBe('true');
    await user.keyboard('{Control>}{Shift>}f{/Shift}{/Control}');
    expect(palette()).not.toBeNull();
    expect(inspector()).not.toBeNull();
    expect(screen.queryByRole('tabpanel')).toBeNull();
    expect(screen.getByRole('button', { name: 'Focus Mode' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('resizes a panel with the arrow keys on its splitter, within limits, without nudging the selection', async () => {
    const { store, user } = await renderApp(blueprint('news-feed')!);
    act(() => store.set({ selection: { nodes: ['feed'], edges: [] } }));
    const before = store.getState().doc.nodes.find((n) => n.id === 'feed')!.position;
    const splitter = screen.getByRole('separator', { name: 'Resize inspector' });
    expect(splitter.getAttribute('aria-valuenow')).toBe('300');
    expect(splitter.getAttribute('aria-orientation')).toBe('vertical');
    splitter.focus();
    await user.keyboard('{ArrowLeft}');
    expect(splitter.getAttribute('aria-valuenow')).toBe('316');
    await user.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    expect(splitter.getAttribute('aria-valuenow')).toBe('380');
    await user.keyboard('{End}');
    expect(splitter.getAttribute('aria-valuenow')).toBe(splitter.getAttribute('aria-valuemax'));
    await user.keyboard('{Home}{ArrowLeft}{ArrowRight}');
    expect(splitter.getAttribute('aria-valuenow')).toBe(splitter.getAttribute('aria-valuemin'));
    expect(store.getState().doc.nodes.find((n) => n.id === 'feed')!.position).toEqual(before);
    expect(store.getState().past).toHaveLength(0);

    const bottom = screen.getByRole('separator', { name: 'Resize diagnostics panel' });
    bottom.focus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(bottom.getAttribute('aria-valuenow')).toBe(String(DEFAULT_PANELS.sizePx.bottom + 32));
    expect(bottomPanel()!.style.height).toBe(`${DEFAULT_PANELS.sizePx.bottom + 32}px`);
    expect(readPanels().sizePx.bottom).toBe(DEFAULT_PANELS.sizePx.bottom + 32);
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('tabpanel')).toBeNull();
  });

  it('hides the minimap from its button among the zoom controls, and remembers it', async () => {
    const { store, user } = await renderApp(blueprint('news-feed')!);
    await user.click(screen.getByRole('button', { name: 'Hide minimap' }));
    expect(document.querySelector('.react-flow__minimap')).toBeNull();
    expect(readPanels().minimap).toBe(false);
    await user.keyboard('{Control>}{Shift>}m{/Shift}{/Control}');
    expect(store.getState().panels.minimap).toBe(true);
    expect(screen.getByRole('button', { name: 'Hide minimap' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('starts with the remembered layout, and with the default one when what is remembered is damaged', async () => {
    localStorage.setItem('mlsd-studio.panels', JSON.stringify({ sizePx: { palette: 9999, inspector: 350 }, collapsed: { palette: true }, minimap: false }));
    await renderApp(blueprint('news-feed')!);
    expect(palette()).toBeNull();
    expect(screen.getByRole('separator', { name: 'Resize inspector' }).getAttribute('aria-valuenow')).toBe('350');
    cleanup();
    localStorage.setItem('mlsd-studio.panels', '{not json');
    const { store } = await renderApp(blueprint('news-feed')!);
    expect(store.getState().panels).toEqual(DEFAULT_PANELS);
  });
});

describe('the toolbar', () => {
  it('folds what does not fit into the More menu, labelled from the action list, run from the keyboard', async () => {
    // The test window gives the toolbar's buttons no room: every one is in the menu.
    const { user } = await renderApp(blueprint('news-feed')!);
    const more = screen.getByRole('button', { name: 'More' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    more.focus();
    await user.keyboard('{ArrowDown}');
    const menu = screen.getByRole('menu', { name: 'More actions' });
    const items = [...menu.querySelectorAll<HTMLElement>('[role^="menuitem"]')];
    const expected = [...TOOLBAR_GROUPS.flat().map((i) => i.id), ...MENU_ONLY].map((id) => actionSpec(id)!.label);
    expect(items.map((i) => i.querySelector('.menu-label')!.textContent)).toEqual(expected);
    expect(items.every((i) => ACTIONS.some((a) => a.label === i.querySelector('.menu-label')!.textContent))).toBe(true);
    expect(document.activeElement).toBe(items[0]);
    expect(within(menu).getByRole('menuitemcheckbox', { name: /Show or Hide Minimap/ }).getAttribute('aria-checked')).toBe('true');

    await user.keyboard('{ArrowUp}');
    expect(document.activeElement?.textContent).toMatch(/^Keyboard Shortcuts/);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(more);

    await user.click(more);
    await user.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: /Keyboard Shortcuts/ }));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' }).textContent).toContain('Focus Mode');
  });
});

describe('the headline figures', () => {
  it('show p99 and cost against the budgets, total storage and the peak load entering the design', async () => {
    await renderApp(blueprint('news-feed')!);
    const bar = screen.getByTestId('budget-bar');
    expect(within(bar).getByLabelText('p99 budget').textContent).toMatch(/^p99[\d.]+ ms \/ 200 ms$/);
    expect(within(bar).getByLabelText('Cost budget').textContent).toMatch(/^Cost\$[\d.]+k \/ \$800k\/mo$/);
    expect(within(bar).getByLabelText('Data').textContent).toMatch(/^Data [\d.]+ TB$/);
    expect(within(bar).getByLabelText('Peak').textContent).toBe('Peak 92.6k QPS');
  });

  it('say there is nothing to estimate on an empty canvas, instead of "no problems" and "p99 0 ms"', async () => {
    await renderApp(emptyDiagram('Empty'));
    const bar = screen.getByTestId('budget-bar');
    expect(bar.textContent).toContain('Nothing to estimate yet: add a Traffic entry');
    expect(bar.textContent).not.toMatch(/0 ms/);
    expect(screen.getByRole('tabpanel').textContent).toContain('Nothing to estimate yet');
    expect(screen.getByRole('tabpanel').textContent).not.toContain('No problems');
  });

  it('show a dash, not "0 ms", for an entry with no request path', async () => {
    const { store } = await renderApp(offlineOnly());
    expect(within(screen.getByTestId('budget-bar')).getByLabelText('p99').textContent).toBe('p99 —');
    act(() => store.commit('Budget', (d) => void (d.budgets = { p99Ms: 100 })));
    await waitFor(() => expect(within(screen.getByTestId('budget-bar')).getByLabelText('p99 budget').textContent).toBe('p99— / 100 ms'));
  });
});

describe('why p99 is this high', () => {
  it('highlights the path on the canvas while shown; a row selects its node', async () => {
    const { store, user } = await renderApp(blueprint('video-recommendation')!);
    expect(store.getState().criticalPath).toBeNull();
    await user.click(screen.getByRole('tab', { name: 'Why is p99 this high?' }));
    const rows = within(screen.getByLabelText('p99 breakdown')).getAllByRole('button');
    const path = store.getState().criticalPath!;
    expect(path.nodes).toContain('ranker');
    expect(path.edges.length).toBeGreaterThan(0);
    await waitFor(() => expect(document.querySelector('[data-id="ranker"]')!.classList.contains('critical-path')).toBe(true));
    const edge = document.querySelector(`[data-id="${path.edges[0]}"]`) ?? document.querySelector(`[data-testid="rf__edge-${path.edges[0]}"]`);
    expect(edge?.classList.contains('critical-path')).toBe(true);

    await user.click(rows.at(-1)!);
    const last = store.getState().selection.nodes;
    expect(last).toHaveLength(1);
    expect(path.nodes).toContain(last[0]);

    await user.click(screen.getByRole('tab', { name: /^Diagnostics/ }));
    expect(store.getState().criticalPath).toBeNull();
    await waitFor(() => expect(document.querySelectorAll('.critical-path')).toHaveLength(0));
  });
});
