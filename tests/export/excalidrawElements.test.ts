import { describe, expect, it } from 'vitest';
import { renderExcalidraw } from '../../shared/export/excalidraw';
import { pictureOf } from '../../shared/export/geometry';
import { textWidth } from '../../shared/export/scene';
import { estimate } from '../../shared/estimator/estimate';
import { findKind } from '../../shared/kinds';
import { annotationBox } from '../../shared/layout/annotationBox';
import type { Diagram } from '../../shared/model/schema';
import { annotatedSearch, emptyDesign, inputOf, smallSearch } from '../exportInput';

type Element = Record<string, any> & { id: string; type: string; x: number; y: number; width: number; height: number };
const elementsOf = (diagram: Diagram, figures = false): Element[] =>
  JSON.parse(renderExcalidraw({ ...inputOf(diagram), estimate: estimate(diagram), figures })).elements;

const design = annotatedSearch;

describe('an Excalidraw scene', () => {
  it('of an empty design is a scene with no elements', () => {
    const scene = JSON.parse(renderExcalidraw(inputOf(emptyDesign())));
    expect(scene).toEqual({ type: 'excalidraw', version: 2, source: 'MLSD Studio', elements: [], appState: { viewBackgroundColor: '#ffffff', gridSize: null }, files: {} });
  });

  it('carries the design\'s own fields on its first element only', () => {
    const elements = elementsOf(design());
    expect(elements[0]!.customData.mlsdDiagram).toMatchObject({ title: smallSearch().title });
    expect(elements.slice(1).filter((e) => e.customData?.mlsdDiagram)).toEqual([]);
  });

  it('draws each arrow from the route\'s start through its bends, styled by mode and bound to both boxes', () => {
    const diagram = design();
    diagram.edges[0]!.mode = 'async';
    diagram.edges[1]!.mode = 'offline';
    const elements = elementsOf(diagram);
    const picture = pictureOf(diagram);
    const styles = { sync: ['#1e1e1e', 'solid'], async: ['#7c3aed', 'dashed'], offline: ['#94a3b8', 'dotted'] };
    for (const { edge, points } of picture.edges) {
      const arrow = elements.find((e) => e.id === `e_${edge.id}`)!;
      const [start] = points as [{ x: number; y: number }];
      expect([arrow.x, arrow.y]).toEqual([start.x, start.y]);
      expect(arrow.points).toEqual(points.map((p) => [p.x - start.x, p.y - start.y]));
      const xs = points.map((p) => p.x);
      const ys = points.map((p) => p.y);
      expect(arrow.width).toBeCloseTo(Math.max(...xs) - Math.min(...xs), 9);
      expect(arrow.height).toBeCloseTo(Math.max(...ys) - Math.min(...ys), 9);
      expect([arrow.strokeColor, arrow.strokeStyle, arrow.strokeWidth]).toEqual([...styles[edge.mode ?? 'sync'], 1]);
      expect([arrow.startBinding.elementId, arrow.endBinding.elementId]).toEqual([`n_${edge.source}`, `n_${edge.target}`]);
      expect(arrow.customData.mlsdId).toBe(edge.id);
      for (const end of [edge.source, edge.target]) expect(elements.find((e) => e.id === `n_${end}`)!.boundElements).toContainEqual({ type: 'arrow', id: `e_${edge.id}` });
    }
  });

  it('writes each caption in grey on its arrow, at the box the layout kept for it', () => {
    const diagram = design();
    const elements = elementsOf(diagram);
    const picture = pictureOf(diagram, (e) => (e.label ? [e.label] : []));
    let captioned = 0;
    for (const { edge } of picture.edges) {
      const arrow = elements.find((e) => e.id === `e_${edge.id}`)!;
      const label = elements.find((e) => e.id === `e_${edge.id}-label`);
      if (!label) {
        expect(arrow.boundElements).toEqual([]);
        continue;
      }
      captioned++;
      expect(arrow.boundElements).toEqual([{ type: 'text', id: label.id }]);
      expect(label).toMatchObject({ type: 'text', containerId: arrow.id, strokeColor: '#64748b', fontSize: 12, textAlign: 'center', verticalAlign: 'middle' });
    }
    expect(captioned).toBeGreaterThan(0);
  });

  it('outlines each node in its kind\'s colour (grey for a kind it does not know), its name and kind centred inside', () => {
    const diagram = design();
    const elements = elementsOf(diagram);
    for (const box of pictureOf(diagram).nodes) {
      const node = diagram.nodes.find((n) => n.id === box.id)!;
      const rect = elements.find((e) => e.id === `n_${node.id}`)!;
      expect(rect).toMatchObject({ type: 'rectangle', x: box.x, y: box.y, width: box.width, height: box.height, strokeColor: findKind(node.kind)?.colour ?? '#64748b', backgroundColor: '#ffffff', roundness: { type: 3 } });
      expect(rect.boundElements[0]).toEqual({ type: 'text', id: `n_${node.id}-label` });
      expect(rect.customData).toMatchObject({ mlsdId: node.id, mlsdLabel: node.label });
      expect('mlsdInGroup' in rect.customData).toBe(node.group !== undefined);
      const label = elements.find((e) => e.id === `n_${node.id}-label`)!;
      const lines = [...box.lines, findKind(node.kind)?.label ?? node.kind];
      expect(label).toMatchObject({ text: lines.join('\n'), x: box.x + 8, y: box.y + 10, fontSize: 14, containerId: rect.id, textAlign: 'center', verticalAlign: 'middle', height: lines.length * 14 * 1.25 });
      expect(label.width).toBeCloseTo(Math.max(...lines.map((l) => textWidth(l, 14))), 9);
    }
    expect(elements.find((e) => e.id === 'n_' + diagram.nodes[2]!.id + '-label')!.text.split('\n').at(-1)).toBe('mystery-box');
  });

  it('adds a node\'s figures as a last line only when figures are asked for', () => {
    const diagram = smallSearch();
    const withFigures = elementsOf(diagram, true);
    const without = elementsOf(diagram, false);
    for (const node of diagram.nodes) {
      const lines = (elements: Element[]) => elements.find((e) => e.id === `n_${node.id}-label`)!.text.split('\n').length;
      expect(lines(withFigures)).toBe(lines(without) + 1);
    }
  });

  it('draws sticky notes as yellow cards (or their own colour) with their text at the top left, and free text on its own', () => {
    const diagram = design();
    const elements = elementsOf(diagram);
    for (const annotation of diagram.annotations!) {
      const box = annotationBox(annotation);
      const element = elements.find((e) => e.id === `a_${annotation.id}`)!;
      expect(element.customData).toEqual({ mlsdAnnotation: annotation.id });
      if (annotation.kind === 'text') {
        expect(element).toMatchObject({ type: 'text', text: box.lines.join('\n'), x: box.x, y: box.y, fontSize: 13, containerId: null, textAlign: 'left', verticalAlign: 'top' });
        continue;
      }
      expect(element).toMatchObject({ type: 'rectangle', x: box.x, y: box.y, width: box.width, height: box.height, strokeColor: '#ca8a04', backgroundColor: annotation.colour ?? '#fef08a', strokeWidth: 1, boundElements: [{ type: 'text', id: `a_${annotation.id}-label` }] });
      const label = elements.find((e) => e.id === `a_${annotation.id}-label`)!;
      expect(label).toMatchObject({ text: box.lines.join('\n'), x: box.x + box.padding, y: box.y + box.padding, fontSize: 13, containerId: element.id, textAlign: 'left', verticalAlign: 'top', strokeColor: '#1e1e1e' });
    }
  });

  it('carries every node\'s and edge\'s own fields in customData, in the model\'s order after the ids (a group, notes, an empty label too)', () => {
    const base = design();
    const diagram: Diagram = {
      ...base,
      groups: [{ id: 'serving', label: 'Serving' }],
      nodes: base.nodes.map((n, i) => (i === 0 ? { ...n, group: 'serving', notes: 'the "front" door & <more>' } : n)),
      edges: base.edges.map((e, i) => (i === 0 ? { ...e, label: '' } : i === 1 ? { ...e, label: 'reads "hot" keys' } : e)),
    };
    const elements = elementsOf(diagram);
    const byId = new Map(elements.map((e) => [e.id, e]));
    for (const [i, node] of diagram.nodes.entries()) {
      const { id, label, group, ...rest } = node;
      const expected = { mlsdId: id, mlsdLabel: label, ...(group !== undefined && { mlsdInGroup: group }), ...rest };
      const data = byId.get(`n_${node.id.replaceAll('_', '__')}`)!.customData;
      expect(JSON.stringify(data), `node ${i}`).toBe(JSON.stringify(i === 0 && !diagram.groups?.length ? { ...expected, mlsdDiagram: data.mlsdDiagram } : expected));
    }
    for (const edge of diagram.edges) {
      const { id, source: _source, target: _target, label, ...rest } = edge;
      const data = byId.get(`e_${edge.id.replaceAll('_', '__')}`)!.customData;
      expect(JSON.stringify(data)).toBe(JSON.stringify({ mlsdId: id, ...rest, ...(label !== undefined && { label }) }));
    }
    expect(byId.get(`n_${diagram.nodes[0]!.id.replaceAll('_', '__')}`)!.customData).toMatchObject({ mlsdInGroup: 'serving', notes: 'the "front" door & <more>' });
  });
});
