import { describe, expect, it } from 'vitest';
import { loadDiagram } from '../../shared/model/load';
import { migrate, type Migration } from '../../shared/model/migrations';
import { fixtureJson } from '../helpers';

/** A synthetic version 0: nodes were called "components" and latency was one number, "ms". */
const toV1: Migration = {
  from: 0,
  name: 'rename components to nodes; latency ms becomes p50Ms and p99Ms',
  up: (doc) => {
    const { components, ...rest } = doc as { components: Record<string, unknown>[] };
    return {
      ...rest,
      nodes: components.map(({ ms, ...node }) => (ms === undefined ? node : { ...node, latency: { p50Ms: ms, p99Ms: ms } })),
    };
  },
};

function versionZero(): Record<string, unknown> {
  const v1 = fixtureJson('small-search.mlsd.json');
  const components = v1.nodes.map(({ latency, ...node }: any) => (latency ? { ...node, ms: latency.p50Ms } : node));
  const { nodes: _nodes, ...rest } = v1;
  return { ...rest, version: 0, components };
}

describe('format migrations', () => {
  it('upgrades a version 0 file through its named step, without touching the input', () => {
    const v0 = versionZero();
    const before = JSON.stringify(v0);
    const result = loadDiagram(JSON.stringify(v0), { migrations: [toV1] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migrations).toEqual([toV1.name]);
    expect(result.diagram.version).toBe(1);
    expect(result.diagram.nodes[3]!.latency).toEqual({ p50Ms: 8, p99Ms: 8 });
    expect(JSON.stringify(v0)).toBe(before);
  });

  it('says which step is missing when a version cannot be migrated', () => {
    const result = loadDiagram(JSON.stringify(versionZero()), { migrations: [] });
    expect(result).toEqual({
      ok: false,
      problems: [{ path: 'version', message: 'version 0 files cannot be read: no migration from version 0 to 1' }],
    });
  });

  it('validates the migrated document like any other', () => {
    const broken = { ...versionZero(), components: [{ id: 'x', kind: 'service', label: 'X', ms: -1 }] };
    const result = loadDiagram(JSON.stringify(broken), { migrations: [toV1] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain('nodes[0].latency.p50Ms');
  });

  it('chains steps in order', () => {
    const steps: Migration[] = [
      { from: 1, name: 'b', up: (d) => ({ ...d, trail: [...(d.trail as string[]), 'b'] }) },
      { from: 0, name: 'a', up: (d) => ({ ...d, trail: ['a'] }) },
    ];
    const result = migrate({ version: 0 }, 0, 2, steps);
    expect(result).toEqual({ ok: true, doc: { version: 2, trail: ['a', 'b'] }, applied: ['a', 'b'] });
  });

  it("never changes the caller's document, even when a step edits its input in place", () => {
    const careless: Migration = {
      from: 0,
      name: 'renames title in place',
      up: (doc) => {
        doc.title = `${String(doc.title)} (migrated)`;
        (doc.nodes as { label: string }[]).forEach((node) => (node.label = node.label.toUpperCase()));
        return doc;
      },
    };
    const original = { version: 0, title: 'Feed', nodes: [{ label: 'api' }] };
    const result = migrate(original, 0, 1, [careless]);
    expect(result).toEqual({ ok: true, doc: { version: 1, title: 'Feed (migrated)', nodes: [{ label: 'API' }] }, applied: [careless.name] });
    expect(original).toEqual({ version: 0, title: 'Feed', nodes: [{ label: 'api' }] });
  });

  it('with nothing to migrate, returns the input itself, unchanged (a large file is not copied for nothing)', () => {
    const original = { version: 1, nodes: [{ id: 'a' }] };
    const result = migrate(original, 1, 1, []);
    expect(result).toEqual({ ok: true, doc: { version: 1, nodes: [{ id: 'a' }] }, applied: [] });
    if (result.ok) expect(result.doc).toBe(original);
  });
});
