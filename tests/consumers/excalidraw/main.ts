import { exportToSvg, restore, serializeAsJSON } from '@excalidraw/excalidraw';

/** What Excalidraw made of a scene file: its elements after restore, and the text of the SVG it exports. */
export interface OpenedScene {
  elements: { id: string; type: string; text?: string; containerId?: string | null; points?: number[][]; startBinding?: string; endBinding?: string; customData?: Record<string, unknown> }[];
  svgText: string;
}

// Opens a scene the way Excalidraw loads a file (restore), then draws it as Excalidraw exports it.
(window as unknown as { openScene(json: string): Promise<OpenedScene> }).openScene = async (json) => {
  const restored = restore(JSON.parse(json), null, null);
  const svg = await exportToSvg({ elements: restored.elements, appState: { ...restored.appState, exportBackground: true }, files: restored.files, skipInliningFonts: true });
  document.body.replaceChildren(svg);
  return {
    elements: restored.elements.map((e) => ({
      id: e.id,
      type: e.type,
      ...('text' in e && { text: e.text, containerId: e.containerId }),
      ...('points' in e && { points: e.points.map((p) => [p[0], p[1]]) }),
      ...(e.type === 'arrow' && { startBinding: e.startBinding?.elementId, endBinding: e.endBinding?.elementId }),
      ...(e.customData && { customData: e.customData }),
    })),
    svgText: svg.textContent ?? '',
  };
};
// Loads a scene and saves it again as Excalidraw writes a .excalidraw file: what a person's edited copy looks like.
(window as unknown as { resaveScene(json: string): string }).resaveScene = (json) => {
  const restored = restore(JSON.parse(json), null, null);
  return serializeAsJSON(restored.elements, restored.appState, restored.files, 'local');
};
(window as unknown as { ready: boolean }).ready = true;
