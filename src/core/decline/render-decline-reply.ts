/**
 * Turns a decline reason, the filled-in values and the user's (possibly edited) text into the subject,
 * HTML and plain text of a reply. Never throws: problems come back as a typed error.
 *
 * Tracking seam (issue 5): pass `trackingPixelUrl` and the renderer appends a 1×1 `<img>` after the
 * sign-off, with the URL escaped and the size limit applied to the final HTML. No other raw HTML is accepted,
 * so user text can never reach the reply unescaped.
 */
import { DECLINE_REASONS, GREETING } from './decline-reasons';
import type { DeclineReason, DeclineReasonId, Phrase, Placeholder } from './decline-reasons';
import { escapeHtml } from './escape-html';

/** Outlook rejects a reply-form `htmlBody` over 32 KB; counted here in UTF-8 bytes, the stricter reading. */
export const REPLY_HTML_LIMIT_BYTES = 32 * 1024;

/** The values a template may use; null or blank means "unknown" and the wording adapts. */
export interface DeclineValues {
  hiringManager: string | null;
  jobTitle: string | null;
  company: string | null;
  yourName: string | null;
}

export interface DeclineReply {
  subject: string;
  html: string;
  /** The plain text the HTML was made from, normalised (CRLF → LF, trimmed). */
  text: string;
  sizeBytes: number;
}

export type DeclineReplyError =
  | { kind: 'empty-text'; message: string }
  | { kind: 'too-large'; message: string; sizeBytes: number; limitBytes: number }
  | { kind: 'invalid-pixel-url'; message: string };

export type RenderDeclineReplyResult =
  { ok: true; reply: DeclineReply } | { ok: false; error: DeclineReplyError };

export interface RenderDeclineReplyInput {
  reasonId: DeclineReasonId;
  values: DeclineValues;
  /** The user's edited text; when null or absent, the reason's template text is used. */
  text?: string | null;
  /** Issue 5: the tracker's pixel URL (http or https); the pixel goes after the sign-off. */
  trackingPixelUrl?: string | null;
}

const REASONS_BY_ID = new Map<DeclineReasonId, DeclineReason>(
  DECLINE_REASONS.map((reason) => [reason.id, reason]),
);

export function getDeclineReason(id: DeclineReasonId): DeclineReason {
  // The map holds every DeclineReasonId (a unit test checks), so the fallback is unreachable for typed callers.
  return REASONS_BY_ID.get(id) ?? (DECLINE_REASONS[0] as DeclineReason);
}

/** The reason's template filled with `values`, as the plain text the user sees and may edit. */
export function composeDeclineText(reasonId: DeclineReasonId, values: DeclineValues): string {
  const reason = getDeclineReason(reasonId);
  const known = knownValues(values);
  const paragraphs = [
    fillPhrase(GREETING, known),
    ...reason.paragraphs.map((sentences) => sentences.map((phrase) => fillPhrase(phrase, known)).join(' ')),
    [reason.closing, known.get('your name')].filter(Boolean).join('\n'),
  ];
  return paragraphs.join('\n\n');
}

export function suggestDeclineSubject(reasonId: DeclineReasonId, values: DeclineValues): string {
  return fillPhrase(getDeclineReason(reasonId).subject, knownValues(values));
}

/** Paragraphs separated by blank lines, each a list of its lines. Empty paragraphs are dropped. */
export function splitParagraphs(text: string): string[][] {
  return normaliseText(text)
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.split('\n').map((line) => line.trimEnd()))
    .filter((lines) => lines.some((line) => line.trim() !== ''));
}

export function renderDeclineReply(input: RenderDeclineReplyInput): RenderDeclineReplyResult {
  const text = normaliseText(input.text ?? composeDeclineText(input.reasonId, input.values));
  if (text === '') {
    return {
      ok: false,
      error: { kind: 'empty-text', message: 'The reply is empty. Write a message first.' },
    };
  }

  let pixelHtml = '';
  if (input.trackingPixelUrl) {
    const pixelUrl = parseHttpUrl(input.trackingPixelUrl);
    if (pixelUrl === null) {
      return {
        ok: false,
        error: {
          kind: 'invalid-pixel-url',
          message: 'The tracking pixel address is not a valid http(s) URL.',
        },
      };
    }
    pixelHtml =
      `<img src="${escapeHtml(pixelUrl)}" width="1" height="1" alt=""` +
      ` style="display:block;width:1px;height:1px;border:0;margin:0;padding:0">`;
  }

  const paragraphsHtml = splitParagraphs(text)
    .map((lines) => `<p style="margin:0 0 1em 0">${lines.map(escapeHtml).join('<br>')}</p>`)
    .join('');
  const html = `<div>${paragraphsHtml}${pixelHtml}</div>`;

  const sizeBytes = utf8ByteLength(html);
  if (sizeBytes > REPLY_HTML_LIMIT_BYTES) {
    return {
      ok: false,
      error: {
        kind: 'too-large',
        sizeBytes,
        limitBytes: REPLY_HTML_LIMIT_BYTES,
        message:
          `The reply is too long for Outlook's reply form (${formatKilobytes(sizeBytes)} of at most ` +
          `${formatKilobytes(REPLY_HTML_LIMIT_BYTES)}). Shorten the text and try again.`,
      },
    };
  }

  return {
    ok: true,
    reply: { subject: suggestDeclineSubject(input.reasonId, input.values), html, text, sizeBytes },
  };
}

function knownValues(values: DeclineValues): Map<Placeholder, string> {
  const known = new Map<Placeholder, string>();
  const entries: [Placeholder, string | null][] = [
    ['hiring manager', values.hiringManager],
    ['job title', values.jobTitle],
    ['company', values.company],
    ['your name', values.yourName],
  ];
  for (const [placeholder, value] of entries) {
    // A field is one line: line breaks or runs of spaces pasted into it would break the sentence.
    const cleaned = (value ?? '').replace(/\s+/g, ' ').trim();
    if (cleaned !== '') known.set(placeholder, cleaned);
  }
  return known;
}

const PLACEHOLDER = /\{(hiring manager|job title|company|your name)\}/g;

/** The first variant whose placeholders are all known, filled in one pass (values are never re-expanded). */
function fillPhrase(phrase: Phrase, known: Map<Placeholder, string>): string {
  for (const variant of phrase) {
    const needed = Array.from(variant.matchAll(PLACEHOLDER), (match) => match[1] as Placeholder);
    if (needed.every((placeholder) => known.has(placeholder))) {
      return variant.replace(PLACEHOLDER, (_match, placeholder: Placeholder) => known.get(placeholder) ?? '');
    }
  }
  return '';
}

function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

function parseHttpUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
}

function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function formatKilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
