import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function sources(folder: string): string[] {
  const dir = join(ROOT, folder);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(relative(ROOT, path));
    return /\.(ts|tsx|mts)$/.test(name) ? [path] : [];
  });
}

/** Every module a file imports, read with the TypeScript parser (static, dynamic and re-exports). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

function violations(folder: string, forbidden: (specifier: string, file: string) => boolean): string[] {
  return sources(folder).flatMap((file) =>
    importsOf(file)
      .filter((s) => forbidden(s, file))
      .map((s) => `${relative(ROOT, file)} imports ${s}`),
  );
}

const NODE_BUILTINS = /^(node:|fs$|path$|os$|child_process$|crypto$|url$|worker_threads$|http$|net$)/;
const resolvesInto = (specifier: string, file: string, folder: string) =>
  specifier.startsWith('.') && relative(ROOT, resolve(file, '..', specifier)).startsWith(folder);

describe('layering', () => {
  it('keeps shared/ pure: no React, DOM libraries, Electron or Node modules', () => {
    const bad = violations('shared', (s, file) =>
      /^(react|react-dom|@xyflow\/|electron)/.test(s) || NODE_BUILTINS.test(s) ||
      resolvesInto(s, file, 'renderer') || resolvesInto(s, file, 'electron') || resolvesInto(s, file, 'cli') || resolvesInto(s, file, 'server'),
    );
    expect(bad).toEqual([]);
  });

  it('keeps Electron out of renderer/', () => {
    const bad = violations('renderer', (s, file) => /^electron/.test(s) || NODE_BUILTINS.test(s) || resolvesInto(s, file, 'electron'));
    expect(bad).toEqual([]);
  });

  it('keeps renderer/ out of electron/', () => {
    expect(violations('electron', (s, file) => resolvesInto(s, file, 'renderer'))).toEqual([]);
  });

  it('catches a wrong-way import when one is written', () => {
    const file = join(ROOT, 'shared', 'probe.ts');
    const info = ts.preProcessFile("import { app } from 'electron';\nimport x from 'node:fs';\nconst y = await import('../renderer/main');");
    const found = info.importedFiles.map((f) => f.fileName);
    expect(found.filter((s) => /^electron/.test(s) || NODE_BUILTINS.test(s) || resolvesInto(s, file, 'renderer'))).toHaveLength(3);
  });
});
