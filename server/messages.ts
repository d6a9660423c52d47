/**
 * Reads the one thing the server checks in a client's message before
 * Hocuspocus handles it: the document update a sync message carries. A
 * message is `documentName, type, ...`, numbers as variable-length unsigned
 * integers and strings and byte arrays prefixed by their length.
 */

/** Hocuspocus message types that carry a Yjs sync message. */
const SYNC_TYPES = new Set([0, 4]);
/** Yjs sync messages that carry an update: step 2 (the reply to a state vector) and a plain update. */
const UPDATE_STEPS = new Set([1, 2]);

class Reader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  uint(): number {
    let value = 0;
    for (let shift = 0; shift < 53; shift += 7) {
      if (this.at >= this.bytes.length) throw new RangeError('message ends early');
      const byte = this.bytes[this.at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw new RangeError('number too long');
  }

  bytesOf(): Uint8Array {
    const length = this.uint();
    if (this.at + length > this.bytes.length) throw new RangeError('message ends early');
    const out = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return out;
  }
}

/** The Yjs update a client's message carries, or null when it carries none (awareness, a state vector, auth). */
export function updateInMessage(message: Uint8Array): Uint8Array | null {
  const reader = new Reader(message);
  try {
    reader.bytesOf(); // the document's name
    if (!SYNC_TYPES.has(reader.uint())) return null;
    if (!UPDATE_STEPS.has(reader.uint())) return null;
    return reader.bytesOf();
  } catch {
    return null;
  }
}
