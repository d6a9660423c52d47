import { deflateRawSync } from 'node:zlib';
import { importDiagram } from '../../shared/import';
import { MAX_IMPORT_ELEMENTS } from '../../shared/import/limits';
import { report } from './measure';

/** A hand-drawn Excalidraw scene at the element limit: labelled boxes in a grid, each joined to the next by an arrow, half of them unbound. */
function largeScene(): string {
  const boxes = Math.floor(MAX_IMPORT_ELEMENTS / 3);
  const elements: object[] = [];
  for (let i = 0; i < boxes; i++) {
    const [x, y] = [(i % 80) * 220, Math.floor(i / 80) * 140];
    elements.push({ id: `b${i}`, type: 'rectangle', x, y, width: 160, height: 80, boundElements: [{ type: 'text', id: `t${i}` }] });
    elements.push({ id: `t${i}`, type: 'text', x: x + 10, y: y + 30, width: 140, height: 20, text: i % 7 === 0 ? `Redis shard ${i}` : `Service ${i}`, containerId: `b${i}` });
    if (i > 0) elements.push({ id: `a${i}`, type: 'arrow', x: x - 60, y: y + 40, width: 60, height: 0, points: [[0, 0], [58, 0]], startBinding: i % 2 ? { elementId: `b${i - 1}` } : null, endBinding: i % 2 ? { elementId: `b${i}` } : null });
  }
  return JSON.stringify({ type: 'excalidraw', elements });
}

/** A draw.io page at the cell limit, compressed as draw.io saves it. */
function largeDrawio(): string {
  const shapes = Math.floor(MAX_IMPORT_ELEMENTS / 2);
  const cells = ['<mxCell id="0"/><mxCell id="1" parent="0"/>'];
  for (let i = 0; i < shapes; i++) {
    cells.push(`<mxCell id="v${i}" value="Kafka topic ${i}" style="rounded=1;html=1;" vertex="1" parent="1"><mxGeometry x="${(i % 80) * 200}" y="${Math.floor(i / 80) * 120}" width="160" height="60" as="geometry"/></mxCell>`);
    if (i > 0) cells.push(`<mxCell id="e${i}" edge="1" parent="1" source="v${i - 1}" target="v${i}"><mxGeometry relative="1" as="geometry"/></mxCell>`);
  }
  const page = deflateRawSync(Buffer.from(encodeURIComponent(`<mxGraphModel><root>${cells.join('')}</root></mxGraphModel>`), 'latin1')).toString('base64');
  return `<mxfile><diagram name="Big">${page}</diagram></mxfile>`;
}

async function timedMs(work: () => Promise<unknown>): Promise<number> {
  await work();
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Import of files at the element limit: each must finish well inside a couple of seconds. */
export async function benchImport(): Promise<void> {
  const scene = largeScene();
  const drawio = largeDrawio();
  const sceneMs = await timedMs(() => importDiagram(scene));
  report(`import Excalidraw, ${MAX_IMPORT_ELEMENTS.toLocaleString('en-US')} elements`, `${sceneMs.toFixed(0)} ms`, '< 2000 ms', sceneMs < 2000);
  const drawioMs = await timedMs(() => importDiagram(drawio));
  report(`import compressed draw.io, ${MAX_IMPORT_ELEMENTS.toLocaleString('en-US')} cells`, `${drawioMs.toFixed(0)} ms`, '< 2000 ms', drawioMs < 2000);
}
