import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderDrawio, routeMidpoint } from '../../shared/export/drawio';
import { pictureOf } from '../../shared/export/geometry';
import { estimate } from '../../shared/estimator/estimate';
import { findKind } from '../../shared/kinds';
import { annotationBox } from '../../shared/layout/annotationBox';
import type { Diagram } from '../../shared/model/schema';
import { annotatedSearch, inputOf, smallSearch } from '../exportInput';

type Geometry = { x?: string; y?: string; width?: string; height?: string; mxPoint?: { x: string; y: string; as: string } };
type Cell = { style: string; parent: string; source?: string; target?: string; mxGeometry: Geometry };
type DrawioObject = { id: string; label: string; mxCell: Cell };

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
const objectsOf = (text: string) => [xml.parse(text).mxfile.diagram.mxGraphModel.root.object].flat() as DrawioObject[];
const styleValue = (style: string, key: string) => Number(new RegExp(`(?:^|;)${key}=([-\\d.]+);`).exec(style)![1]);

describe('the middle of a route by length', () => {
  it('is halfway along the whole route, whichever stretch it falls in', () => {
    expect(routeMidpoint([{ x: 0, y: 0 }, { x: 30, y: 40 }])).toEqual({ x: 15, y: 20 });
    expect(routeMidpoint([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 30 }])).toEqual({ x: 10, y: 10 });
    expect(routeMidpoint([{ x: 0, y: 0 }, { x: 30, y: 0 }, { x: 30, y: 10 }])).toEqual({ x: 20, y: 0 });
  });

  it('skips stretches of no length, and is the last point of a route that goes nowhere', () => {
    expect(routeMidpoint([{ x: 0, y: 0 }, { x: 0, y: 0 }, { x: 10, y: 0 }])).toEqual({ x: 5, y: 0 });
    expect(routeMidpoint([{ x: 3, y: 3 }, { x: 3, y: 3 }])).toEqual({ x: 3, y: 3 });
    expect(routeMidpoint([{ x: 4, y: 5 }])).toEqual({ x: 4, y: 5 });
    expect(routeMidpoint([])).toEqual({ x: 0, y: 0 });
  });
});

const design = annotatedSearch;

describe('a draw.io file', () => {
  it('puts sticky notes and free text where the picture has them, notes yellow or in their own colour', () => {
    const diagram = design();
    const objects = objectsOf(renderDrawio(inputOf(diagram)));
    for (const annotation of diagram.annotations!) {
      const cell = objects.find((o) => o.id === `a_${annotation.id}`)!;
      expect(cell.label).toBe(annotation.text);
      const box = annotationBox(annotation);
      expect(cell.mxCell.mxGeometry).toEqual({ x: String(box.x), y: String(box.y), width: String(box.width), height: String(box.height), as: 'geometry' });
      expect(cell.mxCell.parent).toBe('1');
    }
    expect(objects.find((o) => o.id === 'a_n1')!.mxCell.style).toBe('shape=note;size=14;whiteSpace=wrap;html=1;fillColor=#fef08a;strokeColor=#ca8a04;align=left;verticalAlign=top;spacingLeft=6;fontSize=13;');
    expect(objects.find((o) => o.id === 'a_n2')!.mxCell.style).toContain('fillColor=#bfdbfe;');
    expect(objects.find((o) => o.id === 'a_t1')!.mxCell.style).toBe('text;whiteSpace=wrap;html=1;align=left;verticalAlign=top;fontSize=13;');
  });

  it('starts and ends each edge on its boxes\' sides, where the picture\'s route does', () => {
    const diagram = design();
    const objects = objectsOf(renderDrawio(inputOf(diagram)));
    const picture = pictureOf(diagram);
    const boxes = new Map(picture.nodes.map((n) => [n.id, n]));
    for (const { edge, points } of picture.edges) {
      const style = objects.find((o) => o.id === `e_${edge.id}`)!.mxCell.style;
      for (const [end, box, point] of [['exit', boxes.get(edge.source)!, points[0]!], ['entry', boxes.get(edge.target)!, points.at(-1)!]] as const) {
        const [x, y] = [styleValue(style, `${end}X`), styleValue(style, `${end}Y`)];
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(1);
        // To the hundredth of a side draw.io's ports are written to.
        expect(Math.abs(box.x + x * box.width - point.x)).toBeLessThanOrEqual(box.width / 200 + 1e-9);
        expect(Math.abs(box.y + y * box.height - point.y)).toBeLessThanOrEqual(box.height / 200 + 1e-9);
        expect([styleValue(style, `${end}Dx`), styleValue(style, `${end}Dy`)]).toEqual([0, 0]);
      }
    }
  });

  it('gives an edge without a caption no label offset', () => {
    const diagram = design();
    for (const edge of diagram.edges) delete edge.label;
    for (const edge of diagram.edges) delete (edge as { calls?: unknown }).calls;
    const edges = objectsOf(renderDrawio(inputOf(diagram))).filter((o) => o.mxCell.source);
    expect(edges).toHaveLength(diagram.edges.length);
    for (const edge of edges) {
      expect(edge.label).toBe('');
      expect(edge.mxCell.mxGeometry.mxPoint).toBeUndefined();
    }
  });

  it('outlines each node in its kind\'s colour (grey for a kind it does not know), inside its group or on the page', () => {
    const diagram = design();
    const objects = objectsOf(renderDrawio(inputOf(diagram)));
    const picture = pictureOf(diagram);
    for (const node of diagram.nodes) {
      const cell = objects.find((o) => o.id === `n_${node.id}`)!.mxCell;
      expect(styleValue(cell.style, 'strokeWidth')).toBe(2);
      expect(cell.style).toContain(`strokeColor=${findKind(node.kind)?.colour ?? '#64748b'};`);
      const box = picture.nodes.find((n) => n.id === node.id)!;
      const group = picture.groups.find((g) => g.members.includes(node.id));
      expect(cell.parent).toBe(group ? `g_${group.id}` : '1');
      expect([Number(cell.mxGeometry.x), Number(cell.mxGeometry.y)]).toEqual([box.x - (group?.x ?? 0), box.y - (group?.y ?? 0)]);
    }
    expect(objects.find((o) => o.id === 'n_' + diagram.nodes[2]!.id)!.label).toContain('<font color="#64748b">mystery-box</font>');
  });

  it('adds a node\'s figures as a third line only when figures are asked for', () => {
    const diagram = smallSearch();
    const withFigures = objectsOf(renderDrawio({ ...inputOf(diagram), estimate: estimate(diagram), figures: true }));
    const without = objectsOf(renderDrawio({ ...inputOf(diagram), estimate: estimate(diagram), figures: false }));
    for (const node of diagram.nodes) {
      expect(withFigures.find((o) => o.id === `n_${node.id}`)!.label.split('<br>')).toHaveLength(3);
      expect(without.find((o) => o.id === `n_${node.id}`)!.label.split('<br>')).toHaveLength(2);
    }
  });
});
