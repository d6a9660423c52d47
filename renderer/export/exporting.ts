import { exportDiagram, exportFormat, type ExportFormat, type Paper } from '../../shared/export/registry';
import { isHostError } from '../../shared/ipc';
import type { AppContext } from '../app/context';
import { suggestedName } from '../app/documentIO';
import { rasterizeInBrowser } from './rasterize';

export interface ExportChoice {
  figures: boolean;
  theme: 'light' | 'dark';
  selectionOnly: boolean;
  /** PDF page size. */
  paper: Paper;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function render(ctx: AppContext, format: ExportFormat, choice: ExportChoice): Promise<string | Uint8Array> {
  ctx.store.endGesture('Move');
  const { doc, selection } = ctx.store.getState();
  const only = choice.selectionOnly && selection.nodes.length > 0 ? new Set(selection.nodes) : undefined;
  return exportDiagram(doc, format, { rasterize: rasterizeInBrowser }, { figures: choice.figures, theme: choice.theme, paper: choice.paper, only });
}

/** Exports the document (or the selection) and hands the file to the host to save. */
export async function exportTo(ctx: AppContext, format: ExportFormat, choice: ExportChoice): Promise<boolean> {
  const data = await render(ctx, format, choice);
  const name = suggestedName(ctx.store.getState().doc).replace(/\.mlsd\.json$/, `.${format.extension}`);
  const saved = await ctx.host.exportFile(
    typeof data === 'string' ? { suggestedName: name, mimeType: format.mimeType, text: data } : { suggestedName: name, mimeType: format.mimeType, base64: toBase64(data) },
  );
  if (saved === null) return false;
  ctx.store.set({ notice: isHostError(saved) ? saved.error : `Exported ${saved.name}` });
  return !isHostError(saved);
}

/** Copies the picture to the clipboard: PNG as an image, SVG as its text. */
export async function copyPicture(ctx: AppContext, id: 'png' | 'svg', choice: ExportChoice): Promise<void> {
  const data = await render(ctx, exportFormat(id)!, choice);
  try {
    if (typeof data === 'string') await navigator.clipboard.writeText(data);
    else await navigator.clipboard.write([new ClipboardItem({ 'image/png': new Blob([data as BlobPart], { type: 'image/png' }) })]);
    ctx.store.set({ notice: `Copied the ${choice.selectionOnly ? 'selection' : 'diagram'} as ${id.toUpperCase()}` });
  } catch (error) {
    ctx.store.set({ notice: `Cannot copy to the clipboard here: ${error instanceof Error ? error.message : String(error)}` });
  }
}

/** What an export covers by default: the selection when nodes are selected, else everything. */
export function defaultChoice(ctx: AppContext): ExportChoice {
  const { theme, selection } = ctx.store.getState();
  return { figures: true, theme, selectionOnly: selection.nodes.length > 1, paper: 'fit' };
}
