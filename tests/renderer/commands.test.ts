import { describe, expect, it } from 'vitest';
import {
  addAnnotation, addNode, connect, connectionProblem, copySelection, deleteSelection, emptyDiagram, groupNodes, moveNodes, paste,
  renameGroup, ungroupNodes, uniqueId,
} from '../../renderer/state/commands';
import { loadDiagramValue } from '../../shared/model/load';

describe('ids for new nodes and edges', () => {
  it('keeps a free id, numbers a taken one from 2, and cleans what an id cannot hold', () => {
    expect(uniqueId('cache', new Set())).toBe('cache');
    expect(uniqueId('cache', new Set(['cache']))).toBe('cache2');
    expect(uniqueId('cache', new Set(['cache', 'cache2', 'cache3']))).toBe('cache4');
    expect(uniqueId('cache2', new Set(['cache2']))).toBe('cache3');
    expect(uniqueId('e1', new Set(['e1', 'e2']))).toBe('e3');
    expect(uniqueId('my node!', new Set())).toBe('mynode');
    expect(uniqueId('a_b-c', new Set())).toBe('a_b-c');
    expect(uniqueId('42', new Set())).toBe('node');
    expect(uniqueId('7', new Set(['node']))).toBe('node2');
    expect(uniqueId('cache12', new Set(['cache12']))).toBe('cache2');
    expect(uniqueId('v2x3', new Set(['v2x3']))).toBe('v2x2');
  });
});

describe('adding, connecting, moving and deleting', () => {
  it('adds a node with its kind defaults, at a whole-pixel position, that the loader accepts', () => {
    const d = emptyDiagram();
    expect(addNode(d, 'service', { x: 10.4, y: 19.6 })).toBe('service');
    expect(d.nodes[0]).toMatchObject({ id: 'service', kind: 'service', label: 'Service', position: { x: 10, y: 20 }, latency: { p50Ms: 5 } });
    addNode(d, 'cache', { x: 0, y: 0 });
    expect(addNode(d, 'service', { x: 0, y: 0 })).toBe('service2');
    expect(d.nodes.map((n) => n.label)).toEqual(['Service', 'Cache', 'Service 2']);
    expect(loadDiagramValue(d).ok).toBe(true);
    expect(() => addNode(d, 'nope', { x: 0, y: 0 })).toThrow('unknown kind nope');
  });

  it('gives every node its own copy of the defaults', () => {
    const d = emptyDiagram();
    addNode(d, 'service', { x: 0, y: 0 });
    addNode(d, 'service', { x: 0, y: 0 });
    d.nodes[0]!.latency!.p50Ms = 99;
    expect(d.nodes[1]!.latency!.p50Ms).toBe(5);
  });

  it('connects with fresh edge ids, writing the mode only when it is not sync', () => {
    const d = emptyDiagram();
    addNode(d, 'service', { x: 0, y: 0 });
    addNode(d, 'queue', { x: 0, y: 0 });
    expect(connect(d, 'service', 'queue')).toBe('e1');
    expect(connect(d, 'service', 'queue', 'async')).toBe('e2');
    expect(d.edges).toEqual([{ id: 'e1', source: 'service', target: 'queue' }, { id: 'e2', source: 'service', target: 'queue', mode: 'async' }]);
  });

  it('refuses a loop of sync or async calls but allows it offline, and says why', () => {
    const d = emptyDiagram();
    addNode(d, 'service', { x: 0, y: 0 });
    addNode(d, 'queue', { x: 0, y: 0 });
    connect(d, 'service', 'queue', 'async');
    expect(connectionProblem(d, 'queue', 'service')).toBe('"Service" already calls "Queue", so this would close a loop of calls; draw feedback as an offline edge');
    expect(connectionProblem(d, 'queue', 'service', 'async')).toMatch(/close a loop/);
    expect(connectionProblem(d, 'queue', 'service', 'offline')).toBeNull();
    expect(connectionProblem(d, 'service', 'service', 'offline')).toBe('"Service" cannot call itself');
    // A target that is not there yet is not refused here: the loader names dangling edges.
    expect(connectionProblem(d, 'service', 'ghost')).toBeNull();
  });

  it('moves only the given nodes, from the origin when they had no position', () => {
    const d = emptyDiagram();
    addNode(d, 'service', { x: 10, y: 10 });
    addNode(d, 'cache', { x: 50, y: 50 });
    delete d.nodes[1]!.position;
    addNode(d, 'queue', { x: 100, y: 100 });
    moveNodes(d, ['service', 'cache'], 5, -3);
    expect(d.nodes.map((n) => n.position)).toEqual([{ x: 15, y: 7 }, { x: 5, y: -3 }, { x: 100, y: 100 }]);
  });

  it('deletes selected edges alone, and a node with every edge touching it', () => {
    const d = emptyDiagram();
    for (const kind of ['service', 'cache', 'queue']) addNode(d, kind, { x: 0, y: 0 });
    connect(d, 'service', 'cache');
    connect(d, 'service', 'queue', 'async');
    connect(d, 'cache', 'queue', 'async');
    deleteSelection(d, { nodes: [], edges: ['e1'] });
    expect(d.edges.map((e) => e.id)).toEqual(['e2', 'e3']);
    expect(d.nodes).toHaveLength(3);
    deleteSelection(d, { nodes: ['queue'], edges: [] });
    expect(d.nodes.map((n) => n.id)).toEqual(['service', 'cache']);
    expect(d.edges).toEqual([]);
  });
});

describe('copy and paste', () => {
  it('copies nothing without selected nodes, and only the edges among the copied nodes', () => {
    const d = emptyDiagram();
    for (const kind of ['service', 'cache', 'queue']) addNode(d, kind, { x: 0, y: 0 });
    connect(d, 'service', 'cache');
    connect(d, 'cache', 'queue');
    expect(copySelection(d, { nodes: [], edges: ['e1'] })).toBeNull();
    const clip = copySelection(d, { nodes: ['service', 'cache'], edges: [] })!;
    expect(clip.format).toBe('mlsd-studio/clip');
    expect(clip.nodes.map((n) => n.id)).toEqual(['service', 'cache']);
    expect(clip.edges.map((e) => e.id)).toEqual(['e1']);
    clip.nodes[0]!.label = 'changed';
    expect(d.nodes[0]!.label).toBe('Service');
  });

  it('pastes into another document keeping groups it has and dropping groups it lacks', () => {
    const from = emptyDiagram();
    addNode(from, 'service', { x: 0, y: 0 });
    addNode(from, 'cache', { x: 10, y: 0 });
    from.nodes[0]!.group = 'online';
    from.nodes[1]!.group = 'special';
    const clip = copySelection(from, { nodes: ['service', 'cache'], edges: [] })!;
    const to = emptyDiagram();
    const selection = paste(to, clip, { x: 5, y: 7 });
    expect(selection).toEqual({ nodes: ['service', 'cache'], edges: [] });
    expect(to.nodes.map((n) => [n.id, n.group, n.position])).toEqual([
      ['service', 'online', { x: 5, y: 7 }],
      ['cache', undefined, { x: 15, y: 7 }],
    ]);
    expect('group' in to.nodes[1]!).toBe(false);
  });

  it('copies selected sticky notes and free text with the nodes, and pastes them with fresh ids beside the copies', () => {
    const d = emptyDiagram();
    addNode(d, 'service', { x: 0, y: 0 });
    addAnnotation(d, 'note', { x: 40, y: 50 }, 'Peak is 3x the average');
    addAnnotation(d, 'text', { x: 300, y: 0 }, 'Left out');
    d.annotations![0]!.colour = '#bbf7d0';
    d.annotations![0]!.width = 260;
    const clip = copySelection(d, { nodes: ['service'], edges: [], annotations: ['note1'] })!;
    expect(clip.annotations!.map((a) => a.text)).toEqual(['Peak is 3x the average']);
    clip.annotations![0]!.text = 'changed';
    expect(d.annotations![0]!.text).toBe('Peak is 3x the average');
    clip.annotations![0]!.text = 'Peak is 3x the average';

    const selection = paste(d, clip, { x: 32, y: 32 });
    expect(selection).toEqual({ nodes: ['service2'], edges: [], annotations: ['note2'] });
    expect(d.annotations).toEqual([
      { id: 'note1', kind: 'note', text: 'Peak is 3x the average', position: { x: 40, y: 50 }, colour: '#bbf7d0', width: 260 },
      { id: 'text1', kind: 'text', text: 'Left out', position: { x: 300, y: 0 } },
      { id: 'note2', kind: 'note', text: 'Peak is 3x the average', position: { x: 72, y: 82 }, colour: '#bbf7d0', width: 260 },
    ]);
    expect(loadDiagramValue(d).ok).toBe(true);
  });

  it('copies notes alone, and gives a pasted note an id no node, edge or group holds', () => {
    const from = emptyDiagram();
    addAnnotation(from, 'text', { x: 0, y: 0 }, 'SLO: p99 under 200 ms');
    expect(copySelection(from, { nodes: [], edges: [], annotations: ['missing'] })).toBeNull();
    const clip = copySelection(from, { nodes: [], edges: [], annotations: ['text1'] })!;
    expect(clip.nodes).toEqual([]);
    const to = emptyDiagram();
    to.groups!.push({ id: 'text1', label: 'Taken' });
    expect(paste(to, clip, { x: 10, y: 0 })).toEqual({ nodes: [], edges: [], annotations: ['text2'] });
    expect(to.annotations).toEqual([{ id: 'text2', kind: 'text', text: 'SLO: p99 under 200 ms', position: { x: 10, y: 0 } }]);
    expect(loadDiagramValue(to).ok).toBe(true);
  });
});

describe('groups', () => {
  it('starts a new document with the online and offline groups and nothing else', () => {
    expect(emptyDiagram()).toEqual({
      format: 'mlsd-studio/diagram', version: 1, title: 'Untitled design',
      groups: [{ id: 'online', label: 'Online serving' }, { id: 'offline', label: 'Offline pipelines' }], nodes: [], edges: [],
    });
    expect(emptyDiagram('Feed').title).toBe('Feed');
  });

  it('groups nodes under a fresh id, numbering a label already used', () => {
    const d = emptyDiagram();
    for (const kind of ['service', 'cache', 'queue']) addNode(d, kind, { x: 0, y: 0 });
    expect(groupNodes(d, ['service', 'cache'])).toBe('group');
    expect(groupNodes(d, ['queue'])).toBe('group2');
    expect(d.groups![2]).toEqual({ id: 'group', label: 'Group' });
    // "Group" is taken, so the new one takes the lowest free number.
    expect(d.groups![3]).toEqual({ id: 'group2', label: 'Group 2' });
    expect(d.nodes.map((n) => n.group)).toEqual(['group', 'group', 'group2']);
    const bare = { ...emptyDiagram(), groups: undefined };
    addNode(bare, 'service', { x: 0, y: 0 });
    expect(groupNodes(bare, ['service'], 'Serving')).toBe('group');
    expect(bare.groups).toEqual([{ id: 'group', label: 'Serving' }]);
  });

  it('ungroups nodes, dropping a group only once it is empty, and renames groups', () => {
    const d = emptyDiagram();
    for (const kind of ['service', 'cache', 'queue']) addNode(d, kind, { x: 0, y: 0 });
    groupNodes(d, ['service', 'cache'], 'Pair');
    d.nodes[2]!.group = 'online';
    ungroupNodes(d, ['service']);
    expect(d.groups!.map((g) => g.id)).toEqual(['online', 'offline', 'group']);
    ungroupNodes(d, ['cache', 'queue']);
    expect(d.groups!.map((g) => g.id)).toEqual(['offline']);
    expect(d.nodes.every((n) => n.group === undefined)).toBe(true);
    renameGroup(d, 'offline', 'Batch');
    renameGroup(d, 'missing', 'X');
    expect(d.groups).toEqual([{ id: 'offline', label: 'Batch' }]);
    const bare = { ...emptyDiagram(), groups: undefined };
    addNode(bare, 'service', { x: 0, y: 0 });
    ungroupNodes(bare, ['service']);
    renameGroup(bare, 'online', 'X');
    expect(bare.groups).toBeUndefined();
  });
});
