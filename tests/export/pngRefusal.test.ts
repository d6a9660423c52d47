import { describe, expect, it, vi } from 'vitest';
import { sceneOf, sceneSizeFromBoxes } from '../../shared/export/drawing';
import { exportDiagram, exportFormat } from '../../shared/export/registry';
import { PictureTooLarge } from '../../shared/export/raster';
import * as edgeGeometry from '../../shared/layout/edgeGeometry';
import { inputOf, smallSearch } from '../exportInput';

vi.mock('../../shared/layout/edgeGeometry', async (original) => {
  const module = await original<typeof import('../../shared/layout/edgeGeometry')>();
  return { ...module, edgeGeometry: vi.fn(module.edgeGeometry) };
});

const fixture = smallSearch;

describe('the size of a picture known from its boxes', () => {
  it('is the whole picture less what its routes and captions add', () => {
    const input = inputOf(fixture());
    const boxes = sceneSizeFromBoxes(input);
    const scene = sceneOf(input);
    expect(boxes.width).toBeGreaterThan(500);
    expect(boxes.width).toBeLessThanOrEqual(scene.width);
    expect(boxes.height).toBeLessThanOrEqual(scene.height);
    // The fixture's routes stay among its nodes: a caption or a loop may stick out by a few px only.
    expect(scene.width - boxes.width).toBeLessThan(60);
    expect(scene.height - boxes.height).toBeLessThan(60);
  });

  it('refuses a PNG too large even at half size before any edge is routed, naming its size', async () => {
    const diagram = fixture();
    diagram.nodes[1]!.position = { x: 1_000_000, y: 1_000_000 };
    const rasterize = vi.fn(async () => new Uint8Array());
    vi.mocked(edgeGeometry.edgeGeometry).mockClear();
    const refused = exportDiagram(diagram, exportFormat('png')!, { rasterize }, { figures: false });
    await expect(refused).rejects.toThrow(PictureTooLarge);
    await expect(refused).rejects.toThrow(/the picture would be 1,000,\d{3} x 1,000,\d{3} px/);
    expect(edgeGeometry.edgeGeometry).not.toHaveBeenCalled();
    expect(rasterize).not.toHaveBeenCalled();
  });
});
