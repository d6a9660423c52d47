import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { connectDocument, type RoomAddress, type RoomConnection } from '../../shared/live/client';
import type { RoomDocument } from '../../shared/live/room';

const ROOT = resolve(import.meta.dirname, '../..');

/** Whether Debian's redis-server is installed (CI installs it; see .ci/run). */
export const HAS_REDIS = spawnSync('redis-server', ['--version']).status === 0;

/** A free loopback port. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** Waits until a process prints a line matching `pattern`; rejects if it exits first. */
function waitForLine(child: ChildProcess, pattern: RegExp, what: string): Promise<RegExpExecArray> {
  return new Promise((resolvePromise, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) resolvePromise(match);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (seen += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}) before it was ready:\n${seen}`)));
  });
}

export interface Running {
  child: ChildProcess;
  stop(): Promise<void>;
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill(signal);
  await exited;
}

/** A redis-server of its own on a free loopback port, keeping nothing on disk. */
export async function startRedis(): Promise<Running & { url: string }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'pipe' });
  await waitForLine(child, /Ready to accept connections/, 'redis-server');
  return { child, url: `redis://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

/** `mlsd serve` as its own process; `nodeFlags` go to Node (`--cpu-prof` to profile it). */
export async function startInstance(flags: string[], nodeFlags: string[] = []): Promise<Running & { url: string; httpUrl: string; kill(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeFlags, join(ROOT, 'bin/mlsd.mjs'), 'serve', '--port', String(port), ...flags], { stdio: 'pipe' });
  const match = await waitForLine(child, /live rooms at (ws:\/\/[^\s]+)/, 'mlsd serve');
  const url = match[1]!;
  return { child, url, httpUrl: url.replace('ws:', 'http:'), stop: () => stopChild(child), kill: () => stopChild(child, 'SIGKILL') };
}

/** A fresh folder for a server's documents. */
export const dataDir = () => mkdtempSync(join(tmpdir(), 'mlsd-rooms-'));

/** Opens a room on a server: its id and a token per role. */
export async function openRoom(httpUrl: string): Promise<{ room: string; interviewer: string; candidate: string }> {
  const response = await fetch(`${httpUrl}/rooms`, { method: 'POST' });
  if (response.status !== 201) throw new Error(`POST /rooms answered ${response.status}`);
  return (await response.json()) as { room: string; interviewer: string; candidate: string };
}

/** A client joined to one document of a room. */
export function joinRoom(address: RoomAddress, document: RoomDocument, ydoc = new Y.Doc(), retry = true): RoomConnection & { ydoc: Y.Doc } {
  return { ...connectDocument(address, document, ydoc, { WebSocket, retry }), ydoc };
}

/** Polls `check` until it holds (or times out with the last value). */
export async function eventually<T>(read: () => T, check: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = read();
    if (check(value)) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
