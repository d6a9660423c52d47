import { describe, expect, it } from 'vitest';
import { pictureOf, simplifiedNote } from '../../shared/export/geometry';
import { exportDiagram, exportFormat } from '../../shared/export/registry';
import { generateDiagram } from '../bench/generate';
import { fixtureJson, mustLoad } from '../helpers';

const services = { rasterize: async () => new Uint8Array() };

/** The notes an export gives, and its output. */
async function notesOf(diagram: Parameters<typeof exportDiagram>[0], id: string): Promise<string[]> {
  const notes: string[] = [];
  await exportDiagram(diagram, exportFormat(id)!, services, { figures: false, note: (message) => notes.push(message) });
  return notes;
}

describe('a picture too large to draw in full detail', () => {
  it('says how many routes are plain and how many captions and markers were not placed with care', async () => {
    // Large enough to spend both the router's budget and the placements' looks.
    const large = generateDiagram(6_000, 7);
    large.nodes.forEach((node, i) => (node.position = { x: (i % 60) * 220, y: Math.floor(i / 60) * 120 }));
    const picture = pictureOf(large);
    const { plainRoutes, firstPlaces } = picture.simplified!;
    // The router's budget runs out part way: some routes are searched, the rest are plain.
    expect(plainRoutes).toBeGreaterThan(0);
    expect(plainRoutes).toBeLessThan(picture.edges.length);
    expect(firstPlaces).toBeGreaterThan(0);
    const note = simplifiedNote(picture)!;
    expect(note).toContain(`${plainRoutes.toLocaleString('en-US')} of its ${picture.edges.length.toLocaleString('en-US')} edges are drawn as plain routes`);
    expect(note).toContain(`${firstPlaces.toLocaleString('en-US')} captions and stage markers are put in a fixed place`);
    for (const id of ['svg', 'drawio', 'excalidraw']) expect(await notesOf(large, id)).toEqual([note]);
  });

  it('gives no note for a diagram drawn with full care, nor for a format that draws no picture', async () => {
    const small = mustLoad(fixtureJson('small-search.laid.mlsd.json'));
    expect(pictureOf(small).simplified).toEqual({ plainRoutes: 0, firstPlaces: 0 });
    expect(simplifiedNote(pictureOf(small))).toBeUndefined();
    expect(await notesOf(small, 'svg')).toEqual([]);
    const large = generateDiagram(3_000, 7);
    large.nodes.forEach((node, i) => (node.position = { x: (i % 60) * 220, y: Math.floor(i / 60) * 120 }));
    expect(await notesOf(large, 'mermaid')).toEqual([]);
  });
});
