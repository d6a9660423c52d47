// npm start: the desktop app where Electron's binary is installed (fetching it once if the
// network allows), otherwise the same renderer served to a browser, with its address printed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'vite';
import { portFrom, serveWeb } from './web.mjs';

const require = createRequire(import.meta.url);

/**
 * The Electron executable, or null when the package or its binary is missing.
 * Read from the package's path.txt rather than by requiring it: since Electron 42
 * requiring the package downloads the binary, which is fetchElectron's job.
 */
function electronBinary() {
  try {
    const folder = dirname(require.resolve('electron/package.json'));
    const path = join(folder, 'dist', readFileSync(join(folder, 'path.txt'), 'utf8').trim());
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Tries once to download Electron's binary (its own install script); false where there is no network for it. */
function fetchElectron() {
  try {
    const script = require.resolve('electron/install.js');
    const result = spawnSync(process.execPath, [script], { stdio: 'ignore', timeout: 120_000 });
    return result.status === 0;
  } catch {
    return false;
  }
}

let binary = electronBinary();
if (!binary && !process.argv.includes('--web') && fetchElectron()) binary = electronBinary();

if (binary && !process.argv.includes('--web')) {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  spawnSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'inherit' });
  const child = spawn(binary, ['.', ...process.argv.slice(2).filter((a) => a !== '--web')], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const port = portFrom(process.argv.slice(2), process.env);
  const { url } = await serveWeb(port);
  console.log('Electron is not installed here, so MLSD Studio runs in your browser instead.');
  console.log(`Open ${url}  (Ctrl+C stops it)`);
}
