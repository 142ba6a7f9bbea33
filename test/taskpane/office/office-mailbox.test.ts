import { describe, expect, it, vi } from 'vitest';
import { createOfficeMailbox } from '../../../src/taskpane/office/office-mailbox';
import { MailboxError } from '../../../src/taskpane/office/mailbox-port';

type Callback<T> = (result: { status: string; value?: T; error?: { message: string } }) => void;

const succeeded = <T>(value?: T) => ({ status: 'succeeded', value });
const failed = (message: string) => ({ status: 'failed', error: { message } });

/** A plain fake of the Office members the adapter uses; `item` and `supports19` are set per test. */
function fakeOffice(
  options: { item?: Record<string, unknown> | null; supports19?: boolean; theme?: unknown } = {},
) {
  const handlers: { event: string; handler: () => void }[] = [];
  const mailbox = {
    item: options.item === undefined ? fakeMessage() : options.item,
    userProfile: { displayName: 'Alex Rivera', emailAddress: 'alex@example.org' },
    addHandlerAsync: vi.fn((event: string, handler: () => void, callback: Callback<void>) => {
      handlers.push({ event, handler });
      callback(succeeded());
    }),
    removeHandlerAsync: vi.fn((_event: string, callback: Callback<void>) => callback(succeeded())),
  };
  const office = {
    context: {
      mailbox,
      requirements: {
        isSetSupported: vi.fn((name: string, version: string) => {
          const minor = Number(version.split('.')[1]);
          return name === 'Mailbox' && minor <= ((options.supports19 ?? true) ? 14 : 8);
        }),
      },
      officeTheme: options.theme,
    },
    CoercionType: { Text: 'text', Html: 'html' },
    EventType: { ItemChanged: 'olkItemSelectedChanged', OfficeThemeChanged: 'officeThemeChanged' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  };
  return { office: office as unknown as typeof Office, mailbox, handlers };
}

function fakeMessage(overrides: Record<string, unknown> = {}) {
  return {
    itemId: 'AAMkAGI2-item-1',
    subject: 'Interview for Product Designer',
    itemClass: 'IPM.Note',
    from: { displayName: 'Dana Whitfield', emailAddress: 'dana@northwind.example' },
    body: {
      getAsync: vi.fn((_coercion: string, callback: Callback<string>) => callback(succeeded('Hello Alex'))),
    },
    displayReplyForm: vi.fn(),
    displayReplyAllForm: vi.fn(),
    displayReplyFormAsync: vi.fn((_data: unknown, callback: Callback<void>) => callback(succeeded())),
    displayReplyAllFormAsync: vi.fn((_data: unknown, callback: Callback<void>) => callback(succeeded())),
    ...overrides,
  };
}

describe('createOfficeMailbox: reading the email', () => {
  it('reads subject, sender and the body as plain text', async () => {
    const item = fakeMessage();
    const { office } = fakeOffice({ item });
    const snapshot = await createOfficeMailbox(office).readCurrentItem();
    expect(snapshot).toEqual({
      itemId: 'AAMkAGI2-item-1',
      subject: 'Interview for Product Designer',
      fromName: 'Dana Whitfield',
      fromEmail: 'dana@northwind.example',
      body: 'Hello Alex',
      itemClass: 'IPM.Note',
      meeting: null,
    });
    expect(item.body.getAsync).toHaveBeenCalledWith('text', expect.any(Function));
  });

  it('reads start, end and location of a meeting request', async () => {
    const start = new Date('2026-12-03T10:00:00Z');
    const end = new Date('2026-12-03T10:45:00Z');
    const item = fakeMessage({ itemClass: 'IPM.Schedule.Meeting.Request', start, end, location: 'Teams' });
    const snapshot = await createOfficeMailbox(fakeOffice({ item }).office).readCurrentItem();
    expect(snapshot?.meeting).toEqual({ start, end, location: 'Teams' });
  });

  it('returns null when no email is selected', async () => {
    expect(await createOfficeMailbox(fakeOffice({ item: null }).office).readCurrentItem()).toBeNull();
  });

  it('rejects with a readable MailboxError when the body cannot be read', async () => {
    const item = fakeMessage({
      body: { getAsync: (_c: string, callback: Callback<string>) => callback(failed('Internal error.')) },
    });
    const read = createOfficeMailbox(fakeOffice({ item }).office).readCurrentItem();
    await expect(read).rejects.toBeInstanceOf(MailboxError);
    await expect(read).rejects.toMatchObject({
      kind: 'failed',
      message: "Outlook couldn't read this email's text: Internal error. Please try again.",
    });
  });

  it('gives the user’s display name, or null', () => {
    const { office, mailbox } = fakeOffice();
    const port = createOfficeMailbox(office);
    expect(port.userDisplayName()).toBe('Alex Rivera');
    mailbox.userProfile.displayName = '';
    expect(port.userDisplayName()).toBeNull();
  });
});

describe('createOfficeMailbox: opening the reply form', () => {
  const html = '<div><p>Hi Dana,</p></div>';

  it('uses displayReplyFormAsync with the exact HTML where Mailbox 1.9 is supported', async () => {
    const item = fakeMessage();
    await createOfficeMailbox(fakeOffice({ item, supports19: true }).office).openReply(html, {
      replyAll: false,
    });
    expect(item.displayReplyFormAsync).toHaveBeenCalledTimes(1);
    expect(item.displayReplyFormAsync).toHaveBeenCalledWith({ htmlBody: html }, expect.any(Function));
    expect(item.displayReplyForm).not.toHaveBeenCalled();
    expect(item.displayReplyAllFormAsync).not.toHaveBeenCalled();
  });

  it('uses displayReplyAllFormAsync for reply all', async () => {
    const item = fakeMessage();
    await createOfficeMailbox(fakeOffice({ item }).office).openReply(html, { replyAll: true });
    expect(item.displayReplyAllFormAsync).toHaveBeenCalledWith({ htmlBody: html }, expect.any(Function));
    expect(item.displayReplyFormAsync).not.toHaveBeenCalled();
  });

  it('falls back to displayReplyForm / displayReplyAllForm below Mailbox 1.9', async () => {
    const item = fakeMessage();
    const port = createOfficeMailbox(fakeOffice({ item, supports19: false }).office);
    await port.openReply(html, { replyAll: false });
    expect(item.displayReplyForm).toHaveBeenCalledWith({ htmlBody: html });
    await port.openReply(html, { replyAll: true });
    expect(item.displayReplyAllForm).toHaveBeenCalledWith({ htmlBody: html });
    expect(item.displayReplyFormAsync).not.toHaveBeenCalled();
  });

  it('refuses HTML over 32 KB before calling Outlook', async () => {
    const item = fakeMessage();
    const open = createOfficeMailbox(fakeOffice({ item }).office).openReply('x'.repeat(32 * 1024 + 1), {
      replyAll: false,
    });
    await expect(open).rejects.toMatchObject({
      kind: 'body-too-large',
      message: expect.stringMatching(/32 KB/),
    });
    expect(item.displayReplyFormAsync).not.toHaveBeenCalled();
  });

  it('reports a failed asynchronous call with Outlook’s reason', async () => {
    const item = fakeMessage({
      displayReplyFormAsync: (_d: unknown, callback: Callback<void>) =>
        callback(failed('The item was deleted.')),
    });
    await expect(
      createOfficeMailbox(fakeOffice({ item }).office).openReply(html, { replyAll: false }),
    ).rejects.toMatchObject({
      kind: 'failed',
      message: "Outlook couldn't open the reply form: The item was deleted. Please try again.",
    });
  });

  it('turns an exception thrown by Office into a rejection, never a throw', async () => {
    const item = fakeMessage({
      displayReplyForm: () => {
        throw new Error('Value exceeds the limit.');
      },
    });
    const port = createOfficeMailbox(fakeOffice({ item, supports19: false }).office);
    await expect(port.openReply(html, { replyAll: false })).rejects.toMatchObject({ kind: 'body-too-large' });
  });

  it('says the client is unsupported when it has no reply form API', async () => {
    const item = fakeMessage({ displayReplyFormAsync: undefined });
    await expect(
      createOfficeMailbox(fakeOffice({ item }).office).openReply(html, { replyAll: false }),
    ).rejects.toMatchObject({ kind: 'unsupported', message: expect.stringMatching(/reply by hand/) });
  });

  it('says no email is selected when the item is gone', async () => {
    await expect(
      createOfficeMailbox(fakeOffice({ item: null }).office).openReply(html, { replyAll: false }),
    ).rejects.toMatchObject({ kind: 'no-item' });
  });
});

describe('createOfficeMailbox: item changes and theme', () => {
  it('registers one ItemChanged handler and handles a change to no email', async () => {
    const { office, mailbox, handlers } = fakeOffice();
    const port = createOfficeMailbox(office);
    const listener = vi.fn();
    const stop = await port.onItemChanged(listener);
    expect(handlers).toHaveLength(1);
    expect(handlers[0]?.event).toBe('olkItemSelectedChanged');

    mailbox.item = null;
    handlers[0]?.handler();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(await port.readCurrentItem()).toBeNull();

    await stop();
    expect(mailbox.removeHandlerAsync).toHaveBeenCalledWith('olkItemSelectedChanged', expect.any(Function));
  });

  it('rejects when Outlook refuses the handler', async () => {
    const { office, mailbox } = fakeOffice();
    mailbox.addHandlerAsync.mockImplementation((_e: string, _h: () => void, callback: Callback<void>) =>
      callback(failed('Not allowed')),
    );
    await expect(createOfficeMailbox(office).onItemChanged(() => {})).rejects.toMatchObject({
      kind: 'failed',
    });
  });

  it.each([
    [undefined, 'light'],
    [{ isDarkTheme: true, bodyBackgroundColor: '#ffffff' }, 'dark'],
    [{ bodyBackgroundColor: '#1f1f1f' }, 'dark'],
    [{ bodyBackgroundColor: '#FAFAFA' }, 'light'],
    [{ bodyBackgroundColor: 'not a colour' }, 'light'],
  ])('reads the Office theme %j as %s', (theme, expected) => {
    expect(createOfficeMailbox(fakeOffice({ theme }).office).theme()).toBe(expected);
  });

  it('follows theme changes where Mailbox 1.14 is supported', async () => {
    const { office, mailbox, handlers } = fakeOffice({ supports19: true });
    const port = createOfficeMailbox(office);
    const listener = vi.fn();
    const stop = await port.onThemeChanged!(listener);
    expect(handlers[0]?.event).toBe('officeThemeChanged');
    (handlers[0]?.handler as (event: unknown) => void)({ officeTheme: { isDarkTheme: true } });
    (handlers[0]?.handler as (event: unknown) => void)({ officeTheme: { bodyBackgroundColor: '#ffffff' } });
    expect(listener.mock.calls).toEqual([['dark'], ['light']]);
    await stop();
    expect(mailbox.removeHandlerAsync).toHaveBeenCalledWith('officeThemeChanged', expect.any(Function));
  });

  it('says theme changes are unsupported on older Outlook, without registering anything', async () => {
    const { office, handlers } = fakeOffice({ supports19: false });
    await expect(createOfficeMailbox(office).onThemeChanged!(() => {})).rejects.toMatchObject({
      kind: 'unsupported',
    });
    expect(handlers).toHaveLength(0);
  });
});
