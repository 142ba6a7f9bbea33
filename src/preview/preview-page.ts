/**
 * The preview page: holds the "selected email", exposes it to the pane's iframe as a `PreviewHost`, and
 * shows each reply the pane opens in the "Reply form" region, rendered in a sandboxed iframe so the reply's
 * markup cannot script this page.
 *
 * Issue 5 extension points: `#reply-actions` (inside the Reply form) takes extra buttons such as
 * "Open as recipient"; `window.politelyPreview.replies` lists every reply opened, newest last.
 */
import { escapeHtml } from '../core/decline/escape-html';
import { replySubject } from '../taskpane/decline-panel/reply-subject';
import { parseFromLine } from './parse-from-line';
import { PREVIEW_HOST_GLOBAL } from './preview-host';
import { renderOpenAsRecipient } from './recipient/recipient-link';
import type { PreviewEmail, PreviewHost, PreviewReply } from './preview-host';
import { SAMPLE_EMAILS } from './sample-emails';

const ROAMING_STORAGE_KEY = 'politely-preview-roaming-settings';
const MEETING_CLASS = 'IPM.Schedule.Meeting.Request';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`preview.html is missing #${id}`);
  return found as T;
}

const form = {
  sample: element<HTMLSelectElement>('sample'),
  subject: element<HTMLInputElement>('subject'),
  from: element<HTMLInputElement>('from'),
  body: element<HTMLTextAreaElement>('body'),
  isMeeting: element<HTMLInputElement>('is-meeting'),
  meetingStart: element<HTMLInputElement>('meeting-start'),
  meetingEnd: element<HTMLInputElement>('meeting-end'),
  meetingLocation: element<HTMLInputElement>('meeting-location'),
  userName: element<HTMLInputElement>('user-name'),
  darkTheme: element<HTMLInputElement>('dark-theme'),
  olderOutlook: element<HTMLInputElement>('older-outlook'),
};

let currentEmail: PreviewEmail | null = null;
let paneFrame: HTMLIFrameElement | null = null;
const itemChangedListeners = new Set<() => void>();
const themeChangedListeners = new Set<() => void>();
const replies: PreviewReply[] = [];

const host: PreviewHost = {
  currentEmail: () => currentEmail,
  user: () => ({ displayName: form.userName.value.trim(), emailAddress: 'you@example.org' }),
  theme: () => (form.darkTheme.checked ? 'dark' : 'light'),
  supportsMailbox19: () => !form.olderOutlook.checked,
  onItemChanged(listener) {
    itemChangedListeners.add(listener);
    return () => itemChangedListeners.delete(listener);
  },
  onThemeChanged(listener) {
    themeChangedListeners.add(listener);
    return () => themeChangedListeners.delete(listener);
  },
  showReply(reply) {
    replies.push(reply);
    renderReplyForm(reply);
  },
  loadRoamingSettings() {
    try {
      const saved: unknown = JSON.parse(localStorage.getItem(ROAMING_STORAGE_KEY) ?? '{}');
      return saved && typeof saved === 'object' ? (saved as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  },
  saveRoamingSettings(values) {
    localStorage.setItem(ROAMING_STORAGE_KEY, JSON.stringify(values));
  },
};

Object.assign(window, { [PREVIEW_HOST_GLOBAL]: host, politelyPreview: { replies } });

function fillForm(email: PreviewEmail): void {
  form.subject.value = email.subject;
  form.from.value = email.fromEmail
    ? email.fromName
      ? `${email.fromName} <${email.fromEmail}>`
      : email.fromEmail
    : (email.fromName ?? '');
  form.body.value = email.body;
  form.isMeeting.checked = email.itemClass === MEETING_CLASS;
  form.meetingStart.value = toLocalInput(email.meeting?.start ?? null);
  form.meetingEnd.value = toLocalInput(email.meeting?.end ?? null);
  form.meetingLocation.value = email.meeting?.location ?? '';
}

function readForm(): PreviewEmail {
  const { name, email } = parseFromLine(form.from.value);
  const isMeeting = form.isMeeting.checked;
  return {
    subject: form.subject.value,
    fromName: name,
    fromEmail: email,
    body: form.body.value,
    itemClass: isMeeting ? MEETING_CLASS : 'IPM.Note',
    meeting: isMeeting
      ? {
          start: fromLocalInput(form.meetingStart.value),
          end: fromLocalInput(form.meetingEnd.value),
          location: form.meetingLocation.value.trim() || null,
        }
      : null,
  };
}

/** Selects `email` in the stand-in mailbox: opens the pane the first time, raises ItemChanged after that. */
function selectEmail(email: PreviewEmail | null): void {
  currentEmail = email && { ...email, id: email.id ?? contentId(email) };
  if (paneFrame === null) {
    if (email !== null) openPane();
    return;
  }
  for (const listener of itemChangedListeners) listener();
}

function openPane(): void {
  const slot = element<HTMLDivElement>('pane-slot');
  itemChangedListeners.clear();
  themeChangedListeners.clear();
  paneFrame = document.createElement('iframe');
  paneFrame.className = 'pane-frame';
  paneFrame.title = 'Politely task pane';
  paneFrame.src = 'preview-pane.html';
  slot.replaceChildren(paneFrame);
}

function renderReplyForm(reply: PreviewReply): void {
  const original = reply.inReplyTo;
  const sender = [original.fromName, original.fromEmail && `<${original.fromEmail}>`]
    .filter(Boolean)
    .join(' ');
  element('reply-empty').hidden = true;
  element('reply-content').hidden = false;
  element('reply-to').textContent = reply.replyAll ? `${sender}, and everyone else on the email` : sender;
  element('reply-subject').textContent = replySubject(original.subject);
  element('reply-api').textContent = reply.api;
  element('reply-source').textContent = reply.html;
  renderOpenAsRecipient(element('reply-actions'), reply.html);
  // Like Outlook's form: the new reply on top, the quoted email below. Only the reply's own HTML is markup.
  element<HTMLIFrameElement>('reply-body').srcdoc =
    '<!doctype html><html><head><meta charset="utf-8"></head>' +
    '<body style="font-family: Segoe UI, system-ui, sans-serif; font-size: 14px; margin: 12px">' +
    reply.html +
    '<hr><div style="color:#616161">' +
    `<b>From:</b> ${escapeHtml(sender)}<br><b>Subject:</b> ${escapeHtml(original.subject)}</div>` +
    `<pre style="white-space:pre-wrap;font-family:inherit">${escapeHtml(original.body)}</pre>` +
    '</body></html>';
}

/** A short FNV-1a hash of the email's content: the same email pasted again is the same item. */
function contentId(email: PreviewEmail): string {
  let hash = 0x811c9dc5;
  for (const character of JSON.stringify(email)) {
    hash ^= character.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `preview-${hash.toString(16)}`;
}

function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

for (const sample of SAMPLE_EMAILS) {
  form.sample.append(new Option(sample.label, sample.id));
}
form.sample.append(new Option('Your own (edit the boxes below)', 'custom'));

form.sample.addEventListener('change', () => {
  const sample = SAMPLE_EMAILS.find((candidate) => candidate.id === form.sample.value);
  if (!sample) return;
  fillForm(sample.email);
  if (paneFrame !== null) selectEmail(sample.email);
});
for (const input of [
  form.subject,
  form.from,
  form.body,
  form.isMeeting,
  form.meetingStart,
  form.meetingEnd,
  form.meetingLocation,
]) {
  input.addEventListener('input', () => {
    form.sample.value = 'custom';
  });
}
element('show').addEventListener('click', () => selectEmail(readForm()));
element('deselect').addEventListener('click', () => selectEmail(null));
form.darkTheme.addEventListener('change', () => {
  if (paneFrame === null) return;
  // A pane that follows theme changes gets the event; one on an "older Outlook" only sees it on reload.
  if (themeChangedListeners.size > 0) for (const listener of themeChangedListeners) listener();
  else openPane();
});

const first = SAMPLE_EMAILS[0];
if (first) fillForm(first.email);
