// Measures the advance widths of Liberation Sans (metric-compatible with Arial and
// Helvetica) in Chromium, regular and bold, at 1000 px; prints the table that
// shared/layout/fontMetrics.ts holds. Run once: node scripts/measure-font.mjs
import { chromium } from 'playwright-core';

const CHARS = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('') + '×·–—…’‘“”éèàüöäç→≈≤≥±µ°';
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
const widths = await page.evaluate((chars) => {
  const context = document.createElement('canvas').getContext('2d');
  const measure = (weight) => {
    context.font = `${weight} 1000px 'Liberation Sans'`;
    return [...chars].map((c) => Math.round(context.measureText(c).width));
  };
  return { regular: measure('normal'), bold: measure('bold') };
}, CHARS);
await browser.close();
console.log(JSON.stringify({ chars: CHARS, ...widths }));
