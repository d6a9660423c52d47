import * as z from 'zod';
import type { HOST_METHODS } from './ipc';
import { SLOT_PATTERN } from './recovery';

const text = z.string().max(50_000_000);
const ref = z.string().min(1).max(4096);

/** The argument each host method accepts; anything else is refused by the main process. */
export const HOST_ARGUMENTS: Record<(typeof HOST_METHODS)[number], z.ZodType> = {
  openFile: z.strictObject({ forImport: z.literal(true) }).optional(),
  openRecent: z.strictObject({ ref }),
  save: z.strictObject({ ref, content: text }),
  saveAs: z.strictObject({ suggestedName: z.string().min(1).max(255), content: text }),
  exportFile: z
    .strictObject({ suggestedName: z.string().min(1).max(255), mimeType: z.string().max(100), text: text.optional(), base64: text.optional() })
    .refine((r) => (r.text === undefined) !== (r.base64 === undefined), 'give text or base64'),
  recentFiles: z.undefined(),
  writeRecovery: z.strictObject({ name: z.string().max(255), ref: ref.nullable(), content: text, savedAtMs: z.number().finite() }),
  listRecovery: z.undefined(),
  clearRecovery: z.undefined(),
  discardRecovery: z.strictObject({ slot: z.string().regex(SLOT_PATTERN) }),
  setTitle: z.strictObject({ title: z.string().max(255), dirty: z.boolean() }),
  confirmDiscard: z.strictObject({ name: z.string().max(255) }),
  openExternal: z.strictObject({ url: z.url({ protocol: /^https?$/ }) }),
  closeWindow: z.undefined(),
  hostInterview: z.undefined(),
  hostedInterview: z.undefined(),
  stopHosting: z.undefined(),
};

