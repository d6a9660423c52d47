import { describe, expect, it } from 'vitest';
import { boxesOverlap, segmentCrossesBox, type Box } from '../../shared/layout/boxes';
import { edgeGeometry } from '../../shared/layout/edgeGeometry';
import { plainRoute, routeBetween, ROUTE_CLEARANCE } from '../../shared/layout/router';
import type { Diagram } from '../../shared/model/schema';

const crosses = (points: { x: number; y: number }[], box: Box) => points.slice(1).some((b, i) => segmentCrossesBox(points[i]!, b, box));
const orthogonal = (points: { x: number; y: number }[]) => points.slice(1).every((b, i) => b.x === points[i]!.x || b.y === points[i]!.y);

describe('orthogonal router', () => {
  const source = { x: 0, y: 0, width: 220, height: 84 };
  const target = { x: 700, y: 0, width: 220, height: 84 };
  const wall = { x: 330, y: -60, width: 240, height: 200 };

  it('goes around a node in the way, orthogonally, from the source side facing the target to the target', () => {
    const route = routeBetween(source, target, [wall]);
    expect(orthogonal(route)).toBe(true);
    expect(crosses(route, wall)).toBe(false);
    expect(route[0]!.x).toBe(source.x + source.width);
    expect(route.at(-1)!.x).toBe(target.x);
    expect(route.length).toBeGreaterThan(2);
  });

  it('searches within a budget shared by many routes, then draws plain routes', () => {
    const budget = { gridPoints: 1_000_000 };
    const searched = routeBetween(source, target, [wall], [], [], budget);
    expect(crosses(searched, wall)).toBe(false);
    expect(budget.gridPoints).toBeLessThan(1_000_000);
    const spent = { gridPoints: 0 };
    const plain = routeBetween(source, target, [wall], [], [], spent);
    expect(plain).toEqual([{ x: 220, y: 42 }, { x: 700, y: 42 }]);
    expect(spent.gridPoints).toBe(0);
  });

  it('draws a plain route with no point that adds nothing: straight across, stepping at the bend, or ending there', () => {
    const at = (x: number, y: number): Box => ({ x, y, width: 220, height: 84 });
    // Across at the same height: one segment.
    expect(plainRoute(at(0, 0), at(400, 0))).toEqual([{ x: 220, y: 42 }, { x: 400, y: 42 }]);
    // A step: out by the clearance, down, across.
    expect(plainRoute(at(0, 0), at(400, 100))).toEqual([{ x: 220, y: 42 }, { x: 236, y: 42 }, { x: 236, y: 142 }, { x: 400, y: 142 }]);
    // The target's side at the bend: the route ends there.
    expect(plainRoute(at(0, 0), at(236, 100))).toEqual([{ x: 220, y: 42 }, { x: 236, y: 42 }, { x: 236, y: 142 }]);
    expect(plainRoute(at(0, 0), at(236, 0))).toEqual([{ x: 220, y: 42 }, { x: 236, y: 42 }]);
    // Backwards: out, down, back to the target's left side.
    expect(plainRoute(at(400, 0), at(0, -200))).toEqual([{ x: 620, y: 42 }, { x: 636, y: 42 }, { x: 636, y: -158 }, { x: 0, y: -158 }]);
    // Past where a step of the clearance still moves a coordinate: the points are merged as any route's are.
    expect(plainRoute({ x: 2 ** 60, y: 0, width: 0, height: 84 }, at(0, 100))).toEqual([{ x: 2 ** 60, y: 42 }, { x: 2 ** 60, y: 142 }, { x: 0, y: 142 }]);
  });

  it('answers a search it has made before with the same route, spending the same budget, as a copy the caller may change', () => {
    const spend = () => {
      const budget = { gridPoints: 1_000_000 };
      return { route: routeBetween(source, target, [wall], [], [], budget), left: budget.gridPoints };
    };
    const first = spend();
    const again = spend();
    expect(again).toEqual(first);
    const asFound = structuredClone(first);
    first.route[1]!.x += 1_000;
    expect(spend()).toEqual(asFound);
    // A wall moved: another search, another route.
    const moved = routeBetween(source, target, [{ ...wall, y: wall.y - 100 }]);
    expect(moved).not.toEqual(again.route);
    expect(crosses(moved, { ...wall, y: wall.y - 100 })).toBe(false);
  });

  it('finds the same lane when drawn routes and their ends are looked up near it', () => {
    const first = routeBetween(source, target, [wall]);
    const drawn = first.slice(1).map((b, i) => ({ a: first[i]!, b }));
    const ends = [first[0]!, first.at(-1)!];
    expect(routeBetween(source, target, [wall], () => drawn, () => ends)).toEqual(routeBetween(source, target, [wall], drawn, ends));
  });

  it('takes a lane of its own beside a route already drawn', () => {
    const first = routeBetween(source, target, [wall]);
    const drawn = first.slice(1).map((b, i) => ({ a: first[i]!, b }));
    const second = routeBetween(source, target, [wall], drawn, [first[0]!, first.at(-1)!]);
    const sharing = second.slice(1).some((b, i) => {
      const a = second[i]!;
      return drawn.some((s) => (a.y === b.y && s.a.y === s.b.y && a.y === s.a.y && Math.min(Math.max(a.x, b.x), Math.max(s.a.x, s.b.x)) - Math.max(Math.min(a.x, b.x), Math.min(s.a.x, s.b.x)) > 0)
        || (a.x === b.x && s.a.x === s.b.x && a.x === s.a.x && Math.min(Math.max(a.y, b.y), Math.max(s.a.y, s.b.y)) - Math.max(Math.min(a.y, b.y), Math.min(s.a.y, s.b.y)) > 0));
    });
    expect(sharing).toBe(false);
    expect(crosses(second, wall)).toBe(false);
  });

  it('re-routes the edges of a dragged node around the nodes now in their way, and keeps captions off nodes', () => {
    const node = (id: string, x: number, y: number, label = id) => ({ id, kind: 'service' as const, label, position: { x, y } });
    const diagram: Diagram = {
      format: 'mlsd-studio/diagram', version: 1, title: 'drag',
      nodes: [node('a', 0, 0), node('b', 600, 0), node('c', 300, 150)],
      edges: [{ id: 'e1', source: 'a', target: 'b', label: 'calls b', route: { points: [{ x: 220, y: 42 }, { x: 600, y: 42 }], label: { x: 360, y: 20 } } }],
    };
    expect(edgeGeometry(diagram)[0]!.points).toEqual([{ x: 220, y: 42 }, { x: 600, y: 42 }]);
    // The user drags c onto the straight route.
    const dragged = { ...diagram, nodes: diagram.nodes.map((n) => (n.id === 'c' ? { ...n, position: { x: 300, y: 10 } } : n)) };
    const [moved] = edgeGeometry(dragged);
    const c = { x: 300, y: 10, width: 220, height: 84 };
    expect(crosses(moved!.points, c)).toBe(false);
    expect(orthogonal(moved!.points)).toBe(true);
    expect(moved!.points[0]!.x).toBe(220);
    expect(boxesOverlap(moved!.label!, c)).toBe(false);
    for (const p of moved!.points.slice(1, -1)) expect(p.y < c.y - ROUTE_CLEARANCE + 1 || p.y > c.y + c.height + ROUTE_CLEARANCE - 1 || p.x < c.x || p.x > c.x + c.width).toBe(true);
  });
});
