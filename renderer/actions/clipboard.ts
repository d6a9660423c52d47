import { CLIP_FORMAT, loadClip } from '../../shared/model/load';
import type { Clip } from '../state/commands';

let memory: Clip | null = null;

/** Puts a clip on the clipboard: in memory, and as JSON text on the system clipboard where allowed. */
export async function writeClip(clip: Clip): Promise<void> {
  memory = clip;
  try {
    await navigator.clipboard?.writeText(JSON.stringify(clip));
  } catch {
    // The system clipboard may be denied (no focus, no permission): the in-app copy still works.
  }
}

/** What a paste may add: a checked clip (with a note on what was repaired), or why nothing is pasted. */
export type ClipToPaste = { ok: true; clip: Clip; note: string | null } | { ok: false; reason: string };

/**
 * Checks a clip from the clipboard like a file (shared/model/load.ts):
 * edges leaving the clip are dropped, anything else wrong refuses it.
 */
export function admitClip(value: unknown): ClipToPaste {
  const checked = loadClip(value);
  if (!checked.ok) return { ok: false, reason: `Nothing was pasted: ${checked.reason}` };
  const { droppedEdges } = checked;
  const note = droppedEdges > 0 ? `Pasted without ${droppedEdges} edge${droppedEdges === 1 ? '' : 's'} to nodes that were not copied` : null;
  const { nodes, edges, annotations } = checked;
  return { ok: true, clip: { format: CLIP_FORMAT, nodes, edges, ...(annotations.length > 0 && { annotations }) }, note };
}

/**
 * The clip to paste: from the system clipboard when it holds one of ours,
 * else the last copy made in this window; null when there is none. A clip
 * on the system clipboard is checked before anything is pasted.
 */
export async function readClip(): Promise<ClipToPaste | null> {
  let value: unknown;
  try {
    const text = await navigator.clipboard?.readText();
    value = text ? JSON.parse(text) : undefined;
  } catch {
    // Not ours, not JSON, or not allowed: fall back to the in-app copy.
  }
  if ((value as { format?: unknown } | null | undefined)?.format === CLIP_FORMAT) return admitClip(value);
  return memory ? admitClip(memory) : null;
}
