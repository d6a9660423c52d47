import type { RecoveryCopy } from './ipc';

/** How long an autosaved copy nobody restores is kept: 14 days, then it is deleted. */
export const RECOVERY_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

/** A recovery slot's name: letters, digits and dashes, so it can name a file or a lock. */
export const SLOT_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

/** The Web Lock a browser tab holds on its recovery slot for as long as it is open. */
export function slotLockName(slot: string): string {
  return `mlsd-studio-recovery:${slot}`;
}

/**
 * Which autosaved copies to offer back and which to delete: copies whose
 * window or tab is still open (`liveSlots`) are neither; copies older than
 * RECOVERY_MAX_AGE_MS expire; the rest are offered, newest first.
 */
export function sortRecoveryCopies(copies: readonly RecoveryCopy[], liveSlots: ReadonlySet<string>, nowMs: number): { offer: RecoveryCopy[]; expired: string[] } {
  const orphans = copies.filter((c) => !liveSlots.has(c.slot));
  const expired = orphans.filter((c) => !(nowMs - c.savedAtMs <= RECOVERY_MAX_AGE_MS)).map((c) => c.slot);
  const offer = orphans.filter((c) => !expired.includes(c.slot)).sort((a, b) => b.savedAtMs - a.savedAtMs);
  return { offer, expired };
}

/** Whether a stored value is a recovery copy (a corrupt or foreign one is not). */
export function isRecoveryCopy(value: unknown): value is RecoveryCopy {
  const v = value as Partial<RecoveryCopy> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.slot === 'string' && typeof v.name === 'string' && typeof v.content === 'string' &&
    typeof v.savedAtMs === 'number' && (v.ref === null || typeof v.ref === 'string')
  );
}
