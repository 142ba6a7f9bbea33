import { describe, expect, it, vi } from 'vitest';
import { createOfficeStandIn } from '../../src/preview/office-stand-in';
import type { PreviewEmail, PreviewHost, PreviewReply } from '../../src/preview/preview-host';
import { createOfficeMailbox } from '../../src/taskpane/office/office-mailbox';

function createHost(email: PreviewEmail | null = sample()) {
  let current = email;
  let supports19 = true;
  let saved: Record<string, unknown> = { existing: 'kept' };
  let theme: 'light' | 'dark' = 'dark';
  const listeners = new Set<() => void>();
  const themeListeners = new Set<() => void>();
  const replies: PreviewReply[] = [];
  const host: PreviewHost = {
    currentEmail: () => current,
    user: () => ({ displayName: 'Alex Rivera', emailAddress: 'alex@example.org' }),
    theme: () => theme,
    supportsMailbox19: () => supports19,
    onItemChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onThemeChanged(listener) {
      themeListeners.add(listener);
      return () => themeListeners.delete(listener);
    },
    showReply: (reply) => replies.push(reply),
    loadRoamingSettings: () => saved,
    saveRoamingSettings: (values) => (saved = values),
  };
  return {
    host,
    replies,
    select(next: PreviewEmail | null) {
      current = next;
      for (const listener of listeners) listener();
    },
    setSupports19: (value: boolean) => (supports19 = value),
    setTheme(next: 'light' | 'dark') {
      theme = next;
      for (const listener of themeListeners) listener();
    },
    saved: () => saved,
    listenerCount: () => listeners.size,
  };
}

function sample(overrides: Partial<PreviewEmail> = {}): PreviewEmail {
  return {
    id: 'preview-1',
    subject: 'Interview: Data Analyst',
    fromName: 'Ravi Menon',
    fromEmail: 'ravi@contoso.example',
    body: 'Would you like to interview?',
    itemClass: 'IPM.Schedule.Meeting.Request',
    meeting: { start: '2027-01-12T14:00:00.000Z', end: '2027-01-12T14:45:00.000Z', location: 'Teams' },
    ...overrides,
  };
}

/** The pane's own adapter over the stand-in: what the preview proves is what the pane will do in Outlook. */
function mailboxOver(host: PreviewHost) {
  return createOfficeMailbox(createOfficeStandIn(host) as unknown as typeof Office);
}

describe('the Office stand-in, seen through the pane’s own Office adapter', () => {
  it('serves the selected email, meeting details included, and the user’s name and theme', async () => {
    const { host } = createHost();
    const mailbox = mailboxOver(host);
    expect(await mailbox.readCurrentItem()).toEqual({
      itemId: 'preview-1',
      subject: 'Interview: Data Analyst',
      fromName: 'Ravi Menon',
      fromEmail: 'ravi@contoso.example',
      body: 'Would you like to interview?',
      itemClass: 'IPM.Schedule.Meeting.Request',
      meeting: {
        start: new Date('2027-01-12T14:00:00.000Z'),
        end: new Date('2027-01-12T14:45:00.000Z'),
        location: 'Teams',
      },
    });
    expect(mailbox.userDisplayName()).toBe('Alex Rivera');
    expect(mailbox.theme()).toBe('dark');
  });

  it('shows the reply through displayReplyFormAsync, or displayReplyForm when Mailbox 1.9 is off', async () => {
    const fake = createHost(sample({ itemClass: 'IPM.Note', meeting: null }));
    const mailbox = mailboxOver(fake.host);
    await mailbox.openReply('<p>No, thanks</p>', { replyAll: false });
    fake.setSupports19(false);
    await mailbox.openReply('<p>No to all</p>', { replyAll: true });
    expect(fake.replies.map(({ html, replyAll, api }) => ({ html, replyAll, api }))).toEqual([
      { html: '<p>No, thanks</p>', replyAll: false, api: 'displayReplyFormAsync' },
      { html: '<p>No to all</p>', replyAll: true, api: 'displayReplyAllForm' },
    ]);
    expect(fake.replies[0]?.inReplyTo.subject).toBe('Interview: Data Analyst');
  });

  it('throws like Outlook for a body over 32 KB characters', () => {
    const { host, replies } = createHost();
    const standIn = createOfficeStandIn(host);
    const item = standIn.context.mailbox.item;
    expect(() => item?.displayReplyForm({ htmlBody: 'x'.repeat(32 * 1024 + 1) })).toThrow(/32 KB/);
    expect(replies).toHaveLength(0);
  });

  it('raises ItemChanged when the page selects another email, including none', async () => {
    const fake = createHost();
    const mailbox = mailboxOver(fake.host);
    const listener = vi.fn();
    const stop = await mailbox.onItemChanged(listener);
    fake.select(null);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(await mailbox.readCurrentItem()).toBeNull();
    await stop();
    expect(fake.listenerCount()).toBe(0);
  });

  it('raises OfficeThemeChanged with the new theme, but only where Mailbox 1.14 exists', async () => {
    const fake = createHost();
    const mailbox = mailboxOver(fake.host);
    const listener = vi.fn();
    await mailbox.onThemeChanged!(listener);
    fake.setTheme('light');
    fake.setTheme('dark');
    expect(listener.mock.calls).toEqual([['light'], ['dark']]);

    const older = createHost();
    older.setSupports19(false);
    await expect(mailboxOver(older.host).onThemeChanged!(() => {})).rejects.toMatchObject({
      kind: 'unsupported',
    });
  });

  it('calls onReady asynchronously with Outlook as the host', async () => {
    const standIn = createOfficeStandIn(createHost().host);
    const callback = vi.fn();
    const ready = standIn.onReady(callback);
    expect(callback).not.toHaveBeenCalled();
    expect(await ready).toEqual({ host: 'Outlook', platform: 'OfficeOnline' });
    expect(callback).toHaveBeenCalledWith({ host: 'Outlook', platform: 'OfficeOnline' });
  });

  it('keeps roamingSettings with get/set/remove and saves them whole, refusing more than 32 KB', async () => {
    const fake = createHost();
    const { roamingSettings } = createOfficeStandIn(fake.host).context;
    expect(roamingSettings.get('existing')).toBe('kept');
    roamingSettings.set('apiKey', 'k1');
    roamingSettings.remove('existing');
    const save = () =>
      new Promise<{ status: string; error: { message: string } | null }>((resolve) =>
        roamingSettings.saveAsync(resolve),
      );
    expect((await save()).status).toBe('succeeded');
    expect(fake.saved()).toEqual({ apiKey: 'k1' });

    roamingSettings.set('huge', 'x'.repeat(33 * 1024));
    const result = await save();
    expect(result.status).toBe('failed');
    expect(result.error?.message).toMatch(/32 KB/);
    expect(fake.saved()).toEqual({ apiKey: 'k1' });
  });
});
