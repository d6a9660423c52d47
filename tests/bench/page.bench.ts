import { launch, serveRenderer } from '../e2e/browser';
import { report } from './measure';

/** Time from navigating to a blueprint in Chromium until its figures are on the canvas. */
export async function benchPage(): Promise<void> {
  const [server, browser] = await Promise.all([serveRenderer(), launch()]);
  try {
    for (const slug of ['video-recommendation', 'news-feed']) {
      const times: number[] = [];
      for (let run = 0; run < 5; run++) {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        const start = performance.now();
        await page.goto(`${server.url}?blueprint=${slug}`);
        await page.waitForSelector('[data-testid="budget-bar"] .meter');
        await page.waitForFunction(() => document.querySelectorAll('.component-figures span').length > 10);
        times.push(performance.now() - start);
        await page.close();
      }
      const ms = times.sort((a, b) => a - b)[2]!;
      report(`open ${slug} in Chromium until figures show`, `${ms.toFixed(0)} ms`, '(no target)', true);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
