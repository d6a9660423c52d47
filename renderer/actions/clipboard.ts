import { isClip, type Clip } from '../state/commands';

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

/** The clip to paste: from the system clipboard when it holds one of ours, else the last copy. */
export async function readClip(): Promise<Clip | null> {
  try {
    const text = await navigator.clipboard?.readText();
    if (text) {
      const value: unknown = JSON.parse(text);
      if (isClip(value)) return value;
    }
  } catch {
    // Not ours, not JSON, or not allowed: fall back to the in-app copy.
  }
  return memory;
}
