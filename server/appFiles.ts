import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/** Content types of the files the browser build holds. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the app's browser build from `dir` for GET `path` (`/` is
 * `index.html`); answers 404 for anything outside the folder or missing.
 * Whether it answered.
 */
export async function serveAppFile(dir: string, path: string, response: ServerResponse): Promise<boolean> {
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(path === '/' ? '/index.html' : path)).replace(/^[/\\]+/, '');
  } catch {
    relative = '';
  }
  const type = TYPES[extname(relative).toLowerCase()];
  if (!relative || relative.startsWith('..') || relative.split(sep).includes('..') || !type) return notFound(response);
  let body: Buffer;
  try {
    body = await readFile(join(dir, relative));
  } catch {
    return notFound(response);
  }
  response.writeHead(200, { 'Content-Type': type, 'Content-Length': body.byteLength, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' });
  response.end(body);
  return true;
}

function notFound(response: ServerResponse): boolean {
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end('not found');
  return true;
}
