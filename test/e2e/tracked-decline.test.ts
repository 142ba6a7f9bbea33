// The tracked-decline loop in real Chromium against a real tracker process: the production pane bundle in
// the preview page creates a tracker when it opens a reply, the Tracked declines view follows the tracker's
// live events, and the preview's recipient view loads the pixel as a distinct client, which only a tracker
// in development mode accepts. The tracker's dev clock (POST /dev/clock) gets past the 60 s folding window.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { chromiumPath, requireTool } from '../support/require-tool';
import { startTrackerProcess, type TrackerProcess } from '../server/support/tracker-process';
import { buildPreview, type PreviewBuild } from './support/build-preview';
import { serveStatic, type StaticServer } from './support/serve-static';
import { launchChromium } from './support/launch-chromium';

const executable = chromiumPath();
const runBrowserTests = requireTool(
  'chromium',
  executable !== null,
  'Install Debian’s Chromium (`apt-get install chromium`) or set CHROMIUM_PATH.',
);

// Headless Chromium says "HeadlessChrome", which the tracker rightly files under scanners; the people in
// this story use an ordinary desktop Chrome. The flag, unlike a context's userAgent, also reaches image
// loads in sandboxed frames such as the preview's Reply form.
const DESKTOP_CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

const invitation = {
  subject: 'Interview invitation: Senior Product Designer at Northwind Labs',
  from: 'Dana Whitfield <dana.whitfield@northwind-labs.example>',
  body: [
    'Hi Alex,',
    '',
    'Thank you for applying for the Senior Product Designer role. We would love to invite you to a',
    'video interview with our design team next week. Would Tuesday at 14:00 work for you?',
    '',
    'Best regards,',
    'Dana Whitfield',
  ].join('\n'),
};
const replySubject = `RE: ${invitation.subject}`;

describe.skipIf(!runBrowserTests)(
  'a tracked decline, from the pane to the recipient and back (real Chromium)',
  () => {
    let build: PreviewBuild;
    let site: StaticServer;
    let tracker: TrackerProcess;
    let dataDir: string;
    let browser: Browser;
    let sender: BrowserContext;
    let page: Page;
    const pageErrors: string[] = [];
    let pixelUrl = '';

    beforeAll(async () => {
      [build, dataDir] = await Promise.all([
        buildPreview(),
        mkdtemp(path.join(tmpdir(), 'politely-e2e-tracker-')),
      ]);
      site = await serveStatic(build.dir);
      tracker = await startTrackerProcess({
        DATABASE_URL: `sqlite:${path.join(dataDir, 'tracker.sqlite')}`,
        DATA_DIR: dataDir,
        TRACKER_SECRET: 'e2e-tracked-decline-secret-e2e-tracked-decline',
        ALLOWED_ORIGINS: site.baseUrl,
        TRACKER_DEV_MODE: 'true',
      });
      browser = await launchChromium(executable as string, [`--user-agent=${DESKTOP_CHROME}`]);
      sender = await browser.newContext({ userAgent: DESKTOP_CHROME });
      page = await sender.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(`${site.baseUrl}/preview.html`);
    });

    afterAll(async () => {
      await browser?.close();
      await tracker?.stop('SIGTERM');
      await site?.close();
      await build?.dispose();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    const pane = (): FrameLocator => page.frameLocator('iframe[title="Politely task pane"]');
    const sentRow = () => pane().getByRole('button', { name: new RegExp(`^${escapeRegExp(replySubject)}`) });

    async function advanceTrackerClock(ms: number): Promise<void> {
      const response = await fetch(`${tracker.url}/dev/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceMs: ms }),
      });
      expect(response.status).toBe(200);
    }

    async function openAsRecipient(): Promise<void> {
      const href = await page.getByRole('link', { name: 'Open as recipient' }).getAttribute('href');
      expect(href).toMatch(/^preview-recipient\.html#/);
      // Another browser context: no shared storage or cache with the sender, like the recipient's webmail.
      const recipient = await browser.newContext({ userAgent: DESKTOP_CHROME });
      try {
        const view = await recipient.newPage();
        await view.goto(`${site.baseUrl}/${href}`);
        await view.waitForSelector('body[data-state="shown"]');
        expect(await view.getByRole('list', { name: 'Images loaded' }).innerText()).toContain(
          `Loaded: ${pixelUrl}`,
        );
      } finally {
        await recipient.close();
      }
    }

    it('opens a reply carrying exactly one pixel from the tracker set in Settings', async () => {
      await page.getByLabel('Subject', { exact: true }).fill(invitation.subject);
      await page.getByLabel('From', { exact: true }).fill(invitation.from);
      await page.getByLabel('Body', { exact: true }).fill(invitation.body);
      await page.getByRole('button', { name: 'Show in task pane' }).click();
      await pane().getByRole('heading', { name: 'Interview invitation' }).waitFor();

      await pane().getByRole('tab', { name: 'Settings' }).click();
      expect(await pane().getByRole('switch', { name: 'Track when my reply is opened' }).isChecked()).toBe(
        true,
      );
      await pane().getByRole('textbox', { name: 'Tracker URL' }).fill(tracker.url);
      await pane().getByRole('button', { name: 'Save settings' }).click();
      await pane().getByText('Settings saved.').waitFor();

      await pane().getByRole('tab', { name: 'Decline', exact: true }).click();
      await pane().getByRole('button', { name: 'Open reply', exact: true }).click();
      await pane().getByText('Reply opened in Outlook.').waitFor();
      expect(
        await pane()
          .getByText(/^Not tracked/)
          .count(),
      ).toBe(0);

      const html = await page.evaluate(() => {
        const { replies } = (window as unknown as { politelyPreview: { replies: { html: string }[] } })
          .politelyPreview;
        return replies[replies.length - 1]?.html ?? '';
      });
      const images = [...html.matchAll(/<img\b[^>]*>/g)].map((match) => match[0]);
      expect(images).toHaveLength(1);
      const image = images[0] as string;
      expect(image).toMatch(/\swidth="1"/);
      expect(image).toMatch(/\sheight="1"/);
      expect(image).toMatch(/\salt=""/);
      pixelUrl = /\ssrc="([^"]+)"/.exec(image)?.[1] ?? '';
      expect(pixelUrl.startsWith(`${tracker.url}/p/`)).toBe(true);
      // After the sign-off: nothing but closing tags follows the pixel.
      expect(html.slice(html.indexOf(image) + image.length)).toMatch(/^(<\/[a-z]+>)*$/);
    });

    it('lists the decline as Unopened, and does not count the sender’s own view of the reply', async () => {
      // The preview's Reply form shows the reply in this same browser, so the pixel has already been loaded
      // once by the pane's own client; wait until the tracker has recorded it.
      await pane().getByRole('tab', { name: 'Tracked declines' }).click();
      await sentRow().click();
      await expect
        .poll(
          async () => {
            await pane().getByRole('button', { name: '← Back to tracked declines' }).click();
            await sentRow().click();
            return pane().getByRole('list', { name: 'Activity, newest first' }).count();
          },
          { timeout: 10_000 },
        )
        .toBe(1);
      const activity = await pane().getByRole('list', { name: 'Activity, newest first' }).innerText();
      expect(activity).toMatch(/Your own copy, not counted/);
      expect(activity).not.toMatch(/Opened/);
      await pane().getByRole('button', { name: '← Back to tracked declines' }).click();

      const row = sentRow();
      expect(await row.innerText()).toContain('To dana.whitfield@northwind-labs.example');
      expect(await row.innerText()).toContain('Unopened');
      await pane().getByText('Updating live', { exact: true }).waitFor();
    });

    it('turns to Opened when the recipient opens it, without a reload, then Reopened (2) a minute later', async () => {
      await openAsRecipient();
      await sentRow().getByText('Opened', { exact: true }).waitFor({ timeout: 10_000 });
      await pane()
        .getByRole('status')
        .getByText(/was opened by dana\.whitfield@northwind-labs\.example/)
        .waitFor();

      // A second load within 60 s is the same open; past it, a reopen.
      await openAsRecipient();
      await advanceTrackerClock(61_000);
      await openAsRecipient();
      await sentRow().getByText('Reopened (2)', { exact: true }).waitFor({ timeout: 10_000 });

      await sentRow().click();
      const activity = await pane().getByRole('list', { name: 'Activity, newest first' }).innerText();
      expect(activity.match(/Opened, Preview: recipient/g)).toHaveLength(3);
      expect(activity.match(/Your own copy, not counted/g)).toHaveLength(1);
      expect(pageErrors).toEqual([]);
    });

    it('shows the latest 100 events of a flooded tracker and pages back to the oldest on request', async () => {
      // The detail from the previous step is open. A looped pixel: 120 more loads (from Node, so a scanner).
      for (let batch = 0; batch < 12; batch++) {
        await Promise.all(
          Array.from({ length: 10 }, async () => {
            const response = await fetch(pixelUrl);
            expect(response.status).toBe(200);
            await response.arrayBuffer();
          }),
        );
      }
      const activity = pane().getByRole('list', { name: 'Activity, newest first' });
      const shown = pane().getByText(/^Showing the latest 100 of \d+ events\.$/);
      await expect
        .poll(
          async () => {
            await pane().getByRole('button', { name: '← Back to tracked declines' }).click();
            await sentRow().click();
            await activity.waitFor();
            return (await shown.count()) > 0 ? await shown.innerText() : '';
          },
          { timeout: 15_000 },
        )
        .toBe('Showing the latest 100 of 124 events.');
      expect(await activity.getByRole('listitem').count()).toBe(100);
      expect(await activity.innerText()).not.toMatch(/Your own copy/);

      await pane().getByRole('button', { name: 'Show earlier activity' }).click();
      await expect.poll(() => activity.getByRole('listitem').count()).toBe(124);
      // The oldest kept event is the sender's own view of the reply; nothing older is left to load.
      expect(await activity.getByRole('listitem').last().innerText()).toMatch(/Your own copy, not counted/);
      expect(await pane().getByRole('button', { name: 'Show earlier activity' }).count()).toBe(0);
      expect(await shown.count()).toBe(0);
      // Keyboard focus is on the first row the page added, not lost to the page.
      const focused = await pane()
        .locator(':focus')
        .evaluate((element) => element.closest('ol')?.getAttribute('aria-label') ?? null);
      expect(focused).toBe('Activity, newest first');
      expect(pageErrors).toEqual([]);
    });

    it('lets the pane read the rate-limit headers of a cross-origin answer', async () => {
      // A 429's Retry-After and X-RateLimit-Reset tell the pane when to try again; the browser hides them
      // from a cross-origin caller unless the tracker exposes them. Every API answer carries the X-RateLimit-*.
      const headers = await page.evaluate(async (url) => {
        const response = await fetch(`${url}/api/v1/trackers`);
        return {
          status: response.status,
          limit: response.headers.get('x-ratelimit-limit'),
          reset: response.headers.get('x-ratelimit-reset'),
        };
      }, tracker.url);
      expect(headers.status).toBe(401);
      expect(Number(headers.limit)).toBeGreaterThan(0);
      expect(headers.reset).toMatch(/^\d+$/);
    });

    it('still opens the reply, untracked, when the tracker cannot be reached, says why, and retries with tracking', async () => {
      await pane().getByRole('tab', { name: 'Settings' }).click();
      await pane().getByRole('textbox', { name: 'Tracker URL' }).fill('http://127.0.0.1:9');
      await pane().getByRole('button', { name: 'Save settings' }).click();
      await pane().getByText('Settings saved.').waitFor();
      await pane().getByRole('tab', { name: 'Decline', exact: true }).click();
      const before = await page.evaluate(
        () =>
          (window as unknown as { politelyPreview: { replies: unknown[] } }).politelyPreview.replies.length,
      );
      await pane().getByRole('button', { name: 'Open reply', exact: true }).click();
      await pane()
        .getByText(/^Not tracked: the tracker at http:\/\/127\.0\.0\.1:9 could not be reached/)
        .waitFor();
      await pane().getByRole('button', { name: 'Retry with tracking' }).waitFor();
      const html = await page.evaluate(() => {
        const { replies } = (window as unknown as { politelyPreview: { replies: { html: string }[] } })
          .politelyPreview;
        return { count: replies.length, last: replies[replies.length - 1]?.html ?? '' };
      });
      expect(html.count).toBe(before + 1);
      expect(html.last).not.toContain('<img');

      // The tracker is back (here: the right URL again); the message is still there after a look at
      // Settings, and Retry opens a new reply that is tracked.
      await pane().getByRole('tab', { name: 'Settings' }).click();
      await pane().getByRole('textbox', { name: 'Tracker URL' }).fill(tracker.url);
      await pane().getByRole('button', { name: 'Save settings' }).click();
      await pane().getByText('Settings saved.').waitFor();
      await pane().getByRole('tab', { name: 'Decline', exact: true }).click();
      await pane().getByRole('button', { name: 'Retry with tracking' }).click();
      await page.waitForFunction(
        (count) =>
          (window as unknown as { politelyPreview: { replies: unknown[] } }).politelyPreview.replies
            .length === count,
        before + 2,
      );
      const retried = await page.evaluate(() => {
        const { replies } = (window as unknown as { politelyPreview: { replies: { html: string }[] } })
          .politelyPreview;
        return replies[replies.length - 1]?.html ?? '';
      });
      expect(retried.match(/<img\b/g)).toHaveLength(1);
      expect(retried).toContain(`src="${tracker.url}/p/`);
      await expect
        .poll(() =>
          pane()
            .getByText(/^Not tracked/)
            .count(),
        )
        .toBe(0);
    });
  },
);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
