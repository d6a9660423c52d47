import { MAX_INFLATED_CHARS } from './limits';

/** Bytes from base64 text, or undefined when it is not base64. */
function base64Bytes(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  try {
    const binary = atob(clean);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/** Raw-deflated bytes inflated, stopping with an error past `maxBytes`. */
async function inflateRaw(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`it expands past ${(maxBytes / 1e6).toFixed(0)} MB`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * The XML of a compressed draw.io page, as draw.io writes it: the XML
 * URI-encoded, deflated (raw, no header) and base64-encoded. Returns the
 * text, or why it could not be read.
 */
export async function inflateDrawioPage(text: string): Promise<{ ok: true; xml: string } | { ok: false; message: string }> {
  const bytes = base64Bytes(text);
  if (!bytes) return { ok: false, message: 'the compressed diagram is not base64 text' };
  let inflated: Uint8Array;
  try {
    inflated = await inflateRaw(bytes, MAX_INFLATED_CHARS);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `the compressed diagram cannot be inflated: ${/expands past/.test(reason) ? reason : 'it is not deflate data'}` };
  }
  // The inflated text is URI-encoded, so ASCII; older files hold the XML as it is.
  const latin = new TextDecoder('latin1').decode(inflated);
  try {
    return { ok: true, xml: decodeURIComponent(latin) };
  } catch {
    return { ok: true, xml: new TextDecoder('utf-8').decode(inflated) };
  }
}
