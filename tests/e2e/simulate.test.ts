import { describe, expect, it } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { simulate } from '../../shared/sim/simulate';
import { formatMs } from '../../shared/units';
import { clickAction, editorPages, screenshot } from './browser';

const errors: string[] = [];
const { open } = editorPages(errors);

/** The page's simulation workers (the estimate has a worker of its own). */
const simulationWorkers = (page: Awaited<ReturnType<typeof open>>) => page.workers().filter((w) => /simulate/.test(w.url()));

describe('Check by simulation, in Chromium', () => {
  it('runs the two replications in two workers, the progress bar showing both, with the figures of `mlsd simulate`', async () => {
    const page = await open('video-recommendation');
    await clickAction(page, 'Check by Simulation…');
    const dialog = page.getByRole('dialog', { name: 'Check by simulation' });
    const progress = dialog.getByLabel('Simulation progress');
    await expect.poll(() => progress.evaluate((bar) => (bar as HTMLProgressElement).value), { timeout: 60_000 }).toBeGreaterThan(0.05);
    expect(simulationWorkers(page)).toHaveLength(2);
    await screenshot(page, 'simulate-progress');
    const table = dialog.getByRole('table', { name: 'Simulated latency of Users opening the homepage' });
    await expect.poll(() => table.count(), { timeout: 180_000 }).toBe(1);
    await screenshot(page, 'simulate-figures');
    const expected = simulate(blueprint('video-recommendation')!, { requests: 200_000, seed: 1 }).entries[0]!.latencyMs!;
    for (const figure of ['p50', 'p99', 'p999'] as const) {
      const cells = await table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: figure, exact: true }) }).getByRole('cell').allTextContents();
      expect(cells[1]).toBe(`${formatMs(expected[figure].value)} ± ${formatMs(expected[figure].halfWidth)}`);
    }
    await expect.poll(() => simulationWorkers(page).length).toBe(0);
    expect(errors).toEqual([]);
  }, 300_000);

  it('stops both workers when cancelled', async () => {
    const page = await open('video-recommendation');
    await clickAction(page, 'Check by Simulation…');
    const dialog = page.getByRole('dialog', { name: 'Check by simulation' });
    await expect.poll(() => simulationWorkers(page).length, { timeout: 60_000 }).toBe(2);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Simulation cancelled.');
    await expect.poll(() => simulationWorkers(page).length).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);
});
