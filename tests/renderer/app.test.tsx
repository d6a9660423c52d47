// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { ACTIONS } from '../../shared/actions';
import { perform } from '../../renderer/actions/perform';
import { isDirty } from '../../renderer/state/store';
import { MemoryHost, renderApp, smallDiagram } from './harness';

afterEach(cleanup);

const small = smallDiagram;

describe('the palette', () => {
  it('filters kinds by search and adds one on click, as one undo step', async () => {
    const { store, user } = await renderApp(small());
    const palette = screen.getByRole('navigation', { name: 'Components' });
    await user.type(within(palette).getByRole('searchbox'), 'vector');
    expect(within(palette).getAllByRole('button').map((b) => b.textContent)).toEqual(['Vector index']);
    await user.click(within(palette).getByRole('button', { name: 'Vector index' }));
    expect(store.getState().doc.nodes.map((n) => n.kind)).toEqual(['traffic', 'service', 'vectorIndex']);
    expect(screen.getByRole('region', { name: 'Node inspector' })).toHaveProperty('textContent', expect.stringContaining('Vector index'));
    store.undo();
    expect(store.getState().doc.nodes).toHaveLength(2);
  });
});

describe('the inspector', () => {
  it('edits a latency live and refuses p99 below p50 with a message, keeping the last valid value', async () => {
    const { store, user } = await renderApp(small());
    act(() => store.set({ selection: { nodes: ['api'], edges: [] } }));
    const inspector = screen.getByRole('region', { name: 'Node inspector' });
    const p50 = within(inspector).getByLabelText('p50');
    await user.clear(p50);
    await user.type(p50, '8');
    expect(store.getState().doc.nodes[1]!.latency).toEqual({ p50Ms: 8, p99Ms: 20 });
    const p99 = within(inspector).getByLabelText('p99');
    await user.clear(p99);
    await user.type(p99, '4');
    expect(within(inspector).getByRole('alert').textContent).toBe('p99 must be >= p50 (8)');
    expect(store.getState().doc.nodes[1]!.latency!.p99Ms).toBe(20);
    expect(store.getState().past.filter((e) => e.key === 'node:api:latency.p50')).toHaveLength(1);
  });

  it('adds and removes blocks the kind takes, and edits an edge', async () => {
    const { store, user } = await renderApp(small());
    act(() => store.set({ selection: { nodes: ['api'], edges: [] } }));
    await user.click(screen.getByRole('button', { name: 'Add cache' }));
    expect(store.getState().doc.nodes[1]!.cache).toEqual({ hitRate: 0.8 });
    await user.click(screen.getByRole('button', { name: 'Remove capacity' }));
    expect(store.getState().doc.nodes[1]!.capacity).toBeUndefined();
    act(() => store.set({ selection: { nodes: [], edges: ['e1'] } }));
    const inspector = screen.getByRole('region', { name: 'Edge inspector' });
    await user.selectOptions(within(inspector).getByLabelText('Mode'), 'async');
    expect(store.getState().doc.edges[0]!.mode).toBe('async');
    await user.type(within(inspector).getByLabelText('Calls per request'), '3');
    expect(store.getState().doc.edges[0]!.calls).toBe(3);
  });

  it("shows a database's shards and sets its writes per shard, 10,000 until set", async () => {
    const { store, user } = await renderApp(blueprint('news-feed')!);
    const index = store.getState().doc.nodes.findIndex((n) => n.id === 'online');
    act(() => store.set({ selection: { nodes: ['online'], edges: [] } }));
    const inspector = screen.getByRole('region', { name: 'Node inspector' });
    expect(within(inspector).getByLabelText('Shards')).toHaveProperty('value', '16');
    const writes = within(inspector).getByLabelText('Writes per shard');
    expect(writes).toHaveProperty('placeholder', '10000');
    await user.type(writes, '25000');
    expect(store.getState().doc.nodes[index]!.capacity!.writeQpsPerShard).toBe(25_000);
    act(() => store.set({ selection: { nodes: ['ranker'], edges: [] } }));
    expect(within(screen.getByRole('region', { name: 'Node inspector' })).queryByLabelText('Writes per shard')).toBeNull();
  });

  it('shows the diagram, its budgets and brief when nothing is selected', async () => {
    const { store, user } = await renderApp(blueprint('event-recommendation')!);
    const inspector = screen.getByRole('region', { name: 'Diagram inspector' });
    expect(within(inspector).getByLabelText('Title')).toHaveProperty('value', 'Event recommendation');
    expect(inspector.textContent).toContain('~1M DAU');
    const budget = within(inspector).getByLabelText('p99 budget');
    await user.clear(budget);
    await user.type(budget, '50');
    expect(store.getState().doc.budgets?.p99Ms).toBe(50);
  });
});

describe('figures and diagnostics', () => {
  it('shows live figures on nodes and updates them after an edit', async () => {
    const { store } = await renderApp(small());
    expect(screen.getByTestId('figures-api').textContent).toContain('100 QPS');
    act(() => store.commit('x', (d) => void (d.nodes[0]!.traffic = { qps: 2000 })));
    await waitFor(() => expect(screen.getByTestId('figures-api').textContent).toContain('2k QPS'));
  });

  it('lists diagnostics; a click selects the node concerned', async () => {
    const doc = small();
    doc.nodes[1]!.capacity = { replicas: 1 };
    doc.nodes[1]!.latency = { p50Ms: 20, p99Ms: 40 };
    const { store, user } = await renderApp(doc);
    const list = await screen.findByRole('list', { name: 'Diagnostics' });
    const item = within(list).getByRole('button', { name: /"API" is saturated/ });
    await user.click(item);
    expect(store.getState().selection.nodes).toEqual(['api']);
    expect(screen.getByTestId('figures-api').textContent).toContain('p99 ∞');
  });

  it('explains where the p99 comes from', async () => {
    const { user } = await renderApp(blueprint('video-recommendation')!);
    await user.click(screen.getByRole('tab', { name: 'Why is p99 this high?' }));
    const bars = within(screen.getByLabelText('p99 breakdown')).getAllByRole('listitem');
    expect(bars[0]!.textContent).toMatch(/^Scoring model \(GPU, multi-task\)[\d.]+ ms$/);
  });

  it('re-estimates with the what-if multiplier', async () => {
    const { store } = await renderApp(small());
    fireEvent.change(screen.getByLabelText('Traffic multiplier'), { target: { value: '1' } });
    expect(store.getState().trafficMultiplier).toBe(10);
    await waitFor(() => expect(screen.getByTestId('figures-api').textContent).toContain('1k QPS'));
  });
});

describe('actions, each done and undone', () => {
  const run = async (id: (typeof ACTIONS)[number]['id'], ctx: Parameters<typeof perform>[1]) => act(async () => void (await perform(id, ctx)));

  it('deletes, duplicates, cuts and pastes, nudges and selects all', async () => {
    const { store, ctx } = await renderApp(small());
    const ids = () => store.getState().doc.nodes.map((n) => n.id);
    act(() => store.set({ selection: { nodes: ['api'], edges: [] } }));
    await run('edit.duplicate', ctx);
    expect(ids()).toEqual(['users', 'api', 'api2']);
    await run('edit.undo', ctx);
    expect(ids()).toEqual(['users', 'api']);
    act(() => store.set({ selection: { nodes: ['api'], edges: [] } }));
    await run('edit.delete', ctx);
    expect(ids()).toEqual(['users']);
    expect(store.getState().doc.edges).toEqual([]);
    await run('edit.undo', ctx);
    expect(ids()).toEqual(['users', 'api']);
    expect(store.getState().doc.edges).toHaveLength(1);
    act(() => store.set({ selection: { nodes: ['api'], edges: [] } }));
    await run('edit.cut', ctx);
    expect(ids()).toEqual(['users']);
    await run('edit.paste', ctx);
    expect(ids()).toEqual(['users', 'api']);
    await run('edit.nudgeRightFar', ctx);
    expect(store.getState().doc.nodes[1]!.position).toEqual({ x: 412, y: 32 });
    await run('edit.undo', ctx);
    expect(store.getState().doc.nodes[1]!.position).toEqual({ x: 332, y: 32 });
    await run('edit.selectAll', ctx);
    expect(store.getState().selection).toEqual({ nodes: ['users', 'api'], edges: [] });
  });

  it('refuses a crafted clip on the clipboard, leaving the document as it was', async () => {
    const { store, ctx } = await renderApp(small());
    const before = store.getState().doc;
    const evil = { format: 'mlsd-studio/clip', nodes: [{ id: 'evil', label: 'no kind' }, { id: '__proto__', kind: 'cache' }], edges: [{ id: 'e1', source: 'evil', target: 'ghost' }] };
    await navigator.clipboard.writeText(JSON.stringify(evil));
    await run('edit.paste', ctx);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().notice).toMatch(/^Nothing was pasted: the copied nodes are not valid: nodes\[0\]\.kind: .*nodes\[1\]\.id: must start with a letter/);
    await navigator.clipboard.writeText(JSON.stringify({ format: 'mlsd-studio/clip', nodes: [{ id: 'c', kind: 'cache', label: 'C', cost: { instance: 'constructor' } }], edges: [] }));
    await run('edit.paste', ctx);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().notice).toContain('no instance type "constructor" in the price catalog');
  });

  it('repairs a clip where that is unambiguous: fresh ids, edges to nodes not copied dropped', async () => {
    const { store, ctx } = await renderApp(small());
    const clip = {
      format: 'mlsd-studio/clip',
      nodes: [{ id: 'api', kind: 'service', label: 'API copy', position: { x: 0, y: 0 }, group: 'online' }],
      edges: [{ id: 'e1', source: 'users', target: 'api' }],
    };
    await navigator.clipboard.writeText(JSON.stringify(clip));
    await run('edit.paste', ctx);
    expect(store.getState().doc.nodes.map((n) => n.id)).toEqual(['users', 'api', 'api2']);
    expect(store.getState().doc.nodes[2]!.group).toBe('online');
    expect(store.getState().doc.edges.map((e) => e.id)).toEqual(['e1']);
    expect(store.getState().notice).toBe('Pasted without 1 edge to nodes that were not copied');
  });

  it('groups the selection into a new container, renames it in place, and ungroups, each undoable', async () => {
    const { store, ctx, user } = await renderApp(small());
    act(() => store.set({ selection: { nodes: ['users', 'api'], edges: [] } }));
    expect(screen.getByRole('region', { name: 'Selection' }).textContent).toContain('2 nodes and 0 edges selected');
    await user.click(screen.getByRole('button', { name: 'Group Selection' }));
    expect(store.getState().doc.groups?.at(-1)).toEqual({ id: 'group', label: 'Group' });
    expect(store.getState().doc.nodes.map((n) => n.group)).toEqual(['group', 'group']);
    // A double-click without the press that would start a canvas drag (canvas dragging is tested in Chromium).
    fireEvent.doubleClick(await screen.findByText('Group'));
    const name = screen.getByRole('textbox', { name: 'Group name' });
    await user.clear(name);
    await user.type(name, 'Serving path{Enter}');
    expect(store.getState().doc.groups?.at(-1)?.label).toBe('Serving path');
    await run('edit.ungroup', ctx);
    expect(store.getState().doc.nodes.map((n) => n.group)).toEqual([undefined, undefined]);
    expect(store.getState().doc.groups?.map((g) => g.id)).toEqual(['online', 'offline']);
    await run('edit.undo', ctx);
    expect(store.getState().doc.groups?.map((g) => g.label)).toEqual(['Online serving', 'Offline pipelines', 'Serving path']);
  });

  it('runs the same actions from the keyboard, but not while typing in a field', async () => {
    const { store, user } = await renderApp(small());
    act(() => store.set({ selection: { nodes: ['api'], edges: [] } }));
    await user.keyboard('{Delete}');
    expect(store.getState().doc.nodes).toHaveLength(1);
    await user.keyboard('{Control>}z{/Control}');
    expect(store.getState().doc.nodes).toHaveLength(2);
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(store.getState().doc.nodes).toHaveLength(1);
    await user.keyboard('{Control>}y{/Control}');
    await user.keyboard('{Control>}z{/Control}');
    act(() => store.set({ selection: { nodes: ['api'], edges: [] } }));
    await user.click(screen.getByLabelText('Label'));
    await user.keyboard('{Backspace}');
    expect(store.getState().doc.nodes).toHaveLength(2);
    expect(store.getState().doc.nodes[1]!.label).toBe('AP');
  });

  it('saves, marks the document clean, and asks before discarding unsaved work', async () => {
    const host = new MemoryHost();
    const { store, ctx } = await renderApp(small(), host);
    act(() => store.commit('x', (d) => void (d.title = 'Changed')));
    await waitFor(() => expect(host.title).toBe('test.mlsd.json •'));
    await run('file.save', ctx);
    expect(JSON.parse(host.files.get('saved.mlsd.json')!).title).toBe('Changed');
    await waitFor(() => expect(host.title).toBe('saved.mlsd.json'));
    act(() => store.commit('x', (d) => void (d.title = 'Again')));
    host.discardChoice = 'cancel';
    await run('file.new', ctx);
    expect(store.getState().doc.title).toBe('Again');
    host.discardChoice = 'discard';
    await run('file.new', ctx);
    expect(store.getState().doc.title).toBe('Untitled design');
  });

  it('opens a file with problems by listing them all, leaving the document untouched', async () => {
    const host = new MemoryHost();
    const { store, ctx } = await renderApp(small(), host);
    host.nextOpen = { ref: 'bad.json', name: 'bad.json', content: '{"format":"mlsd-studio/diagram","version":1,"title":"x","nodes":[{"id":"a","kind":"servise","label":"A"}],"edges":[]}' };
    await run('file.open', ctx);
    const dialog = screen.getByRole('dialog', { name: 'bad.json could not be opened' });
    expect(within(dialog).getByRole('listitem').textContent).toBe('nodes[0].kind: unknown kind "servise" (did you mean "service"?)');
    expect(store.getState().doc.title).toBe('Small');
    host.nextOpen = { ref: 'good.json', name: 'good.json', content: JSON.stringify(blueprint('similar-listings')) };
    await run('file.open', ctx);
    expect(store.getState().doc.title).toBe('Similar listings');
    expect(store.getState().doc.nodes.every((n) => n.position)).toBe(true);
  });

  it('offers back every orphaned copy with its name and node count, and restores one into this window', async () => {
    const host = new MemoryHost();
    const lost = { ...small(), title: 'Lost work' };
    host.orphans = [
      { slot: 'tab-a', name: 'lost.mlsd.json', ref: null, content: JSON.stringify(lost), savedAtMs: Date.now() },
      { slot: 'tab-b', name: 'other.mlsd.json', ref: null, content: JSON.stringify(small()), savedAtMs: Date.now() - 1000 },
    ];
    const { store, user } = await renderApp(small(), host);
    const first = await screen.findByRole('listitem', { name: 'Recovered lost.mlsd.json' });
    expect(first.textContent).toContain(`${lost.nodes.length} nodes`);
    expect(screen.getByRole('listitem', { name: 'Recovered other.mlsd.json' })).toBeTruthy();
    await user.click(within(first).getByRole('button', { name: 'Restore it' }));
    await waitFor(() => expect(store.getState().doc.title).toBe('Lost work'));
    expect(store.getState().file.name).toBe('lost.mlsd.json');
    await waitFor(() => expect(host.title).toBe('lost.mlsd.json •'));
    // The work moved into this window's own slot before the orphan's copy went; the other copy is still offered.
    expect(JSON.parse(host.recovery!.content).title).toBe('Lost work');
    expect(host.orphans.map((o) => o.slot)).toEqual(['tab-b']);
    expect(screen.getByRole('listitem', { name: 'Recovered other.mlsd.json' })).toBeTruthy();
  });

  it('checks a recovered copy like a file: one that would not open is shown with why, never restored', async () => {
    const host = new MemoryHost();
    const broken = { ...small(), nodes: [{ id: 'evil', label: 'no kind' }] };
    host.orphans = [{ slot: 'tab-a', name: 'broken.mlsd.json', ref: null, content: JSON.stringify(broken), savedAtMs: Date.now() }];
    await renderApp(small(), host);
    const item = await screen.findByRole('listitem', { name: 'Recovered broken.mlsd.json' });
    expect(item.textContent).toContain('cannot be restored: nodes[0].kind');
    expect(within(item).queryByRole('button', { name: 'Restore it' })).toBeNull();
    fireEvent.click(within(item).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(host.orphans).toEqual([]));
  });

  it('keeps the document unsaved and its recovery copy when a save fails', async () => {
    const host = new MemoryHost();
    const { store, ctx } = await renderApp(small(), host);
    store.markSaved({ name: 'd.mlsd.json', ref: 'd.mlsd.json' });
    store.commit('Rename', (d) => void (d.title = 'Edited'));
    host.saveError = 'cannot save d.mlsd.json: no space left on device';
    await run('file.save', ctx);
    expect(isDirty(store.getState())).toBe(true);
    expect(store.getState().notice).toBe('cannot save d.mlsd.json: no space left on device');
    expect(JSON.parse(host.recovery!.content).title).toBe('Edited');
    expect(host.files.has('d.mlsd.json')).toBe(false);
  });
});
