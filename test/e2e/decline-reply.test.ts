// Drives the preview page in real Chromium: the production task pane bundle runs against the Office
// stand-in, and every reply it opens appears in the page's "Reply form" region.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, FrameLocator, Page, Route } from 'playwright-core';
import { DECLINE_REASONS } from '../../src/core/decline/decline-reasons';
import { renderDeclineReply } from '../../src/core/decline/render-decline-reply';
import type { DeclineValues } from '../../src/core/decline/render-decline-reply';
import { chromiumPath, requireTool } from '../support/require-tool';
import { buildPreview } from './support/build-preview';
import type { PreviewBuild } from './support/build-preview';
import { launchChromium } from './support/launch-chromium';
import { serveStatic } from './support/serve-static';
import type { StaticServer } from './support/serve-static';

const executable = chromiumPath();
const runBrowserTests = requireTool(
  'chromium',
  executable !== null,
  'Install Debian’s Chromium (`apt-get install chromium`) or set CHROMIUM_PATH.',
);

const pastedInvitation = {
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
    'Talent Partner, Northwind Labs',
  ].join('\n'),
};

const values: DeclineValues = {
  hiringManager: 'Dana Whitfield',
  jobTitle: 'Senior Product Designer',
  company: 'Northwind Labs',
  yourName: 'Alex Rivera',
};

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.skipIf(!runBrowserTests)('declining an invitation in the preview (real Chromium)', () => {
  let build: PreviewBuild;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    build = await buildPreview();
    server = await serveStatic(build.dir);
    browser = await launchChromium(executable as string);
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.baseUrl}/preview.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await build?.dispose();
  });

  const pane = (): FrameLocator => page.frameLocator('iframe[title="Politely task pane"]');
  const replyForm = () => page.getByRole('region', { name: 'Reply form' });

  async function waitForReplySource(html: string): Promise<void> {
    await page.waitForFunction(
      (expected) => document.getElementById('reply-source')?.textContent === expected,
      html,
    );
  }

  it('pastes an invitation and opens the reply for each of the six reasons', async () => {
    await page.getByLabel('Subject', { exact: true }).fill(pastedInvitation.subject);
    await page.getByLabel('From', { exact: true }).fill(pastedInvitation.from);
    await page.getByLabel('Body', { exact: true }).fill(pastedInvitation.body);
    await page.getByRole('button', { name: 'Show in task pane' }).click();

    await pane().getByRole('heading', { name: 'Interview invitation' }).waitFor();
    expect(await pane().getByLabel('Hiring manager').inputValue()).toBe('Dana Whitfield');
    expect(await pane().getByLabel('Job title').inputValue()).toBe('Senior Product Designer');
    expect(await pane().getByLabel('Your name').inputValue()).toBe('Alex Rivera');
    await pane().getByLabel('Company').fill('Northwind Labs');

    for (const reason of DECLINE_REASONS) {
      await pane().getByLabel('Decline reason').selectOption({ label: reason.label });
      await pane().getByRole('button', { name: 'Open reply', exact: true }).click();

      const rendered = renderDeclineReply({ reasonId: reason.id, values });
      if (!rendered.ok) throw new Error(rendered.error.message);
      await waitForReplySource(rendered.reply.html);

      const form = replyForm();
      expect(await form.getByRole('definition').nth(0).textContent()).toBe(
        'Dana Whitfield <dana.whitfield@northwind-labs.example>',
      );
      expect(await form.getByRole('definition').nth(1).textContent()).toBe(`RE: ${pastedInvitation.subject}`);
      expect(await form.getByRole('definition').nth(2).textContent()).toBe('displayReplyFormAsync');

      // What the recipient would read: the rendered reply, above the quoted invitation.
      const shown = squash(await page.frameLocator('#reply-body').locator('body > div').first().innerText());
      expect(shown).toBe(squash(rendered.reply.text));
      expect(shown).toMatch(
        /^Hi Dana Whitfield, Thank you for inviting me to interview for the Senior Product Designer role at Northwind Labs\./,
      );
      expect(shown).toMatch(/Alex Rivera$/);
      await pane().getByText('Reply opened in Outlook.').waitFor();
    }
    expect(pageErrors).toEqual([]);
  });

  it('escapes a name with markup and falls back to displayReplyAllForm on an older Outlook', async () => {
    await page.getByLabel(/Older Outlook/).check();
    const hostile = '<script>window.parent.pwned = true</script>Dana';
    await pane().getByLabel('Hiring manager').fill(hostile);
    await pane().getByRole('button', { name: 'Open reply all' }).click();

    const rendered = renderDeclineReply({
      reasonId: DECLINE_REASONS[DECLINE_REASONS.length - 1]!.id,
      values: { ...values, hiringManager: hostile },
    });
    if (!rendered.ok) throw new Error(rendered.error.message);
    await waitForReplySource(rendered.reply.html);
    expect(rendered.reply.html).toContain('Hi &lt;script&gt;window.parent.pwned = true&lt;/script&gt;Dana,');
    expect(await replyForm().getByRole('definition').nth(2).textContent()).toBe('displayReplyAllForm');
    expect(await replyForm().getByRole('definition').nth(0).textContent()).toMatch(
      /and everyone else on the email$/,
    );
    await page.frameLocator('#reply-body').getByText(`Hi ${hostile},`).waitFor();
    expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
    await page.getByLabel(/Older Outlook/).uncheck();
  });

  it('follows the selected email like a pinned pane: meeting request, non-invitation, no email', async () => {
    await page.getByLabel('Sample email').selectOption({ label: 'Interview as a meeting request' });
    await pane().getByText('Ravi Menon <ravi.menon@contoso-pharma.example>').waitFor();
    await pane()
      .getByText(/^Declining the meeting request for .*2027.* · Microsoft Teams$/)
      .waitFor();
    expect(await pane().getByLabel('Hiring manager').inputValue()).toBe('Ravi Menon');
    // The meeting's time appears in local time only, never again as the detector's UTC label.
    expect(
      await pane()
        .getByText(/2027-01-12 \d{2}:\d{2}/)
        .count(),
    ).toBe(0);

    await page.getByLabel('Sample email').selectOption({ label: 'Not an invitation (newsletter)' });
    await pane().getByRole('heading', { name: "This doesn't look like an interview invitation" }).waitFor();
    expect(await pane().getByRole('button', { name: 'Open reply', exact: true }).count()).toBe(0);
    await pane().getByRole('button', { name: 'Decline anyway' }).click();
    await pane().getByRole('button', { name: 'Open reply', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Select no email' }).click();
    await pane().getByText('No email selected').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('lists the times the email proposes as written, each whole', async () => {
    await page.getByLabel('Sample email').selectOption({ label: 'Interview invitation (email)' });
    await pane()
      .getByText('Proposed: Tuesday 8 December at 14:00; Wednesday 9 December at 10:30 (UK time)', {
        exact: true,
      })
      .waitFor();
  });

  it('says it is checking while the detector downloads, says so when that fails, and recovers with Try again', async () => {
    // A flaky network: the detector's chunk (a separate download, preloaded by the pane's page) first
    // hangs, then fails, then arrives.
    const flaky = await browser.newPage();
    const flakyErrors: string[] = [];
    flaky.on('pageerror', (error) => flakyErrors.push(error.message));
    let network: 'hanging' | 'offline' | 'online' = 'hanging';
    const hanging: Route[] = [];
    try {
      await flaky.route(/\/detector\.[0-9a-f]{8}\.js$/, (route) => {
        if (network === 'hanging') hanging.push(route);
        else if (network === 'offline') return route.abort('internetdisconnected');
        else return route.continue();
      });
      await flaky.goto(`${server.baseUrl}/preview.html`);
      await flaky.getByRole('button', { name: 'Show in task pane' }).click();
      const flakyPane = flaky.frameLocator('iframe[title="Politely task pane"]');

      await flakyPane.getByText('Checking whether this email invites you to an interview…').waitFor();
      expect(hanging.length).toBeGreaterThan(0);
      network = 'offline';
      await Promise.all(hanging.map((route) => route.abort('internetdisconnected')));

      const alert = flakyPane.getByRole('alert');
      await alert.getByText("Politely couldn't load its invitation detector").waitFor();
      expect(await alert.textContent()).toContain('Check your connection and try again.');

      network = 'online';
      await flakyPane.getByRole('button', { name: 'Try again' }).click();
      await flakyPane.getByRole('heading', { name: 'Interview invitation' }).waitFor();
      expect(await flakyPane.getByLabel('Hiring manager').inputValue()).toBe('Dana Whitfield');
      expect(await flakyPane.getByRole('alert').count()).toBe(0);
      expect(flakyErrors).toEqual([]);
    } finally {
      await flaky.close();
    }
  });

  it('follows the Office theme while open, without reloading the pane', async () => {
    await page.getByLabel('Sample email').selectOption({ label: 'Interview invitation (email)' });
    const main = pane().locator('main').first();
    await main.waitFor();
    const background = () => main.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(await background()).toBe('rgb(255, 255, 255)');
    await pane().getByLabel('Company').fill('Typed before the switch');

    await page.getByLabel('Dark Office theme').check();
    await expect.poll(background).toBe('rgb(41, 41, 41)');
    // The same pane, not a reload: what the user typed is still there.
    expect(await pane().getByLabel('Company').inputValue()).toBe('Typed before the switch');

    await page.getByLabel('Dark Office theme').uncheck();
    await expect.poll(background).toBe('rgb(255, 255, 255)');
    expect(pageErrors).toEqual([]);
  });
});
