import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Redis as RedisClient } from 'ioredis';
import { parseDocumentName } from '../shared/live/room';

/** Where a server keeps each document's state between sessions. */
export interface DocumentStore {
  /** Where it keeps them, for the start-up message. */
  describe: string;
  fetch(documentName: string): Promise<Uint8Array | null>;
  store(documentName: string, state: Uint8Array): Promise<void>;
}

/** The file a document lives in: `DIR/ROOM/DOCUMENT.ydoc` (names are checked, so no path escapes the folder). */
function documentFile(dir: string, documentName: string): string {
  const parsed = parseDocumentName(documentName);
  if (!parsed) throw new Error(`not a room document: ${JSON.stringify(documentName)}`);
  return join(dir, parsed.room, `${parsed.document}.ydoc`);
}

/** Keeps documents as files in a folder, each written whole through a temporary file, so a crash never leaves half a document. */
export function fileStore(dir: string): DocumentStore {
  const made = new Set<string>();
  return {
    describe: `files in ${dir}`,
    async fetch(documentName) {
      try {
        return new Uint8Array(await readFile(documentFile(dir, documentName)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async store(documentName, state) {
      const file = documentFile(dir, documentName);
      const folder = join(file, '..');
      if (!made.has(folder)) {
        await mkdir(folder, { recursive: true });
        made.add(folder);
      }
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, state);
      await rename(temporary, file);
    },
  };
}

/** Keeps documents in Redis, so every instance sharing it opens the same rooms. */
export function redisStore(client: RedisClient, prefix = 'mlsd'): DocumentStore {
  const key = (documentName: string) => {
    if (!parseDocumentName(documentName)) throw new Error(`not a room document: ${JSON.stringify(documentName)}`);
    return `${prefix}:doc:${documentName}`;
  };
  return {
    describe: 'Redis',
    async fetch(documentName) {
      const value = await client.getBuffer(key(documentName));
      return value ? new Uint8Array(value) : null;
    },
    async store(documentName, state) {
      await client.set(key(documentName), Buffer.from(state));
    },
  };
}
