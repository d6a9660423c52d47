import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createHost, handleRequest } from '../../electron/hostHandlers';
import { hostingDeps, InterviewHosting, lanAddress } from '../../electron/liveHosting';
import type { HostedInterview } from '../../shared/ipc';
import { connectDocument } from '../../shared/live/client';
import { readRoomLink } from '../../renderer/live/links';
import { setup } from './hostSetup';

/** Hosting on loopback (the machine's network address differs from one machine to the next). */
function loopbackHosting() {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-hosting-'));
  const appDir = join(dir, 'app');
  const dataDir = join(dir, 'rooms');
  writeFileSync(join(dir, 'secret.txt'), 'never served');
  const hosting = new InterviewHosting({ ...hostingDeps(dataDir, appDir), lanAddress: () => '127.0.0.1' });
  return { dir, appDir, dataDir, hosting };
}

const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe('hosting a mock interview from the desktop app', () => {
  it('starts a server on the network address, opens a room and answers with a link for each role, and no secret or path', async () => {
    const { dir, appDir, hosting } = loopbackHosting();
    mkdirSync(appDir);
    writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>MLSD Studio</title>');
    stops.push(() => hosting.stopAll());
    const { deps } = setup({ hosting, slot: 'window-a' });
    const host = createHost(deps);
    const answer = (await handleRequest(host, 'hostInterview', undefined)) as HostedInterview;
    expect(answer.server).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(JSON.stringify(answer)).not.toContain(dir);

    const candidate = readRoomLink(new URL(answer.candidateLink).search)!;
    const interviewer = readRoomLink(new URL(answer.interviewerLink).search)!;
    expect(candidate).toMatchObject({ server: answer.server, room: answer.room, role: 'candidate', invite: null });
    expect(interviewer).toMatchObject({ server: answer.server, room: answer.room, role: 'interviewer', invite: candidate.token });
    // Asked again, the same room.
    expect(await host.hostInterview()).toEqual(answer);
    expect(await host.hostedInterview()).toEqual(answer);

    // The candidate's link opens the app's page from the same server, and nothing outside its folder.
    const page = await fetch(answer.candidateLink);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<title>MLSD Studio</title>');
    const origin = new URL(answer.candidateLink).origin;
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const response = await fetch(`${origin}${path}`);
      expect(await response.text()).not.toContain('never served');
    }

    // Both join the room with their tokens and see each other's edits.
    const docs = [new Y.Doc(), new Y.Doc()];
    const joined = [interviewer, candidate].map((link, i) => connectDocument({ url: link.server, room: link.room, token: link.token }, 'diagram', docs[i]!, { WebSocket, awareness: null }));
    stops.push(async () => joined.forEach((c) => c.destroy()));
    await Promise.all(joined.map((c) => c.ready));
    docs[1]!.getMap('probe').set('from', 'candidate');
    await expect.poll(() => docs[0]!.getMap('probe').get('from')).toBe('candidate');
  });

  it('belongs to the window that started it: another window can neither see nor stop it', async () => {
    const { hosting } = loopbackHosting();
    stops.push(() => hosting.stopAll());
    const a = createHost(setup({ hosting, slot: 'window-a' }).deps);
    const b = createHost(setup({ hosting, slot: 'window-b' }).deps);
    const hosted = (await a.hostInterview()) as HostedInterview;
    expect(await b.hostInterview()).toEqual({ error: 'another window is hosting a mock interview: stop it there first' });
    expect(await b.hostedInterview()).toBeNull();
    expect(await b.stopHosting()).toEqual({ error: 'another window is hosting a mock interview: stop it there first' });
    expect((await fetch(`${hosted.server.replace('ws:', 'http:')}/health`)).status).toBe(200);
  });

  it('closes the server when stopped, so the links stop working', async () => {
    const { hosting } = loopbackHosting();
    stops.push(() => hosting.stopAll());
    const host = createHost(setup({ hosting, slot: 'window-a' }).deps);
    const hosted = (await host.hostInterview()) as HostedInterview;
    const health = `${hosted.server.replace('ws:', 'http:')}/health`;
    expect((await fetch(health)).status).toBe(200);
    await host.stopHosting();
    await expect(fetch(health)).rejects.toThrow();
    expect(await host.hostedInterview()).toBeNull();
  });

  it('says why when the server cannot start, and picks an address on the network when there is one', async () => {
    const { hosting } = loopbackHosting();
    const failing = new InterviewHosting({ ...hostingDeps('/nowhere', '/nowhere'), lanAddress: () => '192.0.2.1' });
    stops.push(() => hosting.stopAll());
    expect(await failing.host('window-a')).toEqual({ error: expect.stringMatching(/^cannot host the interview on 192\.0\.2\.1: /) });
    expect(lanAddress({ lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true } as never], eth0: [{ address: 'fe80::1', family: 'IPv6', internal: false } as never, { address: '192.168.1.20', family: 'IPv4', internal: false } as never] })).toBe('192.168.1.20');
    expect(lanAddress({ lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true } as never] })).toBe('127.0.0.1');
  });
});
