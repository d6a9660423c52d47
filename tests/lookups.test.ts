import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionSpec, ACTIONS } from '../shared/actions';
import { blueprint, BLUEPRINT_SLUGS } from '../shared/blueprints';
import { DEFAULT_CATALOG, instancePrice, storageClassPrice } from '../shared/catalog';
import { parseArgs } from '../shared/cli/args';
import { COMMANDS, findCommand, runCli } from '../shared/cli/main';
import { estimate } from '../shared/estimator/estimate';
import { EXPORT_FORMATS, exportFormat } from '../shared/export/registry';
import { reasonOf } from '../shared/fileErrors';
import { findKind, KIND_IDS } from '../shared/kinds';
import { loadDiagramValue } from '../shared/model/load';
import { nodeIO } from '../cli/nodeIO';

/** `constructor`, `__proto__`, `toString`, `hasOwnProperty`…: names every plain object answers to. */
const BUILT_IN = Object.getOwnPropertyNames(Object.prototype);

const diagramWith = (node: Record<string, unknown>) => ({
  format: 'mlsd-studio/diagram', version: 1, title: 'Lookup',
  nodes: [{ id: 'users', kind: 'traffic', label: 'Users', traffic: { qps: 10 } }, { id: 'api', kind: 'service', label: 'API', ...node }],
  edges: [{ id: 'e1', source: 'users', target: 'api' }],
});

const quietIO = (sink: string[]) => ({ ...nodeIO, stdout: (t: string) => void sink.push(t), stderr: (t: string) => void sink.push(t) });

/** Every lookup by name, with whether the name is one it really holds. */
function checkLookups(name: string): void {
  const isInstance = Object.keys(DEFAULT_CATALOG.instances).includes(name);
  const isStorage = Object.keys(DEFAULT_CATALOG.storageClasses).includes(name);
  expect(instancePrice(DEFAULT_CATALOG, name) !== undefined).toBe(isInstance);
  expect(storageClassPrice(DEFAULT_CATALOG, name) !== undefined).toBe(isStorage);
  expect(findKind(name) !== undefined).toBe(KIND_IDS.includes(name));
  expect(blueprint(name) !== undefined).toBe(BLUEPRINT_SLUGS.includes(name));
  expect(exportFormat(name) !== undefined).toBe(EXPORT_FORMATS.some((f) => f.id === name));
  expect(findCommand(name) !== undefined).toBe(Object.keys(COMMANDS).includes(name));
  expect(actionSpec(name) !== undefined).toBe(ACTIONS.some((a) => a.id === name));
  expect(parseArgs([`--${name}`], { json: true }).ok).toBe(name === 'json');
  expect(reasonOf(Object.assign(new Error('raw'), { code: name }))).toBe('raw');
}

describe('lookups by name see only real entries', () => {
  it('treats every built-in object property name as unknown, in every registry', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...BUILT_IN), fc.string({ minLength: 1, maxLength: 12 })), (name) => checkLookups(name)),
      { examples: BUILT_IN.map((name) => [name]), numRuns: 300 },
    );
  });

  it('says "constructor" is no instance type, with the usual message, and never prices it at $0', () => {
    const result = loadDiagramValue(diagramWith({ cost: { instance: 'constructor' } }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([{ path: 'nodes[1].cost.instance', code: 'unknown-price', message: 'no instance type "constructor" in the price catalog' }]);
    const storage = loadDiagramValue(diagramWith({ kind: 'objectStore', storage: { bytes: 1e12 }, cost: { storageClass: 'toString' } }));
    expect(storage.ok ? [] : storage.problems.map((p) => p.path)).toEqual(['nodes[1].cost.storageClass']);
    // The estimator, given such a node anyway, has no price for it rather than a price of $0 from Object.prototype.
    const figures = estimate(diagramWith({ latency: { p50Ms: 5, p99Ms: 20 }, capacity: { replicas: 2 }, cost: { instance: 'constructor' } }) as never);
    expect(figures.totals.costUsdPerMonth).toBe(0);
  });

  it('names a kind or a command that is a built-in property as unknown, with exit 2 and no internal error', async () => {
    const kind = loadDiagramValue(diagramWith({ kind: 'constructor' }));
    expect(kind.ok ? [] : kind.problems.map((p) => p.path)).toEqual(['nodes[1].kind']);
    for (const name of BUILT_IN) {
      const out: string[] = [];
      expect(await runCli([name], quietIO(out), '0')).toBe(2);
      expect(out.join('')).toMatch(new RegExp(`^mlsd: unknown command "${name.replace(/[_$]/g, '\\$&')}"`));
      const help: string[] = [];
      expect(await runCli(['help', name], quietIO(help), '0')).toBe(0);
      expect(help.join('')).toContain('Usage: mlsd COMMAND');
    }
  });
});
