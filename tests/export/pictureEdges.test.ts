import { describe, expect, it } from 'vitest';
import { estimate } from '../../shared/estimator/estimate';
import { captionParts, captionsOf } from '../../shared/export/drawing';
import { pictureOf } from '../../shared/export/geometry';
import type { Diagram } from '../../shared/model/schema';
import { inputOf, smallSearch } from '../exportInput';

/** The small design with an edge to a node that is not there first, so the picture's edges sit one place before the diagram's. */
function withDanglingEdge(): Diagram {
  const diagram = smallSearch();
  diagram.edges.unshift({ ...diagram.edges[0]!, id: 'dangling', target: 'nowhere', label: 'never drawn' });
  diagram.edges[1]!.label = 'reads';
  diagram.edges[2]!.calls = 3;
  return diagram;
}

describe('an edge in a picture', () => {
  it('holds the boxes of its own two ends, the same boxes the picture lists for those nodes', () => {
    const diagram = withDanglingEdge();
    const picture = pictureOf(diagram);
    expect(picture.edges.map((e) => e.edge.id)).toEqual(diagram.edges.slice(1).map((e) => e.id));
    for (const { edge, from, to } of picture.edges) {
      expect(from).toBe(picture.nodes.find((n) => n.id === edge.source));
      expect(to).toBe(picture.nodes.find((n) => n.id === edge.target));
      expect(from).toBe(picture.boxOf.get(edge.source));
    }
  });

  it('holds its caption\'s whole text as the captions give it, and none when it has none', () => {
    const diagram = withDanglingEdge();
    const captions = captionsOf(inputOf(diagram));
    const picture = pictureOf(diagram, captions);
    for (const entry of picture.edges) expect(entry.caption).toBe(captions.get(entry.edge.id));
    expect(picture.edges[0]!.caption).toBe('reads');
    expect(picture.edges[1]!.caption).toBe('×3');
    expect(picture.edges.some((e) => e.caption === undefined && !('caption' in e))).toBe(true);
  });

  it('joins a caption\'s parts with a middle dot when captions come as parts, and sizes its box for that text', () => {
    const diagram = withDanglingEdge();
    const picture = pictureOf(diagram, (e) => (e.id === diagram.edges[1]!.id ? ['×8', 'reads'] : []));
    const [first, second] = picture.edges;
    expect(first!.caption).toBe('×8 · reads');
    expect(first!.label?.lines).toEqual(['×8 · reads']);
    expect(second!.caption).toBeUndefined();
    expect(second!.label).toBeUndefined();
  });

  it('gets the same caption from its parts as the captions by id, with figures (the rate among them) and without', () => {
    const diagram = withDanglingEdge();
    // The estimate reads a design whose edges all have both ends.
    diagram.edges.shift();
    for (const input of [inputOf(diagram), { ...inputOf(diagram), estimate: estimate(diagram), figures: true }]) {
      const byId = captionsOf(input);
      const partsOf = captionParts(input);
      for (const e of diagram.edges) expect(partsOf(e).join(' · ') || undefined).toBe(byId.get(e.id));
      expect(pictureOf(diagram, partsOf).edges.map((p) => p.caption)).toEqual(pictureOf(diagram, byId).edges.map((p) => p.caption));
    }
    const withRates = captionParts({ ...inputOf(diagram), estimate: estimate(diagram), figures: true });
    expect(diagram.edges.filter((e) => withRates(e).some((part) => / QPS$/.test(part))).length).toBeGreaterThan(2);
    expect(captionParts(inputOf(diagram))(diagram.edges[0]!)).toEqual(['reads']);
    // Figures off, even with an estimate at hand: no caption shows a rate.
    const noFigures = captionParts({ ...inputOf(diagram), estimate: estimate(diagram), figures: false });
    expect(diagram.edges.flatMap(noFigures).filter((part) => / QPS$/.test(part))).toEqual([]);
  });
});
