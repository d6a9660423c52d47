// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { exportFormat } from '../../shared/export/registry';
import { loadDiagram } from '../../shared/model/load';
import { perform } from '../../renderer/actions/perform';
import { openBlueprint } from '../../renderer/app/documentIO';
import { exportTo } from '../../renderer/export/exporting';
import { emptyDiagram } from '../../renderer/state/commands';
import { MemoryHost, renderApp } from './harness';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

const small = () => {
  const d = emptyDiagram('Small');
  d.nodes.push(
    { id: 'users', kind: 'traffic', label: 'Users', traffic: { qps: 100 }, position: { x: 0, y: 0 }, group: 'online' },
    { id: 'api', kind: 'service', label: 'API', latency: { p50Ms: 5, p99Ms: 20 }, capacity: { replicas: 'auto' }, position: { x: 300, y: 0 }, group: 'online' },
  );
  d.edges.push({ id: 'e1', source: 'users', target: 'api' });
  return d;
};

type Ctx = Parameters<typeof perform>[1];
const run = async (id: Parameters<typeof perform>[0], ctx: Ctx) => act(async () => void (await perform(id, ctx)));
const tenTimes = () => fireEvent.change(screen.getByLabelText('Traffic multiplier'), { target: { value: '1' } });
const banner = () => screen.queryByRole('status', { name: 'Traffic what-if' });

describe('the traffic what-if', () => {
  it('says loudly over the canvas that figures are for another load, and goes back to 1x in one click', async () => {
    const { store, user } = await renderApp(small());
    expect(banner()).toBeNull();
    tenTimes();
    expect(banner()?.textContent).toMatch(/^Traffic ×10: figures are for 10× load\. Exports and the saved file stay at 1×\./);
    await waitFor(() => expect(screen.getByTestId('figures-api').textContent).toContain('1k QPS'));
    await user.click(within(banner()!).getByRole('button', { name: 'Back to 1×' }));
    expect(store.getState().trafficMultiplier).toBe(1);
    expect(banner()).toBeNull();
    await waitFor(() => expect(screen.getByTestId('figures-api').textContent).toContain('100 QPS'));
  });

  it('goes back to 1x when another document is opened: New, Open, a blueprint, practice', async () => {
    const host = new MemoryHost();
    const { store, ctx } = await renderApp(small(), host);
    tenTimes();
    await run('file.new', ctx);
    expect(store.getState().trafficMultiplier).toBe(1);
    expect(banner()).toBeNull();
    tenTimes();
    host.nextOpen = { ref: 'feed.json', name: 'feed.json', content: JSON.stringify(blueprint('news-feed')) };
    await run('file.open', ctx);
    expect(store.getState().trafficMultiplier).toBe(1);
    tenTimes();
    await act(async () => void (await openBlueprint(ctx, 'similar-listings')));
    expect(store.getState().trafficMultiplier).toBe(1);
    tenTimes();
    await run('practice.start', ctx);
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Practice an interview' })).getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(store.getState().practice).not.toBeNull());
    expect(store.getState().trafficMultiplier).toBe(1);
  });

  it('is locked at 1x during practice, so an estimate is graded at the case\'s own load', async () => {
    const { store, ctx } = await renderApp(small());
    await run('practice.start', ctx);
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Practice an interview' })).getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(store.getState().practice).not.toBeNull());
    expect(screen.getByLabelText('Traffic multiplier')).toHaveProperty('disabled', true);
    act(() => store.set({ trafficMultiplier: 10 }));
    expect(banner()).toBeNull();
    expect(screen.getByLabelText('Traffic multiplier').closest('label')!.textContent).toContain('1×');
  });

  it('leaves exports at 1x', async () => {
    let exported = '';
    const host = new (class extends MemoryHost {
      override async exportFile(file?: { text?: string }) {
        exported = file?.text ?? '';
        return null;
      }
    })();
    const { ctx } = await renderApp(small(), host);
    tenTimes();
    await waitFor(() => expect(screen.getByTestId('figures-api').textContent).toContain('1k QPS'));
    await act(async () => void (await exportTo(ctx, exportFormat('svg')!, { figures: true, theme: 'light', selectionOnly: false, paper: 'fit' })));
    expect(exported).toContain('100 QPS');
    expect(exported).not.toContain('1k QPS');
  });
});

describe('the right-click menu', () => {
  it('offers the action list\'s commands for a node, moves by arrow keys and closes on Escape and outside clicks', async () => {
    const { store, container, user } = await renderApp(small());
    fireEvent.contextMenu(container.querySelector('[data-id="api"]')!);
    const menu = screen.getByRole('menu', { name: 'Node' });
    expect(store.getState().selection.nodes).toEqual(['api']);
    expect(within(menu).getAllByRole('menuitem').map((b) => b.textContent)).toEqual([
      'CutCtrl+X', 'CopyCtrl+C', 'DuplicateCtrl+D', 'DeleteDelete', 'Group SelectionCtrl+G', 'UngroupCtrl+Shift+G', 'Lay Out Selection', 'Copy as PNGCtrl+Shift+C', 'Copy as SVG',
    ]);
    expect(document.activeElement?.textContent).toBe('CutCtrl+X');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('DuplicateCtrl+D');
    expect(store.getState().doc.nodes[1]!.position).toEqual({ x: 300, y: 0 });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();

    fireEvent.contextMenu(container.querySelector('[data-id="api"]')!);
    fireEvent.pointerDown(document.body);
    expect(screen.queryByRole('menu')).toBeNull();

    fireEvent.contextMenu(container.querySelector('[data-id="api"]')!);
    await user.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: /^Duplicate/ }));
    expect(store.getState().doc.nodes.map((n) => n.label)).toEqual(['Users', 'API', 'API 2']);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('opens from the keyboard on the selection with Shift+F10', async () => {
    const { store, user } = await renderApp(small());
    act(() => store.set({ selection: { nodes: ['api'], edges: [] } }));
    await user.keyboard('{Shift>}{F10}{/Shift}');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{Enter}');
    expect(store.getState().doc.nodes.map((n) => n.id)).toEqual(['users']);
  });
});

describe('groups', () => {
  it('selects a group by a click on its frame, and offers its menu', async () => {
    const { store, container, user } = await renderApp(small());
    const frame = container.querySelector('[data-id="group:online"]')!;
    fireEvent.click(frame);
    expect(store.getState().selection).toEqual({ nodes: ['users', 'api'], edges: [], groups: ['online'] });
    expect(screen.getByTestId('group-online').className).toContain('selected');
    fireEvent.contextMenu(frame);
    await user.click(within(screen.getByRole('menu', { name: 'Group' })).getByRole('menuitem', { name: /^Ungroup/ }));
    expect(store.getState().doc.nodes.map((n) => n.group)).toEqual([undefined, undefined]);
  });
});

describe('adding a component by name', () => {
  it('opens a picker on a double-click of the empty canvas; typing filters by the names people use, Enter adds there', async () => {
    const { store, container, user } = await renderApp(small());
    fireEvent.doubleClick(container.querySelector('.react-flow__pane')!, { clientX: 400, clientY: 300 });
    const field = screen.getByRole('combobox', { name: 'Add a component' });
    await user.type(field, 'FAISS');
    expect(within(screen.getByRole('listbox', { name: 'Components' })).getAllByRole('option').map((o) => o.textContent)).toEqual(['Vector index']);
    await user.keyboard('{Enter}');
    expect(store.getState().doc.nodes.map((n) => n.kind)).toEqual(['traffic', 'service', 'vectorIndex']);
    expect(store.getState().selection.nodes).toEqual(['vectorIndex']);
    expect(screen.queryByRole('combobox', { name: 'Add a component' })).toBeNull();
    store.undo();
    expect(store.getState().doc.nodes).toHaveLength(2);

    fireEvent.doubleClick(container.querySelector('.react-flow__pane')!);
    await user.type(screen.getByRole('combobox', { name: 'Add a component' }), 'kafka{Escape}');
    expect(screen.queryByRole('combobox', { name: 'Add a component' })).toBeNull();
    expect(store.getState().doc.nodes).toHaveLength(2);
  });

  it('finds the same names in the palette', async () => {
    const { user } = await renderApp(small());
    const palette = screen.getByRole('navigation', { name: 'Components' });
    await user.type(within(palette).getByRole('searchbox'), 'two-tower');
    expect(within(palette).getAllByRole('button').map((b) => b.textContent)).toEqual(['Model']);
  });
});

describe('practice', () => {
  it('saves the person\'s own estimate with the document, and keeps the timer at the top of the panel', async () => {
    const host = new MemoryHost();
    const { store, ctx, user } = await renderApp(small(), host);
    await run('practice.start', ctx);
    await user.click(within(screen.getByRole('dialog', { name: 'Practice an interview' })).getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(store.getState().practice).not.toBeNull());
    const panel = screen.getByRole('region', { name: 'Practice' });
    await user.type(within(panel).getByLabelText('Peak QPS at the entry'), '90000');
    await user.type(within(panel).getByLabelText('p99 end to end'), '120');
    expect(store.getState().doc.brief?.estimate).toEqual({ peakQps: 90000, p99Ms: 120 });
    await run('file.save', ctx);
    const saved = loadDiagram(host.files.get('saved.mlsd.json')!);
    expect(saved.ok && saved.diagram.brief?.estimate).toEqual({ peakQps: 90000, p99Ms: 120 });
    expect(panel.firstElementChild?.className).toBe('practice-head');
    expect(within(panel.firstElementChild as HTMLElement).getByRole('timer')).toBeTruthy();
  });
});
