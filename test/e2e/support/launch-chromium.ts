// Starts Debian's Chromium through playwright-core with the flags this machine needs (no sandbox as root,
// no background networking on a closed network). `launch` gives every run a fresh temporary profile
// (Playwright's own --user-data-dir) and deletes it on close.
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

export function launchChromium(executablePath: string, extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}
