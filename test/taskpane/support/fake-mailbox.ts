// A controllable MailboxPort for pane tests: set the selected email, fire ItemChanged, and see every reply
// the pane opened. Failures are injected per call, exactly as the Office adapter would report them.
import { vi } from 'vitest';
import { MailboxError } from '../../../src/taskpane/office/mailbox-port';
import type { MailItemSnapshot, MailboxPort, PaneTheme } from '../../../src/taskpane/office/mailbox-port';

export interface FakeMailbox extends MailboxPort {
  select(item: MailItemSnapshot | null): void;
  /** Rejects the next `openReply` with this error instead of opening. */
  failNextReply(error: MailboxError): void;
  /** Makes the next `readCurrentItem` wait until the returned function is called. */
  holdNextRead(): () => void;
  replies: { html: string; replyAll: boolean }[];
  listenerCount(): number;
  /** Switches the Office theme and tells the pane, as Outlook's OfficeThemeChanged does. */
  switchTheme(theme: PaneTheme): void;
  themeListenerCount(): number;
}

export function invitationEmail(overrides: Partial<MailItemSnapshot> = {}): MailItemSnapshot {
  return {
    subject: 'Interview invitation: Senior Product Designer',
    fromName: 'Dana Whitfield',
    fromEmail: 'dana@northwind.example',
    body: 'We would love to invite you to an interview for the Senior Product Designer role.',
    itemClass: 'IPM.Note',
    meeting: null,
    ...overrides,
  };
}

export function createFakeMailbox(
  options: { item?: MailItemSnapshot | null; displayName?: string | null; theme?: PaneTheme } = {},
): FakeMailbox {
  let item = options.item === undefined ? invitationEmail() : options.item;
  const listeners = new Set<() => void>();
  const themeListeners = new Set<(theme: PaneTheme) => void>();
  let theme: PaneTheme = options.theme ?? 'light';
  let nextReplyError: MailboxError | null = null;
  let held: Promise<void> | null = null;
  const replies: { html: string; replyAll: boolean }[] = [];

  return {
    replies,
    select(next) {
      item = next;
      for (const listener of listeners) listener();
    },
    failNextReply(error) {
      nextReplyError = error;
    },
    holdNextRead() {
      let release = () => {};
      held = new Promise<void>((resolve) => (release = resolve));
      return release;
    },
    listenerCount: () => listeners.size,
    switchTheme(next) {
      theme = next;
      for (const listener of themeListeners) listener(next);
    },
    themeListenerCount: () => themeListeners.size,
    readCurrentItem: vi.fn(async () => {
      const snapshot = item;
      if (held) {
        const wait = held;
        held = null;
        await wait;
      }
      return snapshot;
    }),
    userDisplayName: () => (options.displayName === undefined ? 'Alex Rivera' : options.displayName),
    openReply: vi.fn(async (html: string, { replyAll }: { replyAll: boolean }) => {
      if (nextReplyError) {
        const error = nextReplyError;
        nextReplyError = null;
        throw error;
      }
      if (item === null) throw new MailboxError('no-item', 'No email is selected.');
      replies.push({ html, replyAll });
    }),
    onItemChanged: vi.fn(async (listener: () => void) => {
      listeners.add(listener);
      return async () => {
        listeners.delete(listener);
      };
    }),
    theme: () => theme,
    onThemeChanged: vi.fn(async (listener: (theme: PaneTheme) => void) => {
      themeListeners.add(listener);
      return async () => {
        themeListeners.delete(listener);
      };
    }),
  };
}
