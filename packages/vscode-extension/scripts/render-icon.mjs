// Renders images/icon.svg to the 256×256 images/icon.png the marketplace needs, with Debian's headless Chromium.
// Usage: node scripts/render-icon.mjs   (needs /usr/bin/chromium: apt-get install chromium)
import { chromium } from 'playwright-core';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const images = fileURLToPath(new URL('../images/', import.meta.url));
const svg = await readFile(join(images, 'icon.svg'), 'utf8');
const profile = await mkdtemp(join(tmpdir(), 'auth-status-icon-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 256, height: 256 },
});
try {
  const page = await browser.newPage();
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(images, 'icon.png'), omitBackground: true });
  console.log('wrote images/icon.png');
} finally {
  await browser.close();
  await rm(profile, { recursive: true, force: true });
}
