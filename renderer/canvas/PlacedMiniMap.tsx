import { ControlButton, MiniMap, useNodes, useReactFlow, useStore, type PanelPosition } from '@xyflow/react';
import { useApp } from '../app/AppContext';
import { useRun } from '../app/useActions';
import { useEditor } from '../state/store';
import { findKind } from '../../shared/kinds';

/** A box on screen, in pixels from the canvas's top-left corner. */
export interface ScreenBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The minimap's size and its distance from the canvas edge (React Flow's panel margin), in pixels. */
export const MINIMAP_PX = { width: 160, height: 110, margin: 15 };

/** Corners tried in order; bottom-left holds the zoom controls. */
const CORNERS: readonly PanelPosition[] = ['bottom-right', 'top-right', 'top-left'];

function overlaps(a: ScreenBox, b: ScreenBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Where the minimap would sit in a corner of a canvas of the given size. */
export function cornerBox(corner: PanelPosition, canvasWidthPx: number, canvasHeightPx: number): ScreenBox {
  const { width, height, margin } = MINIMAP_PX;
  return {
    x: corner.endsWith('right') ? canvasWidthPx - margin - width : margin,
    y: corner.startsWith('bottom') ? canvasHeightPx - margin - height : margin,
    width,
    height,
  };
}

/** The first corner where the minimap covers none of the node boxes, or null when every corner would cover one. */
export function freeCorner(canvasWidthPx: number, canvasHeightPx: number, nodeBoxes: readonly ScreenBox[]): PanelPosition | null {
  return CORNERS.find((corner) => {
    const box = cornerBox(corner, canvasWidthPx, canvasHeightPx);
    return !nodeBoxes.some((node) => overlaps(box, node));
  }) ?? null;
}

/**
 * The minimap, in a corner where it covers no component at the current zoom
 * and pan; hidden while every corner would cover one.
 */
export function PlacedMiniMap() {
  const flow = useReactFlow();
  const nodes = useNodes();
  const [tx, ty, zoom] = useStore((s) => s.transform);
  const widthPx = useStore((s) => s.width);
  const heightPx = useStore((s) => s.height);
  const boxes: ScreenBox[] = [];
  for (const node of nodes) {
    if (node.type === 'group') continue;
    const internal = flow.getInternalNode(node.id);
    if (!internal) continue;
    const { x, y } = internal.internals.positionAbsolute;
    boxes.push({ x: x * zoom + tx, y: y * zoom + ty, width: (internal.measured.width ?? 0) * zoom, height: (internal.measured.height ?? 0) * zoom });
  }
  const corner = freeCorner(widthPx, heightPx, boxes);
  if (!corner) return null;
  return (
    <MiniMap
      position={corner}
      pannable
      zoomable
      style={{ width: MINIMAP_PX.width, height: MINIMAP_PX.height }}
      nodeColor={(n) => (n.type === 'group' ? 'transparent' : findKind(String((n.data as { node?: { kind: string } }).node?.kind))?.colour ?? '#94a3b8')}
    />
  );
}

/** The button among the zoom controls that shows or hides the minimap (remembered, like the panels). */
export function MinimapButton() {
  const { store } = useApp();
  const run = useRun();
  const shown = useEditor(store, (s) => s.panels.minimap);
  const label = shown ? 'Hide minimap' : 'Show minimap';
  return (
    <ControlButton onClick={() => run('view.minimap')} title={label} aria-label={label} aria-pressed={shown}>
      <svg viewBox="0 0 16 16" aria-hidden="true"><rect x="1.5" y="3" width="13" height="10" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" /><rect x="8" y="8" width="5" height="3.5" fill="currentColor" /></svg>
    </ControlButton>
  );
}
