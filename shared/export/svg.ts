import { LABEL_FONT_FAMILY } from '../layout/text';
import { drawDiagram, scenePlan, type ScenePlan } from './drawing';
import { xmlText } from './escape';
import type { Scene } from './scene';
import { linesAsPieces, PieceLines } from './pieces';
import { SvgDrawer } from './svgDrawer';
import { noDefinitions, shapeSvg } from './svgShapes';
import type { ExportFormat, ExportInput, TextPieces } from './types';

/** The font the layout measured names and captions in (Arial's metrics), so text fits the boxes drawn for it. */
const FONT = LABEL_FONT_FAMILY;

/** The file's opening lines: the root element, the title, the background. */
function openingLines(scene: Pick<Scene, 'width' | 'height' | 'title' | 'background'>): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" font-family="${xmlText(FONT)}">`,
    `<title>${xmlText(scene.title)}</title>`,
    `<rect width="100%" height="100%" fill="${scene.background}"/>`,
  ];
}

function* svgLines(scene: Scene): Generator<string, void, undefined> {
  yield* openingLines(scene);
  const defined = noDefinitions();
  for (const shape of scene.shapes) yield shapeSvg(shape, defined);
  yield '</svg>';
}

/**
 * A scene as standalone SVG, in pieces: text stays text (selectable,
 * searchable), notes become each node's description, rounded boxes are
 * rects and each icon is defined once and used on every node that shows it.
 */
export function sceneSvg(scene: Scene): TextPieces {
  return linesAsPieces(svgLines(scene));
}

/** A plan's picture as SVG (the same text as `sceneSvg` of its scene), the diagram written as it is drawn, with no shape made for it. */
export function* planSvg(plan: ScenePlan): TextPieces {
  const out = new PieceLines();
  for (const line of openingLines({ width: plan.width, height: plan.height, title: plan.input.diagram.title, background: plan.t.background })) out.add(line);
  const defined = noDefinitions();
  const drawer = new SvgDrawer(out, defined);
  for (const _ of drawDiagram(plan.input, plan.picture, plan.t, drawer)) if (out.full) yield out.take();
  for (const shape of plan.sheet.shapes) out.add(shapeSvg(shape, defined));
  out.add('</svg>');
  yield out.take();
}

/**
 * The diagram as drawn on the canvas, as standalone SVG: group containers,
 * nodes with their kind's icon and colour, edges styled by mode, (optionally)
 * the live figures, and a title block with a legend.
 */
export function renderSvg(input: ExportInput): TextPieces {
  return planSvg(scenePlan(input));
}

export const svgFormat: ExportFormat = {
  id: 'svg',
  label: 'SVG picture',
  extension: 'svg',
  mimeType: 'image/svg+xml',
  binary: false,
  takesFigures: true,
  takesTheme: true,
  takesPaper: false,
  readsFullEstimate: false,
  render: async (input) => renderSvg(input),
};
