import { describe, expect, it } from 'vitest';
import { clickAction, editorPages, screenshot } from './browser';

const errors: string[] = [];
const { open } = editorPages(errors);

describe('practice that teaches, in Chromium', () => {
  it('runs a session with the worksheet, step feedback, the reference side by side and a replay', async () => {
    const page = await open('video-recommendation');
    await page.setViewportSize({ width: 1280, height: 720 });
    await clickAction(page, 'Practice an Interview…');
    const start = page.getByRole('dialog', { name: 'Practice an interview' });
    await start.getByLabel('Case').selectOption('news-feed');
    await start.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => page.locator('.react-flow__node-component').count()).toBe(0);

    const canvas = page.getByTestId('canvas');
    const box = (await canvas.boundingBox())!;
    await page.getByRole('button', { name: 'Traffic', exact: true }).dragTo(canvas, { targetPosition: { x: 120, y: 150 } });
    await page.getByRole('button', { name: 'Model', exact: true }).dragTo(canvas, { targetPosition: { x: box.width / 2, y: 150 } });
    await page.locator('[data-id="traffic"] .react-flow__handle.source').dragTo(page.locator('[data-id="model"] .react-flow__handle.target'));
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);

    const panel = page.getByRole('region', { name: 'Practice' });
    await panel.getByLabel('Notes: Clarify requirements').fill('2B DAU twice a day; engagement and time spent');
    const peak = panel.getByRole('group', { name: 'Peak QPS from daily users' });
    await peak.getByLabel('Daily active users').fill('2000000000');
    await peak.getByLabel('Requests per user per day').fill('2');
    await peak.getByLabel('Peak to average').fill('2');
    await peak.getByLabel('Result (QPS)').fill('93000');
    await panel.getByRole('group', { name: 'Feature storage: entities x features x bytes' }).getByLabel('Result (GB)').fill('50');
    await screenshot(page, 'practice-worksheet-1280');

    await panel.getByLabel('Peak QPS at the entry').fill('93000');
    await panel.getByLabel('p99 end to end').fill('150');
    await panel.getByLabel('Total storage').fill('5000');
    await panel.getByRole('button', { name: 'Lock in and show the figures' }).click();
    await panel.getByRole('button', { name: 'Lock in the worksheet' }).click();
    const storage = panel.getByLabel('Graded: Feature storage: entities x features x bytes');
    await expect.poll(() => storage.textContent()).toContain('50 GB vs 5.4 TB: 110x too small');
    const graded = panel.getByLabel('Graded: Peak QPS from daily users');
    await expect.poll(() => graded.textContent()).toContain('The reference: 93k QPS vs 92.6k QPS: spot on. Good (within 25%)');
    await graded.getByText('Worked derivation on the reference').click();
    await expect.poll(() => graded.locator('details.worked').first().textContent()).toMatch(/86,400/);
    await graded.scrollIntoViewIfNeeded();
    await screenshot(page, 'practice-graded-1280');

    await panel.getByRole('button', { name: 'Done: check this step' }).first().click();
    const feedback = panel.getByLabel('Feedback: Clarify requirements');
    await expect.poll(() => feedback.textContent()).toContain('✓ Notes name the business metric');
    await expect.poll(() => feedback.textContent()).toContain('✓ The design has a traffic entry');

    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'practice-panel-1920');
    await panel.getByRole('button', { name: 'Compare with reference' }).click();
    const compare = page.getByRole('dialog', { name: /Your design against the reference/ });
    await expect.poll(() => compare.locator('[aria-label="The reference design"] .preview-node.missing').count()).toBeGreaterThan(5);
    expect(await compare.locator('[aria-label="The reference design"] [data-node="ranker"]').getAttribute('class')).toContain('match');
    await compare.getByRole('button', { name: 'Reveal: Clarify requirements' }).click();
    await expect.poll(() => compare.getByLabel('Step: Clarify requirements').textContent()).toContain('2B DAU twice a day');
    await screenshot(page, 'practice-compare-1920');
    await compare.getByRole('button', { name: 'One above the other (larger)' }).click();
    expect(await compare.locator('.compare-side.stacked').count()).toBe(1);
    await compare.getByRole('img', { name: 'The reference design' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'practice-compare-stacked-1920');
    await compare.getByRole('button', { name: 'Side by side' }).click();
    await page.setViewportSize({ width: 1280, height: 720 });
    await screenshot(page, 'practice-compare-1280');

    await compare.getByRole('button', { name: 'Replay' }).click();
    const replay = page.getByRole('dialog', { name: 'Replay of the session' });
    const changes = Number((await replay.getByLabel('Change').textContent())!.match(/of (\d+)/)![1]);
    expect(changes).toBeGreaterThan(5);
    await replay.getByLabel('Speed').selectOption('16');
    await replay.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => replay.getByLabel('Change').textContent(), { timeout: 60_000 }).toBe(`change ${changes} of ${changes}`);
    expect(await replay.locator('.preview-node').count()).toBe(2);
    await screenshot(page, 'practice-replay-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'practice-replay-1920');

    // The session is in the document: the replay log reproduces it.
    const saved = await page.evaluate(() => document.querySelector('.side')?.textContent ?? '');
    expect(saved).toContain('Back-of-envelope worksheet');
  }, 180_000);

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
