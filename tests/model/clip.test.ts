import { describe, expect, it } from 'vitest';
import { loadClip } from '../../shared/model/load';

const clip = (nodes: unknown[], edges: unknown[] = []) => ({ format: 'mlsd-studio/clip', nodes, edges });
const api = (id = 'api', extra: Record<string, unknown> = {}) => ({ id, kind: 'service', label: 'API', ...extra });

describe('checking a clip from the clipboard like a file', () => {
  it('accepts copied nodes with the edges among them, keeping their groups', () => {
    const result = loadClip(clip([api('a', { group: 'online' }), api('b')], [{ id: 'e1', source: 'a', target: 'b' }]));
    expect(result).toMatchObject({ ok: true, droppedEdges: 0, edges: [{ id: 'e1', source: 'a', target: 'b' }] });
    expect(result.ok && result.nodes.map((n) => n.group)).toEqual(['online', undefined]);
  });

  it('drops edges to nodes that were not copied, and says how many', () => {
    const result = loadClip(clip([api('a')], [{ id: 'e1', source: 'outside', target: 'a' }, { id: 'e2', source: 'a', target: 'ghost' }]));
    expect(result).toMatchObject({ ok: true, droppedEdges: 2, edges: [] });
  });

  it('accepts copied notes, alone or with nodes', () => {
    const note = { id: 'note1', kind: 'note', text: 'Ask about peaks', position: { x: 0, y: 0 } };
    expect(loadClip({ ...clip([]), annotations: [note] })).toMatchObject({ ok: true, nodes: [], annotations: [note] });
    expect(loadClip({ ...clip([api('a')]), annotations: [note] })).toMatchObject({ ok: true, nodes: [{ id: 'a' }], annotations: [note] });
    expect(loadClip(clip([api('a')]))).toMatchObject({ ok: true, annotations: [] });
  });

  it.each([
    ['notes that are not a list', { ...clip([api('a')]), annotations: 'note' }, 'the copied notes are not a list'],
    ['an empty note', { ...clip([]), annotations: [{ id: 'n', kind: 'note', text: '', position: { x: 0, y: 0 } }] }, 'annotations[0].text'],
    ['a note with the id of a copied node', { ...clip([api('a')]), annotations: [{ id: 'a', kind: 'text', text: 'x', position: { x: 0, y: 0 } }] }, 'annotations[0].id'],
    ['something not ours', { format: 'other', nodes: [], edges: [] }, 'the clipboard holds no MLSD Studio nodes'],
    ['no nodes', clip([]), 'the clipboard holds no nodes'],
    ['a node without a kind', clip([{ id: 'evil', label: 'no kind' }]), 'the copied nodes are not valid: nodes[0].kind: '],
    ['an id that is a built-in property', clip([api('__proto__')]), 'nodes[0].id: must start with a letter'],
    ['a price that is a built-in property', clip([api('a', { cost: { instance: 'constructor' } })]), 'nodes[0].cost.instance: no instance type "constructor"'],
    ['two nodes with one id', clip([api('a'), api('a')]), 'nodes[1].id: duplicate id "a"'],
    ['a loop of calls', clip([api('a'), api('b')], [{ id: 'e1', source: 'a', target: 'b' }, { id: 'e2', source: 'b', target: 'a' }]), 'sync and async edges form a cycle'],
    ['an unknown field', clip([api('a', { script: 'x' })]), 'nodes[0].script: unknown field'],
  ])('refuses %s, saying why', (_what, value, reason) => {
    const result = loadClip(value);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });
});
