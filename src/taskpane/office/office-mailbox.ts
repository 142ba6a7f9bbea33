/**
 * Wraps Office.context.mailbox as a `MailboxPort`: the only module that calls Outlook's mailbox APIs.
 * Each Office callback settles a promise exactly once; nothing is thrown inside a callback, and every
 * rejection is a `MailboxError` with a message fit for the pane.
 */
import type { MeetingRequestDetails } from '../../core/invitation/email-input';
import { REPLY_HTML_LIMIT_BYTES } from '../../core/decline/render-decline-reply';
import { MailboxError } from './mailbox-port';
import type { MailItemSnapshot, MailboxPort, OpenReplyOptions, PaneTheme } from './mailbox-port';

const MEETING_REQUEST_CLASS = 'IPM.Schedule.Meeting.Request';

/** The read-mode item members this adapter uses; Office's own item type is an intersection of every mode. */
interface ReadItem {
  itemId?: unknown;
  subject?: unknown;
  itemClass?: unknown;
  from?: { displayName?: unknown; emailAddress?: unknown } | null;
  start?: unknown;
  end?: unknown;
  location?: unknown;
  body?: {
    getAsync?: (
      coercion: Office.CoercionType,
      callback: (result: Office.AsyncResult<string>) => void,
    ) => void;
  };
  displayReplyForm?: (formData: Office.ReplyFormData) => void;
  displayReplyAllForm?: (formData: Office.ReplyFormData) => void;
  displayReplyFormAsync?: (
    formData: Office.ReplyFormData,
    callback: (result: Office.AsyncResult<void>) => void,
  ) => void;
  displayReplyAllFormAsync?: (
    formData: Office.ReplyFormData,
    callback: (result: Office.AsyncResult<void>) => void,
  ) => void;
}

export function createOfficeMailbox(office: typeof Office): MailboxPort {
  const mailbox = office.context.mailbox;
  const currentItem = (): ReadItem | null => (mailbox.item ?? null) as ReadItem | null;

  return {
    async readCurrentItem(): Promise<MailItemSnapshot | null> {
      const item = currentItem();
      if (item === null) return null;
      const body = await readBodyText(office, item);
      const itemClass = stringOrNull(item.itemClass);
      return {
        itemId: stringOrNull(item.itemId),
        subject: stringOrNull(item.subject),
        fromName: stringOrNull(item.from?.displayName),
        fromEmail: stringOrNull(item.from?.emailAddress),
        body,
        itemClass,
        meeting: itemClass?.startsWith(MEETING_REQUEST_CLASS) ? meetingDetails(item) : null,
      };
    },

    userDisplayName(): string | null {
      return stringOrNull(mailbox.userProfile?.displayName);
    },

    openReply(html: string, { replyAll }: OpenReplyOptions): Promise<void> {
      const item = currentItem();
      if (item === null) {
        return Promise.reject(
          new MailboxError('no-item', 'No email is selected. Select the invitation and try again.'),
        );
      }
      if (new TextEncoder().encode(html).length > REPLY_HTML_LIMIT_BYTES) {
        return Promise.reject(bodyTooLarge());
      }
      const formData: Office.ReplyFormData = { htmlBody: html };
      if (isSetSupported(office, '1.9')) {
        const display = replyAll ? item.displayReplyAllFormAsync : item.displayReplyFormAsync;
        if (typeof display !== 'function') return Promise.reject(unsupportedReply());
        return new Promise<void>((resolve, reject) => {
          try {
            display.call(item, formData, (result) => {
              if (result.status === office.AsyncResultStatus.Succeeded) resolve();
              else reject(failedCall('open the reply form', result.error));
            });
          } catch (error) {
            // Office throws synchronously when a string parameter exceeds its limit.
            reject(classifyThrown(error));
          }
        });
      }
      const display = replyAll ? item.displayReplyAllForm : item.displayReplyForm;
      if (typeof display !== 'function') return Promise.reject(unsupportedReply());
      try {
        display.call(item, formData);
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(classifyThrown(error));
      }
    },

    onItemChanged(listener: () => void): Promise<() => Promise<void>> {
      if (typeof mailbox.addHandlerAsync !== 'function') {
        return Promise.reject(
          new MailboxError(
            'unsupported',
            'This Outlook version cannot tell the pane when you pick another email.',
          ),
        );
      }
      return addHandler(
        office,
        office.EventType.ItemChanged,
        () => listener(),
        'watch for a change of email',
      );
    },

    theme(): PaneTheme {
      let theme: Partial<Office.OfficeTheme> | undefined;
      try {
        theme = office.context.officeTheme;
      } catch {
        return 'light';
      }
      return themeOf(theme);
    },

    onThemeChanged(listener: (theme: PaneTheme) => void): Promise<() => Promise<void>> {
      if (!isSetSupported(office, '1.14') || typeof mailbox.addHandlerAsync !== 'function') {
        return Promise.reject(
          new MailboxError('unsupported', 'This Outlook version does not report theme changes.'),
        );
      }
      return addHandler(
        office,
        office.EventType.OfficeThemeChanged,
        (event: unknown) =>
          listener(themeOf((event as { officeTheme?: Partial<Office.OfficeTheme> })?.officeTheme)),
        'follow the Office theme',
      );
    },
  };
}

/** Registers a mailbox event handler; resolves with a function that removes it. */
function addHandler(
  office: typeof Office,
  eventType: Office.EventType,
  handler: (event: unknown) => void,
  action: string,
): Promise<() => Promise<void>> {
  return new Promise((resolve, reject) => {
    try {
      office.context.mailbox.addHandlerAsync(eventType, handler, (result) => {
        if (result.status === office.AsyncResultStatus.Succeeded)
          resolve(() => removeHandler(office, eventType));
        else reject(failedCall(action, result.error));
      });
    } catch (error) {
      reject(failedCall(action, error));
    }
  });
}

function readBodyText(office: typeof Office, item: ReadItem): Promise<string> {
  const getAsync = item.body?.getAsync;
  if (typeof getAsync !== 'function') {
    return Promise.reject(
      new MailboxError('unsupported', "This Outlook version doesn't let add-ins read the email."),
    );
  }
  return new Promise((resolve, reject) => {
    try {
      getAsync.call(item.body, office.CoercionType.Text, (result) => {
        if (result.status === office.AsyncResultStatus.Succeeded) resolve(String(result.value ?? ''));
        else reject(failedCall("read this email's text", result.error));
      });
    } catch (error) {
      reject(failedCall("read this email's text", error));
    }
  });
}

function removeHandler(office: typeof Office, eventType: Office.EventType): Promise<void> {
  return new Promise((resolve) => {
    try {
      // Failing to unregister only means one more harmless refresh; never surface it.
      office.context.mailbox.removeHandlerAsync(eventType, () => resolve());
    } catch {
      resolve();
    }
  });
}

function meetingDetails(item: ReadItem): MeetingRequestDetails {
  return { start: dateOrNull(item.start), end: dateOrNull(item.end), location: stringOrNull(item.location) };
}

function isSetSupported(office: typeof Office, version: string): boolean {
  try {
    return office.context.requirements?.isSetSupported('Mailbox', version) === true;
  } catch {
    return false;
  }
}

function themeOf(theme: Partial<Office.OfficeTheme> | undefined): PaneTheme {
  if (!theme) return 'light';
  if (typeof theme.isDarkTheme === 'boolean') return theme.isDarkTheme ? 'dark' : 'light';
  const luminance = relativeLuminance(theme.bodyBackgroundColor);
  return luminance !== null && luminance < 0.4 ? 'dark' : 'light';
}

function relativeLuminance(color: string | undefined): number | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(color?.trim() ?? '');
  if (!match?.[1]) return null;
  const value = parseInt(match[1], 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

function bodyTooLarge(): MailboxError {
  return new MailboxError(
    'body-too-large',
    "The reply is too long for Outlook's reply form (over 32 KB). Shorten the text and try again.",
  );
}

function unsupportedReply(): MailboxError {
  return new MailboxError(
    'unsupported',
    "This Outlook client doesn't let add-ins open a reply form (Outlook on phones, for example). " +
      'Copy the text from the preview and reply by hand.',
  );
}

function failedCall(action: string, error: unknown): MailboxError {
  const detail = errorMessage(error);
  return new MailboxError(
    'failed',
    `Outlook couldn't ${action}${detail ? `: ${detail}` : ''}. Please try again.`,
  );
}

function classifyThrown(error: unknown): MailboxError {
  const detail = errorMessage(error) ?? '';
  if (/too ?large|exceed|limit|out ?of ?range/i.test(detail)) return bodyTooLarge();
  return failedCall('open the reply form', error);
}

function errorMessage(error: unknown): string | null {
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
    return error.message.trim().replace(/\.$/, '') || null;
  }
  return typeof error === 'string' && error.trim() !== '' ? error.trim() : null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function dateOrNull(value: unknown): Date | null {
  // Duck-typed: a Date made in another frame (the preview) fails `instanceof Date`.
  if (value && typeof value === 'object' && typeof (value as Date).getTime === 'function') {
    const time = (value as Date).getTime();
    return Number.isNaN(time) ? null : new Date(time);
  }
  return null;
}
