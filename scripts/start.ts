/**
 * `npm start`: build Lectern and show it on the bundled sample article (an NPR-style news story whose photo captions
 * are printed twice on the page).
 * - With a display: opens Chromium with the extension loaded and the sample page open; click the Lectern button.
 * - Without one (CI, servers): runs headless with the test build (activeTab needs a real click, so that build may
 *   read 127.0.0.1), opens the real popup, saves out/popup.png and prints the article's title and caption count.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, openPopup } from './lib/chromium';
import { placeholderPng } from './lib/png';
import { serveStatic } from './lib/serve';

const SAMPLE = 'captions-npr-toggle';
const ROOT = process.cwd();
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI && !process.argv.includes('--headless');

function build(e2e: boolean): void {
  const run = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, ...(e2e ? { E2E: '1' } : {}) },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

build(!headed);
const server = await serveStatic(join(ROOT, 'tests', 'pages'), placeholderPng());
const sampleUrl = `${server.origin}/${SAMPLE}/source.html`;
const lectern = await launchWithExtension(join(ROOT, headed ? 'dist' : 'dist-e2e'), { headless: !headed });
const tab = lectern.context.pages()[0] ?? (await lectern.context.newPage());
await tab.goto(sampleUrl);

if (headed) {
  console.log(`Lectern is loaded. The sample article is open at ${sampleUrl}.`);
  console.log('Click the Lectern button in the toolbar (or press Alt+Shift+L). Close the browser to stop.');
  await new Promise<void>((resolve) => lectern.context.on('close', () => resolve()));
  await server.close();
} else {
  await tab.bringToFront();
  const popup = await openPopup(lectern);
  await popup.waitForSelector('.lectern-reader, .lectern-status--failure', { timeout: 20_000 });
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  await popup.screenshot({ path: join(ROOT, 'out', 'popup.png') });
  const title = await popup.locator('.lectern-reader__title, .lectern-status__message').first().innerText();
  const figures = await popup.locator('.lectern-reader__body figure').count();
  const captions = await popup.locator('.lectern-reader__body figcaption').count();
  console.log(`Title: ${title}`);
  console.log(`Captions: ${captions} (one per photo; ${figures} photos)`);
  console.log(`Screenshot of the popup: out/popup.png`);
  await lectern.close();
  await server.close();
}
