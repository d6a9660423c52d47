import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { estimate } from '../../shared/estimator/estimate';
import { exportId } from '../../shared/export/ids';
import { fixturePath } from '../helpers';
import { mustImport } from '../import/mustImport';
import { CASES, exported, hostileRan, ROOT, squeeze, useConsumerPage } from './corpus';
import type { OpenedScene } from './excalidraw/main';

const PAGE_ROOT = join(ROOT, 'tests/consumers/excalidraw');

let server: PreviewServer | undefined;

const { page: current, errors } = useConsumerPage(async (page) => {
  // A page built from the published package, the way an app embeds Excalidraw.
  const outDir = mkdtempSync(join(tmpdir(), 'mlsd-excalidraw-'));
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({ configFile: false, root: PAGE_ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 100_000 } });
  process.env.NODE_ENV = nodeEnv;
  server = await preview({ configFile: false, root: PAGE_ROOT, build: { outDir }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
  await page.goto(server.resolvedUrls!.local[0]!);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
});
// The page may still hold a keep-alive connection: close it too, or closing the server waits for it.
afterAll(async () => new Promise<void>((done) => {
  if (!server) return done();
  server.httpServer.close(() => done());
  (server.httpServer as { closeAllConnections?: () => void }).closeAllConnections?.();
}));

describe('Excalidraw restores and exports every scene', () => {
  it.each(CASES.map((c) => [c.name, c.diagram] as const))('%s', async (_, diagram) => {
    errors.length = 0;
    const json = (await exported(diagram, 'excalidraw')) as string;
    const opened = await current().evaluate((file) => (window as unknown as { openScene(json: string): Promise<OpenedScene> }).openScene(file), json);
    expect(errors).toEqual([]);
    const byId = new Map(opened.elements.map((e) => [e.id, e]));
    expect(byId.size).toBe(opened.elements.length);
    const text = squeeze(opened.svgText);
    for (const node of diagram.nodes) {
      const box = byId.get(exportId('node', node.id));
      expect(box?.type, node.id).toBe('rectangle');
      expect(box?.customData).toMatchObject({ mlsdId: node.id, kind: node.kind, ...(node.notes && { notes: node.notes }) });
      const label = opened.elements.find((e) => e.containerId === box!.id);
      expect(squeeze(label?.text ?? ''), node.id).toContain(squeeze(node.label).split(' ')[0]);
      // Excalidraw re-wraps bound text to its box; every word of the label is drawn.
      for (const word of squeeze(node.label).split(' ')) expect(text, node.label).toContain(word);
    }
    for (const edge of diagram.edges) {
      const arrow = byId.get(exportId('edge', edge.id));
      expect(arrow?.type, edge.id).toBe('arrow');
      expect([arrow!.startBinding, arrow!.endBinding]).toEqual([exportId('node', edge.source), exportId('node', edge.target)]);
      expect(arrow!.points!.length, edge.id).toBeGreaterThanOrEqual(2);
      if (edge.label) for (const word of squeeze(edge.label).split(' ')) expect(text, edge.label).toContain(word);
    }
    expect(await hostileRan(current())).toBe(false);
  });
});

/** A scene saved again by Excalidraw itself (restored, then serialized as its file). */
const resaved = (json: string) => current().evaluate((file) => (window as unknown as { resaveScene(json: string): string }).resaveScene(file), json);

const importedScene = async (json: string) => (await mustImport(json)).diagram;

describe('scenes saved by Excalidraw import', () => {
  it.each(CASES.map((c) => [c.name, c.diagram] as const))('%s: an export saved again by Excalidraw gives an identical estimate', async (_, diagram) => {
    errors.length = 0;
    const back = await importedScene(await resaved((await exported(diagram, 'excalidraw')) as string));
    expect(JSON.stringify(estimate(back))).toBe(JSON.stringify(estimate(diagram)));
    expect(errors).toEqual([]);
  });

  it('a hand-made scene normalized by Excalidraw imports to the same diagram as the file itself', async () => {
    const file = readFileSync(fixturePath('import/recsys-sketch.excalidraw'), 'utf8');
    const normalized = await resaved(file);
    expect(JSON.parse(normalized).elements.length).toBeGreaterThan(20);
    expect(await importedScene(normalized)).toEqual(await importedScene(file));
  });
});
