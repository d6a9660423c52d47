import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../shared/catalog';
import { estimate } from '../../shared/estimator/estimate';
import { storageBytes } from '../../shared/estimator/storage';
import { findKind, KINDS } from '../../shared/kinds';
import { loadDiagram } from '../../shared/model/load';

const FORMAT_KINDS = [
  'traffic', 'gateway', 'service', 'cache', 'featureStore', 'vectorIndex', 'searchIndex', 'model', 'database',
  'objectStore', 'queue', 'streamProcessor', 'batchJob', 'training', 'modelRegistry', 'dataLake', 'monitoring',
  'labeling', 'experimentation', 'externalApi',
];

function withDefaults(kindId: string) {
  const kind = findKind(kindId)!;
  const traffic = { id: 'users', kind: 'traffic', label: 'Users', traffic: { qps: 100 } };
  const node = { id: 'n', kind: kind.id, label: kind.label, ...kind.defaults };
  const nodes = kind.id === 'traffic' ? [node] : [traffic, node];
  const edges = kind.id === 'traffic' ? [] : [{ id: 'e', source: 'users', target: 'n' }];
  return { format: 'mlsd-studio/diagram', version: 1, title: kind.label, nodes, edges };
}

describe('the component kinds', () => {
  it('are exactly the twenty kinds of format version 1, each defined once', () => {
    expect(KINDS.map((k) => k.id).sort()).toEqual([...FORMAT_KINDS].sort());
    expect(new Set(KINDS.map((k) => k.colour)).size).toBe(KINDS.length);
  });

  it.each(KINDS.map((k) => [k.id]))('%s: its palette defaults validate and estimate', (kindId) => {
    const result = loadDiagram(JSON.stringify(withDefaults(kindId)));
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    const figures = estimate(result.diagram);
    expect(figures.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const node = figures.nodes.find((n) => n.id === 'n')!;
    expect(node.latencyMs).not.toBeNull();
    expect(Number.isFinite(node.costUsdPerMonth.total)).toBe(true);
  });

  it.each(KINDS.map((k) => [k.id]))('%s: its default blocks are ones the kind takes, and its prices exist', (kindId) => {
    const kind = findKind(kindId)!;
    for (const block of ['traffic', 'latency', 'capacity', 'cache', 'storage', 'cost'] as const) {
      if (kind.defaults[block]) expect(kind.blocks).toContain(block);
    }
    if (kind.defaults.cost?.instance) expect(DEFAULT_CATALOG.instances).toHaveProperty([kind.defaults.cost.instance]);
    if (kind.defaults.cost?.storageClass) expect(DEFAULT_CATALOG.storageClasses).toHaveProperty([kind.defaults.cost.storageClass]);
    expect(kind.params === undefined).toBe(kind.defaults.params === undefined);
  });

  it('derives a vector index size from its counts: 1B x 256 float32 = 1.024 TB', () => {
    const node = { id: 'v', kind: 'vectorIndex', label: 'V', params: { vectors: 1e9, dimensions: 256, bytesPerDimension: 4, indexOverhead: 1 } };
    expect(storageBytes(node, 0)).toBe(1.024e12);
  });

  it('derives the other kinds storage from their params', () => {
    expect(storageBytes({ id: 'f', kind: 'featureStore', label: 'F', params: { entities: 1e6, featuresPerEntity: 100, bytesPerFeature: 4 } }, 0)).toBe(4e8);
    expect(storageBytes({ id: 'm', kind: 'model', label: 'M', params: { parameters: 7e9, bytesPerParameter: 2 } }, 0)).toBe(1.4e10);
    expect(storageBytes({ id: 'r', kind: 'modelRegistry', label: 'R', params: { versionsKept: 10, modelBytes: 1e9 } }, 0)).toBe(1e10);
    expect(storageBytes({ id: 's', kind: 'searchIndex', label: 'S', params: { documents: 1e6, bytesPerDocument: 1000, indexOverhead: 2 } }, 0)).toBe(2e9);
  });

  it('lets a storage block win over the params', () => {
    const node = { id: 'v', kind: 'vectorIndex', label: 'V', storage: { bytes: 5 }, params: { vectors: 1, dimensions: 1, bytesPerDimension: 1, indexOverhead: 1 } };
    expect(storageBytes(node, 0)).toBe(5);
  });
});
