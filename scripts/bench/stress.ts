/**
 * Stress rows of the speed bench: pages generated here (never in a test) and read in Chromium, timed from the call to
 * the answer, article or refusal. The budget (issue: "a page of 200,000 elements gets the article or a clear 'this
 * page is too large' answer within 2 s") is reported, never enforced.
 */
import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from '../lib/chromium';
import { serveStatic } from '../lib/serve';
import { quantile } from './speed';

export const STRESS_BUDGET_MS = 2000;
const RUNS = 3;

export interface StressRow {
  id: string;
  elements: number;
  /** What the reader got: `article` or the failure reason. */
  answer: string;
  median: number;
  max: number;
}

const PARAGRAPH = 'The committee met again on Thursday to go through the figures line by line, and agreed to publish them.';

/** A page with one article holding `body`. */
function article(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

export const STRESS_PAGES: ReadonlyArray<{ id: string; html: () => string }> = [
  // 200,000 elements: 20,000 paragraphs of one sentence with 9 spans each.
  { id: 'elements-200k', html: () => article('Two hundred thousand elements', Array.from({ length: 20_000 }, () => `<p>${PARAGRAPH}${'<span></span>'.repeat(9)}</p>`).join('')) },
  // Just under the refusal limit: what the reader waits for on the largest page Lectern still reads.
  { id: 'elements-90k', html: () => article('Ninety thousand elements', Array.from({ length: 9_000 }, () => `<p>${PARAGRAPH}${'<span></span>'.repeat(9)}</p>`).join('')) },
  // A photo essay of 3,000 captioned photos.
  { id: 'images-3000', html: () => article('Three thousand photographs', Array.from({ length: 3_000 }, (_, i) => `<figure><img src="/img/p${i}.jpg" alt=""><figcaption>Photo ${i}: ${PARAGRAPH}</figcaption></figure><p>${PARAGRAPH}</p>`).join('')) },
];

export async function measureStress(bundle: string): Promise<StressRow[]> {
  const server = await serveStatic('/nonexistent-lectern-root');
  for (const page of STRESS_PAGES) server.put(`/${page.id}/source.html`, page.html(), { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" });
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const rows: StressRow[] = [];
  try {
    const context = await browser.newContext();
    await context.route('**/*', (route) => (route.request().url().endsWith('/source.html') ? route.continue() : route.abort()));
    for (const { id } of STRESS_PAGES) {
      const page = await context.newPage();
      page.setDefaultTimeout(300_000);
      await page.goto(`${server.origin}/${id}/source.html`, { waitUntil: 'load' });
      await page.evaluate(bundle);
      const { times, answer, elements } = await page.evaluate(
        ({ runs, url }) => {
          const times: number[] = [];
          let answer = '';
          for (let i = 0; i < runs; i++) {
            const t0 = performance.now();
            answer = window.lecternBench.lecternAnswer(document, url);
            times.push(performance.now() - t0);
          }
          return { times, answer, elements: document.getElementsByTagName('*').length };
        },
        { runs: RUNS, url: `${server.origin}/${id}/source.html` },
      );
      rows.push({ id, elements, answer, median: quantile(times, 0.5), max: Math.max(...times) });
      await page.close();
    }
    await context.close();
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }
  return rows;
}
