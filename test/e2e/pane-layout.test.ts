// The pane's layout at a real task-pane size (320 × 800, the narrowest Outlook gives) in the dark theme, in
// real Chromium: jsdom computes no layout, so clipping, wrapping and invalid CSS only show up here. The
// tracker is stood in for by routed responses, since only the list's rendering is under test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, FrameLocator, Page, Route } from 'playwright-core';
import type { TrackerPage } from '../../src/core/tracking/api-contract';
import { chromiumPath, requireTool } from '../support/require-tool';
import { buildPreview, type PreviewBuild } from './support/build-preview';
import { launchChromium } from './support/launch-chromium';
import { serveStatic, type StaticServer } from './support/serve-static';

const executable = chromiumPath();
const runBrowserTests = requireTool(
  'chromium',
  executable !== null,
  'Install Debian’s Chromium (`apt-get install chromium`) or set CHROMIUM_PATH.',
);

const PANE_WIDTH = 320;
const PANE_HEIGHT = 800;
const TRACKER = 'http://127.0.0.1:9';

const trackerPage: TrackerPage = {
  trackers: [
    {
      id: 'tracker-1',
      subject: 'RE: Interview invitation: Senior Product Designer at Northwind Labs',
      recipient: 'dana.whitfield@northwind-labs.example',
      template: 'accepted-other-offer',
      createdAt: new Date().toISOString(),
      status: 'unopened',
      opens: 0,
      machineOpens: 0,
      clicks: 0,
      firstOpenedAt: null,
      lastOpenedAt: null,
    },
  ],
  nextCursor: null,
};

describe.skipIf(!runBrowserTests)('the pane at 320 px in the dark theme (real Chromium)', () => {
  let build: PreviewBuild;
  let site: StaticServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    build = await buildPreview();
    site = await serveStatic(build.dir);
    browser = await launchChromium(executable as string);
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(15_000);
    // An account already exists, on a tracker this test answers for.
    await page.addInitScript(
      ([key, tracker]) =>
        localStorage.setItem(
          'politely-preview-roaming-settings',
          JSON.stringify({ 'politely.settings.v1': { apiKey: key, trackerUrl: tracker } }),
        ),
      ['layout-test-key', TRACKER] as const,
    );
    await page.route(`${TRACKER}/**`, answerAsTracker);
    await page.goto(`${site.baseUrl}/preview.html`);
    await page.addStyleTag({
      content: `.layout { grid-template-columns: 300px ${PANE_WIDTH + 26}px 300px !important }
        .pane-frame { width: ${PANE_WIDTH}px !important; height: ${PANE_HEIGHT}px !important; border: 0 !important }`,
    });
    await page.getByLabel('Dark Office theme').check();
    await page.getByRole('button', { name: 'Show in task pane' }).click();
    await pane().getByRole('heading', { name: 'Interview invitation' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await build?.dispose();
  });

  const pane = (): FrameLocator => page.frameLocator('iframe[title="Politely task pane"]');

  /** How far the pane's document is wider than the pane: 0 when nothing runs past its edge. */
  const horizontalOverflow = () =>
    pane()
      .locator('html')
      .evaluate((html) => html.scrollWidth - html.clientWidth);

  it('keeps the three tabs on one line and marks the selected one with an underline', async () => {
    const boxes = await pane()
      .getByRole('tab')
      .evaluateAll((tabs) => tabs.map((tab) => tab.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(3);
    const heights = boxes.map((box) => box.height);
    // "Tracked declines" on two lines made that tab (and the bar) about twice as tall as a one-line tab.
    expect(Math.max(...heights)).toBeLessThan(40);
    const selectedShadow = await pane()
      .getByRole('tab', { selected: true })
      .evaluate((tab) => getComputedStyle(tab).boxShadow);
    expect(selectedShadow).toContain('inset');
    const otherShadow = await pane()
      .getByRole('tab', { selected: false })
      .first()
      .evaluate((tab) => getComputedStyle(tab).boxShadow);
    expect(otherShadow).not.toBe(selectedShadow);
  });

  it('fits the decline panel within the pane', async () => {
    expect(await horizontalOverflow()).toBeLessThanOrEqual(0);
  });

  it('paints Settings on the dark background down to the bottom of the pane, and fits it', async () => {
    await pane().getByRole('tab', { name: 'Settings' }).click();
    await pane().getByRole('button', { name: 'Save settings' }).waitFor();
    expect(await horizontalOverflow()).toBeLessThanOrEqual(0);
    const bottomInsideTheme = await pane()
      .locator('html')
      .evaluate((html) => {
        const view = html.ownerDocument.defaultView as Window;
        const atBottom = html.ownerDocument.elementFromPoint(view.innerWidth / 2, view.innerHeight - 4);
        return atBottom?.closest('.fui-FluentProvider') != null;
      });
    expect(bottomInsideTheme).toBe(true);
  });

  it('shows a row’s whole status badge beside a long subject', async () => {
    await pane().getByRole('tab', { name: 'Tracked declines' }).click();
    const badge = pane().locator('[data-status="unopened"]');
    await badge.waitFor();
    expect(await badge.innerText()).toBe('Unopened');
    const clipped = await badge.evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(clipped).toBeLessThanOrEqual(0);
    expect(await horizontalOverflow()).toBeLessThanOrEqual(0);
  });

  it('shows the outcome of "Open reply" beside the buttons, in view of a pane scrolled to the top', async () => {
    await pane().getByRole('tab', { name: 'Decline', exact: true }).click();
    await pane()
      .locator('html')
      .evaluate((html) => html.ownerDocument.defaultView?.scrollTo(0, 0));
    await pane().getByRole('button', { name: 'Open reply', exact: true }).click();
    // This tracker refuses new trackers, so the reply opens untracked and the pane must say so.
    const warning = pane().getByText(/^Not tracked:/);
    await warning.waitFor();
    const box = await warning.evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(PANE_HEIGHT);
    await pane().getByRole('button', { name: 'Retry with tracking' }).waitFor();
    const buttons = await pane()
      .getByRole('button', { name: 'Open reply', exact: true })
      .evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
    expect(buttons.bottom).toBeLessThanOrEqual(PANE_HEIGHT);
  });
});

async function answerAsTracker(route: Route): Promise<void> {
  const request = route.request();
  const cors = {
    'access-control-allow-origin': request.headers()['origin'] ?? '*',
    'access-control-allow-headers': 'authorization, content-type',
    'access-control-allow-methods': 'GET, POST, DELETE',
  };
  if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
  const { pathname } = new URL(request.url());
  if (pathname === '/api/v1/trackers' && request.method() === 'GET') {
    return route.fulfill({ status: 200, headers: cors, json: trackerPage });
  }
  // Live events and anything else: the view says it is not live, which this test does not look at.
  return route.fulfill({ status: 503, headers: cors, json: { statusCode: 503, error: 'x', message: 'x' } });
}
