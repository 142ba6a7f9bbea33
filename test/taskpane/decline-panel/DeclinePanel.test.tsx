import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { webLightTheme } from '@fluentui/react-components';
import { renderDeclineReply } from '../../../src/core/decline/render-decline-reply';
import type { InvitationAnalysis } from '../../../src/core/invitation/email-input';
import { App } from '../../../src/taskpane/app/App';
import {
  DetectorLoadError,
  createDeferredInvitationDetector,
} from '../../../src/taskpane/app/deferred-invitation-detector';
import type { AnalyzeInvitation } from '../../../src/taskpane/app/deferred-invitation-detector';
import type { PaneServices, ReplyTrackingPort } from '../../../src/taskpane/app/pane-services';
import { MailboxError } from '../../../src/taskpane/office/mailbox-port';
import { createFakeMailbox, invitationEmail } from '../support/fake-mailbox';
import type { FakeMailbox } from '../support/fake-mailbox';

function analysisOf(overrides: Partial<InvitationAnalysis> = {}): InvitationAnalysis {
  return {
    verdict: 'invitation',
    isInvitation: true,
    confidence: 0.9,
    interviewKind: 'video-call',
    proposedTimes: ['Tuesday 8 December at 14:00'],
    schedulingLink: null,
    reasons: ['invites you to interview: “would love to invite you”'],
    fields: {
      hiringManager: { value: 'Dana Whitfield', evidence: 'signature' },
      jobTitle: { value: 'Senior Product Designer', evidence: 'subject' },
      company: { value: 'Northwind Labs', evidence: 'signature' },
    },
    ...overrides,
  };
}

function renderPane(
  options: {
    mailbox?: FakeMailbox;
    analysis?: InvitationAnalysis | ((subject: string | null) => InvitationAnalysis);
    extra?: Partial<PaneServices>;
  } = {},
) {
  const mailbox = options.mailbox ?? createFakeMailbox();
  const analyse = options.analysis ?? analysisOf();
  const analyzeInvitation = vi.fn(async (input: { subject: string | null }) =>
    typeof analyse === 'function' ? analyse(input.subject) : analyse,
  );
  const services: PaneServices = { mailbox, analyzeInvitation, ...options.extra };
  const utils = render(<App services={services} theme={webLightTheme} />);
  return { ...utils, mailbox, analyzeInvitation, user: userEvent.setup() };
}

const previewText = () => screen.getByTestId('reply-preview').textContent ?? '';
const openReplyButton = () => screen.getByRole('button', { name: 'Open reply' });

describe('DeclinePanel', () => {
  it('shows the email, the verdict with its reasons, and fields prefilled from the analysis', async () => {
    const { analyzeInvitation } = renderPane();
    expect(screen.getByText('Reading the email…')).toBeTruthy();

    await screen.findByRole('heading', { name: 'Interview invitation' });
    expect(screen.getByText('Dana Whitfield <dana@northwind.example>')).toBeTruthy();
    expect(screen.getByText('Interview invitation: Senior Product Designer')).toBeTruthy();
    expect(screen.getByText(/Confidence: 90% · video call/)).toBeTruthy();
    expect(screen.getByText('invites you to interview: “would love to invite you”')).toBeTruthy();
    expect(screen.getByText('Proposed: Tuesday 8 December at 14:00')).toBeTruthy();

    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Hiring manager' }).value).toBe(
      'Dana Whitfield',
    );
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Job title' }).value).toBe(
      'Senior Product Designer',
    );
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Company' }).value).toBe('Northwind Labs');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Your name' }).value).toBe('Alex Rivera');
    expect(previewText()).toMatch(
      /^Hi Dana Whitfield,Thank you for inviting me to interview for the Senior Product Designer role at Northwind Labs\./,
    );
    // The analysis is told who the reader is, so it never offers them as the hiring manager.
    expect(analyzeInvitation).toHaveBeenCalledWith(expect.objectContaining({ candidateName: 'Alex Rivera' }));
  });

  it('offers all six reasons and updates the preview live when the reason or a field changes', async () => {
    const { user } = renderPane();
    const reason = await screen.findByRole('combobox', { name: 'Decline reason' });
    expect(within(reason).getAllByRole('option')).toHaveLength(6);

    await user.selectOptions(reason, 'Personal reasons');
    expect(previewText()).toContain('For personal reasons');
    expect(previewText()).toMatch(/With thanks,Alex Rivera$/);

    const manager = screen.getByRole('textbox', { name: 'Hiring manager' });
    await user.clear(manager);
    expect(previewText()).toMatch(/^Hi there,/);
    await user.type(manager, 'Sam');
    expect(previewText()).toMatch(/^Hi Sam,/);
  });

  it('opens the reply with exactly the rendered, escaped HTML', async () => {
    const { user, mailbox } = renderPane();
    const manager = await screen.findByRole('textbox', { name: 'Hiring manager' });
    await user.clear(manager);
    await user.click(manager);
    await user.paste('<script>alert(1)</script>');
    expect(previewText()).toContain('Hi <script>alert(1)</script>,');

    await user.click(openReplyButton());
    await screen.findByText(/Reply opened in Outlook\./);
    const expected = renderDeclineReply({
      reasonId: 'accepted-offer',
      values: {
        hiringManager: '<script>alert(1)</script>',
        jobTitle: 'Senior Product Designer',
        company: 'Northwind Labs',
        yourName: 'Alex Rivera',
      },
    });
    expect(expected.ok).toBe(true);
    expect(mailbox.openReply).toHaveBeenCalledWith(expected.ok && expected.reply.html, { replyAll: false });
    expect(mailbox.replies[0]?.html).toContain('Hi &lt;script&gt;alert(1)&lt;/script&gt;,');
  });

  it('describes the reply text with a hint that says whether the fields still rewrite it', async () => {
    const { user } = renderPane();
    const text = await screen.findByRole('textbox', { name: 'Reply text' });
    const hint = () => document.getElementById(text.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(hint()).toBe('Follows the fields and reason above until you edit it.');

    await user.type(text, '!');
    expect(hint()).toBe('Edited by you: changing the fields or reason no longer rewrites it.');
  });

  it('opens reply all, and sends the user’s own edited text', async () => {
    const { user, mailbox } = renderPane();
    const text = await screen.findByRole('textbox', { name: 'Reply text' });
    await user.clear(text);
    await user.type(text, 'Thanks, but no.{Enter}{Enter}Alex');
    expect(screen.getByText(/Edited by you/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Open reply all' }));
    await screen.findByText(/Reply-all opened in Outlook\./);
    expect(mailbox.replies).toEqual([
      {
        html: '<div><p style="margin:0 0 1em 0">Thanks, but no.</p><p style="margin:0 0 1em 0">Alex</p></div>',
        replyAll: true,
      },
    ]);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Decline reason' }), 'Personal reasons');
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Reply text' }).value).toBe(
      'Thanks, but no.\n\nAlex',
    );
    await user.click(screen.getByRole('button', { name: 'Use the template text' }));
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Reply text' }).value).toContain(
      'For personal reasons',
    );
  });

  it('shows Outlook’s error in the pane and lets the user dismiss it', async () => {
    const { user, mailbox } = renderPane();
    await screen.findByRole('heading', { name: 'Interview invitation' });
    mailbox.failNextReply(
      new MailboxError('unsupported', "This Outlook client doesn't let add-ins open a reply form."),
    );
    await user.click(openReplyButton());

    const status = await screen.findByText("This Outlook client doesn't let add-ins open a reply form.");
    expect(screen.getByText("The reply didn't open")).toBeTruthy();
    expect(status.closest('[role="status"]')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText("The reply didn't open")).toBeNull();
  });

  it('explains a reply over 32 KB in the preview and refuses to open it', async () => {
    const { user, mailbox } = renderPane();
    const text = await screen.findByRole('textbox', { name: 'Reply text' });
    await user.clear(text);
    await user.click(text);
    await user.paste('x'.repeat(33 * 1024));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/too long for Outlook's reply form \(33\.0 KB of at most 32\.0 KB\)/);
    expect(openReplyButton().getAttribute('aria-disabled')).toBe('true');
    await user.click(openReplyButton());
    expect(mailbox.openReply).not.toHaveBeenCalled();
  });

  it('reloads for each selected email (pinned pane), including none at all', async () => {
    const mailbox = createFakeMailbox();
    renderPane({ mailbox, analysis: (subject) => analysisOf({ reasons: [`read ${subject}`] }) });
    await screen.findByText('read Interview invitation: Senior Product Designer');
    expect(mailbox.listenerCount()).toBe(1);

    mailbox.select(null);
    await screen.findByText('No email selected');

    mailbox.select(invitationEmail({ subject: 'Second email', fromName: 'Ravi Menon', fromEmail: null }));
    await screen.findByText('read Second email');
    expect(screen.getByText('Ravi Menon')).toBeTruthy();
  });

  it('keeps the user’s edits to an email when they move away and come back', async () => {
    const mailbox = createFakeMailbox({ item: invitationEmail({ itemId: 'first' }) });
    const { user } = renderPane({
      mailbox,
      analysis: (subject) => analysisOf({ reasons: [`read ${subject}`] }),
    });
    const text = await screen.findByRole('textbox', { name: 'Reply text' });
    await user.clear(text);
    await user.type(text, 'Half-written reply');

    mailbox.select(invitationEmail({ itemId: 'second', subject: 'Another invitation' }));
    await screen.findByText('read Another invitation');
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Reply text' }).value).toMatch(
      /^Hi Dana/,
    );

    mailbox.select(invitationEmail({ itemId: 'first' }));
    await screen.findByText('read Interview invitation: Senior Product Designer');
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Reply text' }).value).toBe(
      'Half-written reply',
    );
    expect(screen.getByText(/Edited by you/)).toBeTruthy();
  });

  it('ignores a slow read that finishes after a newer email was selected', async () => {
    const mailbox = createFakeMailbox();
    renderPane({ mailbox, analysis: (subject) => analysisOf({ reasons: [`read ${subject}`] }) });
    await screen.findByText('read Interview invitation: Senior Product Designer');

    const release = mailbox.holdNextRead();
    mailbox.select(invitationEmail({ subject: 'Slow one' }));
    mailbox.select(invitationEmail({ subject: 'Latest one' }));
    await screen.findByText('read Latest one');
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByText('read Slow one')).toBeNull();
    expect(screen.getByText('read Latest one')).toBeTruthy();
  });

  it('says when an email is not an invitation and lets the user decline anyway', async () => {
    const mailbox = createFakeMailbox({ item: invitationEmail({ itemId: 'newsletter' }) });
    const { user } = renderPane({
      mailbox,
      analysis: analysisOf({
        verdict: 'not-invitation',
        isInvitation: false,
        reasons: ['looks like a newsletter'],
      }),
    });
    await screen.findByRole('heading', { name: "This doesn't look like an interview invitation" });
    expect(screen.getByText('looks like a newsletter')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Open reply' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Decline anyway' }));
    expect(openReplyButton()).toBeTruthy();
    // The pressed button is gone; focus moves to the form rather than falling back to the page.
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Hiring manager' }));

    // Back on this email later (pinned pane), the restored form does not pull focus to itself.
    mailbox.select(null);
    await screen.findByText('No email selected');
    (document.activeElement as HTMLElement | null)?.blur();
    mailbox.select(invitationEmail({ itemId: 'newsletter' }));
    await screen.findByRole('textbox', { name: 'Hiring manager' });
    expect(document.activeElement).toBe(document.body);
  });

  it('says what it saw for interview logistics and still offers the reply', async () => {
    renderPane({
      analysis: analysisOf({
        verdict: 'interview-logistics',
        isInvitation: false,
        reasons: ['confirms a booked slot'],
      }),
    });
    await screen.findByRole('heading', { name: 'Interview logistics' });
    expect(screen.getByText(/rather than a new invitation/)).toBeTruthy();
    expect(screen.getByText('confirms a booked slot')).toBeTruthy();
    expect(openReplyButton()).toBeTruthy();
  });

  it('mentions the proposed time of a meeting request in the preview context', async () => {
    const mailbox = createFakeMailbox({
      item: invitationEmail({
        itemClass: 'IPM.Schedule.Meeting.Request',
        meeting: {
          start: new Date('2027-01-12T14:00:00Z'),
          end: new Date('2027-01-12T14:45:00Z'),
          location: 'Microsoft Teams',
        },
      }),
    });
    renderPane({
      mailbox,
      analysis: analysisOf({ proposedTimes: ['2027-01-12 14:00–14:45 UTC', 'Friday 3pm'] }),
    });
    const context = await screen.findByText(/^Declining the meeting request for /);
    expect(context.textContent).toMatch(/2027.*· Microsoft Teams$/);
    // The meeting's own time is shown once, in local time on the Meeting line; the list keeps the others.
    const meetingLine = context.textContent?.replace('Declining the meeting request for ', '');
    expect(screen.getByText('Meeting').nextElementSibling?.textContent).toBe(meetingLine);
    expect(screen.getByText('Proposed: Friday 3pm')).toBeTruthy();
    expect(document.body.textContent).not.toContain('2027-01-12 14:00');
  });

  it('shows a read failure with a way to try again', async () => {
    const mailbox = createFakeMailbox();
    vi.mocked(mailbox.readCurrentItem).mockRejectedValueOnce(
      new MailboxError('failed', "Outlook couldn't read this email's text. Please try again."),
    );
    const { user } = renderPane({ mailbox });
    expect((await screen.findByRole('alert')).textContent).toContain(
      "Outlook couldn't read this email's text.",
    );
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { name: 'Interview invitation' });
    // The pressed button is gone: focus goes to the form that came back, not to the page.
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Hiring manager' }));
  });

  it('keeps focus on Try again when trying again fails too, and never takes focus on its own', async () => {
    const mailbox = createFakeMailbox();
    const failure = new MailboxError('failed', "Outlook couldn't read this email's text. Please try again.");
    vi.mocked(mailbox.readCurrentItem).mockRejectedValueOnce(failure).mockRejectedValueOnce(failure);
    const { user } = renderPane({ mailbox });
    await user.click(await screen.findByRole('button', { name: 'Try again' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Try again' })),
    );
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { name: 'Interview invitation' });
    (document.activeElement as HTMLElement).blur();

    // Outlook selecting another email (pinned pane) reloads without moving focus.
    mailbox.select(invitationEmail({ subject: 'Another invitation' }));
    await screen.findByText('Another invitation');
    expect(document.activeElement).toBe(document.body);
  });

  it('says it is checking the email while the detector is still arriving, then shows the verdict', async () => {
    let deliver: (analyze: AnalyzeInvitation) => void = () => {};
    const detector = createDeferredInvitationDetector(
      () => new Promise<AnalyzeInvitation>((resolve) => (deliver = resolve)),
    );
    detector.preload();
    renderPane({ extra: { analyzeInvitation: detector.analyzeInvitation } });

    await screen.findByText('Checking whether this email invites you to an interview…');
    expect(screen.getByRole('status').textContent).toBe(
      'Checking whether this email invites you to an interview…',
    );
    deliver(() => analysisOf());
    await screen.findByRole('heading', { name: 'Interview invitation' });
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Hiring manager' }).value).toBe(
      'Dana Whitfield',
    );
  });

  it('says the detector could not be downloaded, and Try again fetches it again', async () => {
    const load = vi
      .fn<() => Promise<AnalyzeInvitation>>()
      .mockRejectedValueOnce(new Error('network error'))
      .mockRejectedValueOnce(new Error('network error'))
      .mockResolvedValue(() => analysisOf());
    const detector = createDeferredInvitationDetector(load);
    detector.preload();
    const { user } = renderPane({ extra: { analyzeInvitation: detector.analyzeInvitation } });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("Politely couldn't load its invitation detector");
    expect(alert.textContent).toContain(
      "Part of Politely didn't download (network error). Check your connection and try again.",
    );
    // The boot-time fetch failed, and the email's own call fetched once more before reporting it.
    expect(load).toHaveBeenCalledTimes(2);

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { name: 'Interview invitation' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('keeps an email’s draft when the detector fails on the next one, and restores it on return', async () => {
    const mailbox = createFakeMailbox({ item: invitationEmail({ itemId: 'first' }) });
    let detectorFails = false;
    const analyzeInvitation = vi.fn(async (input: { subject: string | null }) => {
      if (detectorFails) throw new DetectorLoadError(new Error('offline'));
      return analysisOf({ reasons: [`read ${input.subject}`] });
    });
    const { user } = renderPane({ mailbox, extra: { analyzeInvitation } });
    const text = await screen.findByRole('textbox', { name: 'Reply text' });
    await user.clear(text);
    await user.type(text, 'Half-written reply');

    detectorFails = true;
    mailbox.select(invitationEmail({ itemId: 'second', subject: 'Another invitation' }));
    await screen.findByText("Politely couldn't load its invitation detector");

    detectorFails = false;
    mailbox.select(invitationEmail({ itemId: 'first' }));
    await screen.findByText('read Interview invitation: Senior Product Designer');
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Reply text' }).value).toBe(
      'Half-written reply',
    );
  });

  it('stops listening for email changes when the pane goes away', async () => {
    const mailbox = createFakeMailbox();
    const { unmount } = renderPane({ mailbox });
    await screen.findByRole('heading', { name: 'Interview invitation' });
    unmount();
    await waitFor(() => expect(mailbox.listenerCount()).toBe(0));
  });

  it('reaches every control with Tab and opens the reply with Enter', async () => {
    const { user, mailbox } = renderPane();
    await screen.findByRole('heading', { name: 'Interview invitation' });
    const reached: string[] = [];
    for (let step = 0; step < 12; step++) {
      await user.tab();
      const focused = document.activeElement as HTMLElement;
      const id = focused.getAttribute('id');
      const label = id ? document.querySelector(`label[for="${id}"]`)?.textContent : null;
      reached.push(label ?? focused.textContent ?? '');
      if (focused === screen.getByRole('button', { name: 'Open reply all' })) break;
    }
    expect(reached).toEqual([
      'Hiring manager',
      'Job title',
      'Company',
      'Your name',
      'Decline reason',
      'Reply text',
      'Open reply',
      'Open reply all',
    ]);
    await user.tab({ shift: true });
    await user.keyboard('{Enter}');
    await screen.findByText(/Reply opened in Outlook\./);
    expect(mailbox.replies).toHaveLength(1);
  });
});

describe('DeclinePanel with reply tracking (issue 5 seam)', () => {
  it('puts the tracker’s pixel into the reply', async () => {
    const replyTracking: ReplyTrackingPort = {
      prepareTrackedReply: vi.fn(async () => ({
        kind: 'tracked' as const,
        pixelUrl: 'https://t.example/p/1.gif',
      })),
    };
    const { user, mailbox } = renderPane({ extra: { replyTracking } });
    await screen.findByRole('heading', { name: 'Interview invitation' });
    await user.click(openReplyButton());
    await screen.findByText(/Reply opened in Outlook\./);
    expect(replyTracking.prepareTrackedReply).toHaveBeenCalledWith({
      subject: 'RE: Interview invitation: Senior Product Designer',
      recipient: 'dana@northwind.example',
      templateId: 'accepted-offer',
    });
    expect(mailbox.replies[0]?.html).toMatch(
      /Alex Rivera<\/p><img src="https:\/\/t\.example\/p\/1\.gif" width="1" height="1" alt=""/,
    );
  });

  it('still opens the reply, without a pixel, and says why it is not tracked', async () => {
    const replyTracking: ReplyTrackingPort = {
      prepareTrackedReply: vi.fn(async () => ({
        kind: 'not-tracked' as const,
        reason: 'the tracker is unreachable.',
      })),
    };
    const { user, mailbox } = renderPane({ extra: { replyTracking } });
    await screen.findByRole('heading', { name: 'Interview invitation' });
    await user.click(openReplyButton());
    await screen.findByText(/^Not tracked: the tracker is unreachable\./);
    expect(mailbox.replies[0]?.html).not.toContain('<img');
  });
});
