// Shared by the browser tests: start `stemma demo` on a free loopback port, launch Debian's
// chromium through playwright-core, watch a page for anything a hostile page could make it do,
// and write screenshots under target/browser/.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = process.env.STEMMA_BIN || path.join(ROOT, 'target/release/stemma');
const SHOTS = path.join(ROOT, 'target/browser');

/// `stemma demo --bind 127.0.0.1:0 ARGS…` from the repository root; resolves once it prints
/// the address it serves. `seed` says whether ../shared/seed was ingested.
export function startDemo(args = []) {
  return new Promise((resolve, reject) => {
    const proc = spawn(BIN, ['demo', '--bind', '127.0.0.1:0', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The server never outlives the tests, even when they end abruptly.
    process.once('exit', () => proc.kill('SIGKILL'));
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`stemma demo printed no address in 120 s:\n${out}\n${err}`));
    }, 120_000);
    proc.stderr.on('data', (d) => { err += d; });
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/serving (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) {
        clearTimeout(timer);
        const exited = new Promise((r) => proc.once('exit', r));
        resolve({
          base: m[1],
          seed: /the seed from /.test(out),
          log: () => out + err,
          async stop() {
            if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
            const t = setTimeout(() => proc.kill('SIGKILL'), 10_000);
            await exited;
            clearTimeout(t);
          },
        });
      }
    });
    proc.once('error', (e) => { clearTimeout(timer); reject(e); });
    proc.once('exit', (code, sig) => {
      clearTimeout(timer);
      reject(new Error(`stemma demo exited (${code ?? sig}) before serving:\n${out}\n${err}`));
    });
  });
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/// A fresh page that records every dialog (dismissed), page error and main-frame navigation.
export async function watchedPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const seen = { dialogs: [], errors: [], urls: [] };
  page.on('dialog', async (d) => {
    seen.dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) seen.urls.push(f.url());
  });
  return { page, seen, context };
}

/// A full-page screenshot, target/browser/NAME.png.
export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
