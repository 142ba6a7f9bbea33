/**
 * What the pane needs from the mailbox, with no Office types: the current email, the user's name, the
 * reply form and item changes. Every method either resolves or rejects with a `MailboxError`.
 */
import type { MeetingRequestDetails } from '../../core/invitation/email-input';

export interface MailItemSnapshot {
  /** Outlook's id for the item, when it gives one: lets the pane keep a draft per email. */
  itemId?: string | null;
  subject: string | null;
  fromName: string | null;
  fromEmail: string | null;
  /** Plain-text body as Outlook converts it. */
  body: string;
  itemClass: string | null;
  /** Present for meeting requests (`IPM.Schedule.Meeting.Request`). */
  meeting: MeetingRequestDetails | null;
}

export type MailboxErrorKind = 'no-item' | 'body-too-large' | 'unsupported' | 'failed';

/** An error whose message can be shown to the user as it is. */
export class MailboxError extends Error {
  readonly kind: MailboxErrorKind;

  constructor(kind: MailboxErrorKind, message: string) {
    super(message);
    this.name = 'MailboxError';
    this.kind = kind;
  }
}

export type PaneTheme = 'light' | 'dark';

export interface OpenReplyOptions {
  replyAll: boolean;
}

export interface MailboxPort {
  /** The email being read, or null when none is selected (a pinned pane between emails). */
  readCurrentItem(): Promise<MailItemSnapshot | null>;
  /** The signed-in user's display name, or null when Outlook doesn't say. */
  userDisplayName(): string | null;
  /** Opens Outlook's reply (or reply-all) form with `html` as the body above the quoted email. */
  openReply(html: string, options: OpenReplyOptions): Promise<void>;
  /**
   * Calls `listener` whenever the selected email changes (pinned pane), including to none.
   * Resolves with a function that stops listening once registration succeeded.
   */
  onItemChanged(listener: () => void): Promise<() => Promise<void>>;
  theme(): PaneTheme;
  /**
   * Calls `listener` with the new theme when the user switches the Office theme (Mailbox 1.14+).
   * Rejects with an `unsupported` MailboxError where Outlook can't say; the theme read at load then stays.
   */
  onThemeChanged?(listener: (theme: PaneTheme) => void): Promise<() => Promise<void>>;
}
