/**
 * The contract between the preview page (a stand-in for Outlook) and the Office stand-in running inside the
 * pane's iframe. The page owns the state; the stand-in reads it through this object on `window.parent`.
 * Only plain data crosses the frame boundary (dates as ISO strings), so nothing depends on which realm made it.
 */

export interface PreviewEmail {
  /** Stands in for Outlook's itemId; the page derives it from the content, so the same email keeps its id. */
  id?: string;
  subject: string;
  fromName: string | null;
  fromEmail: string | null;
  body: string;
  /** `IPM.Note` for a message, `IPM.Schedule.Meeting.Request` for a meeting request. */
  itemClass: string;
  meeting: { start: string | null; end: string | null; location: string | null } | null;
}

export interface PreviewReply {
  html: string;
  replyAll: boolean;
  /** Which Office API the pane called, e.g. `displayReplyFormAsync`. */
  api: string;
  /** The email being replied to, as the reply form would address it. */
  inReplyTo: PreviewEmail;
}

export interface PreviewUser {
  displayName: string;
  emailAddress: string;
}

export interface PreviewHost {
  currentEmail(): PreviewEmail | null;
  user(): PreviewUser;
  theme(): 'light' | 'dark';
  /** False simulates an Outlook without Mailbox 1.9, so the pane falls back to displayReplyForm. */
  supportsMailbox19(): boolean;
  /** Registers the pane's ItemChanged listener; returns a function that removes it. */
  onItemChanged(listener: () => void): () => void;
  /** Registers the pane's OfficeThemeChanged listener; returns a function that removes it. */
  onThemeChanged(listener: () => void): () => void;
  showReply(reply: PreviewReply): void;
  /** roamingSettings persistence: the stand-in keeps a working copy and saves it whole. */
  loadRoamingSettings(): Record<string, unknown>;
  saveRoamingSettings(values: Record<string, unknown>): void;
}

export const PREVIEW_HOST_GLOBAL = 'politelyPreviewHost';

/** Outlook's roamingSettings hold at most 32 KB (of JSON) per add-in. */
export const ROAMING_SETTINGS_LIMIT_BYTES = 32 * 1024;

/** Outlook's reply form refuses an htmlBody over 32 KB (Office throws); the stand-in does the same. */
export const REPLY_FORM_HTML_LIMIT = 32 * 1024;
