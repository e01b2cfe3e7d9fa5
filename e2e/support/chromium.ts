// Which Chromium the end-to-end tests drive. Downloading browsers is often impossible (closed
// networks, CI images), so a system Chromium comes first: CHROMIUM_PATH, then Debian's
// /usr/bin/chromium, then Playwright's own build if one was installed. With none of these, one
// attempt at `npx playwright install chromium`, then a message naming the three ways to get one.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function playwrightOwn(): string | undefined {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const own = playwrightOwn();
  if (own) return own;
  try {
    execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', timeout: 300_000 });
  } catch {
    // fall through to the message below
  }
  const installed = playwrightOwn();
  if (installed) return installed;
  throw new Error(
    [
      'No Chromium found for the end-to-end tests. Any one of these works:',
      '  1. set CHROMIUM_PATH to a Chromium or Chrome binary;',
      '  2. install Debian/Ubuntu Chromium at /usr/bin/chromium (apt-get install chromium);',
      "  3. install Playwright's own browser: npx playwright install chromium.",
    ].join('\n'),
  );
}
