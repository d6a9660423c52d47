import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadDiagram } from '../shared/model/load';
import type { Diagram, DiagramEdge, DiagramNode } from '../shared/model/schema';

/** Absolute path of a file under tests/fixtures. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

/** The parsed JSON of a fixture, for tests that break it on purpose. */
export function fixtureJson(name: string): Record<string, any> {
  return JSON.parse(readFileSync(fixturePath(name), 'utf8'));
}

/** Loads a diagram that must be valid, failing the test with its problems otherwise. */
export function mustLoad(value: unknown): Diagram {
  const result = loadDiagram(JSON.stringify(value));
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.diagram;
}

/** A minimal valid diagram from nodes and edges. */
export function diagramOf(nodes: DiagramNode[], edges: Partial<DiagramEdge>[] = [], extra: Partial<Diagram> = {}): Diagram {
  return mustLoad({
    format: 'mlsd-studio/diagram',
    version: 1,
    title: 'Test',
    nodes,
    edges: edges.map((e, i) => ({ id: `e${i}`, ...e })),
    ...extra,
  });
}
