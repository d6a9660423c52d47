import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostingDeps, InterviewHosting } from '../../electron/liveHosting';
import type { HostedInterview } from '../../shared/ipc';
import { screenshot, sharedBrowser } from './browser';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The desktop app's hosting, in Chromium: the main process's hosting runs
 * here (on loopback) serving the browser build; the interviewer's page gets
 * a stand-in for Electron's preload bridge that forwards hosting to it, as
 * the real bridge forwards to the main process.
 */
const shared = sharedBrowser();
const errors: string[] = [];
let hosting: InterviewHosting;
beforeAll(() => {
  hosting = new InterviewHosting({ ...hostingDeps(mkdtempSync(join(tmpdir(), 'mlsd-hosted-')), shared.server().outDir), lanAddress: () => '127.0.0.1' });
});
afterAll(async () => hosting?.stopAll());

/** A page in a browser context of its own; `bridge` gives it the desktop app's host. */
async function person(browser: Browser, size: { width: number; height: number }, bridge: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: size });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  if (bridge) {
    await page.exposeFunction('mlsdHostInvoke', async (method: string) => {
      if (method === 'hostInterview') return hosting.host('window');
      if (method === 'hostedInterview') return hosting.current('window');
      if (method === 'stopHosting') return hosting.stop('window');
      if (method === 'listRecovery' || method === 'recentFiles') return [];
      return undefined;
    });
    await page.addInitScript(() => {
      const listeners = new Map<string, ((payload: unknown) => void)[]>();
      const w = window as unknown as Record<string, unknown>;
      w.mlsdHostEmit = (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
      w.mlsdHost = {
        invoke: (method: string) => (w.mlsdHostInvoke as (m: string) => Promise<unknown>)(method),
        on(event: string, listener: (payload: unknown) => void) {
          listeners.set(event, [...(listeners.get(event) ?? []), listener]);
          return () => {};
        },
      };
    });
  }
  return page;
}

const status = (page: Page) => page.locator('[data-testid="live-bar"] .live-status').textContent();

describe('hosting a mock interview from the desktop app', () => {
  it('hosts from the File menu, shows both links, and the candidate joins from a browser on the page the host serves', async () => {
    const host = await person(shared.browser(), { width: 1280, height: 720 }, true);
    await host.goto(`${shared.server().url}?blueprint=news-feed`);
    await host.waitForSelector('[data-testid="budget-bar"] .meter');
    // The native menu's File > Host a Mock Interview… arrives as an action event.
    await host.evaluate(() => (window as unknown as { mlsdHostEmit: (e: string, p: unknown) => void }).mlsdHostEmit('action', { id: 'practice.host' }));
    await host.getByRole('button', { name: 'Host on this network' }).click();
    await expect.poll(() => host.getByLabel('Candidate link').inputValue(), { timeout: 30_000 }).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?live=/);
    await expect.poll(() => status(host), { timeout: 30_000 }).toBe('Live');
    await screenshot(host, 'host-dialog-1280');
    const hosted = hosting.current('window') as HostedInterview;
    expect(await host.getByLabel('Candidate link').inputValue()).toBe(hosted.candidateLink);
    expect(await host.getByLabel('Interviewer link').inputValue()).toBe(hosted.interviewerLink);

    // The candidate has no app: the link opens the page from the host's own server.
    const candidate = await person(shared.browser(), { width: 1920, height: 1080 }, false);
    await candidate.goto(hosted.candidateLink);
    expect(new URL(candidate.url()).origin).toBe(new URL(hosted.candidateLink).origin);
    await expect.poll(() => candidate.locator('.react-flow__node[data-id="feed"]').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => status(candidate), { timeout: 30_000 }).toBe('Live');
    await expect.poll(() => host.locator('.live-person').textContent(), { timeout: 30_000 }).toContain('Candidate · candidate');
    await screenshot(candidate, 'hosted-candidate-1920');

    // Stopping closes the server: the candidate is cut off, the links stop working.
    await host.getByRole('button', { name: 'Stop hosting' }).click();
    await expect.poll(() => host.getByRole('dialog').getByRole('status').textContent()).toContain('Stopped');
    await expect.poll(() => status(candidate), { timeout: 30_000 }).not.toBe('Live');
    await expect(fetch(hosted.candidateLink)).rejects.toThrow();
    expect(errors).toEqual([]);
  }, 180_000);
});
