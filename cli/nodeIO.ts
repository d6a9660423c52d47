import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { CliIO } from '../shared/cli/io';
import { reasonOf } from '../shared/fileErrors';
import { sameFileOnDisk, writeFileOnDisk } from './nodeFileSystem';
import { collectGarbage, elk, rasterize } from './nodeServices';
import { bundledPoolWorker, poolRunnerFor } from './poolRunner';

/** The CLI's host operations on the real file system and standard streams. */
export const nodeIO: CliIO = {
  readFile(path) {
    try {
      if (statSync(path).isDirectory()) return { ok: false, message: 'it is a folder' };
      return { ok: true, bytes: readFileSync(path) };
    } catch (error) {
      return { ok: false, message: reasonOf(error) };
    }
  },
  writeFile(path, data) {
    const written = writeFileOnDisk(path, data);
    return written.ok ? { ok: true } : { ok: false, message: written.reason };
  },
  sameFile: sameFileOnDisk,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  rasterize,
  elk,
  collectGarbage,
  poolRunner: (path) => poolRunnerFor(path, bundledPoolWorker(), availableParallelism()),
};
