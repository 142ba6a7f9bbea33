import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CorpusEmail } from '../../../scripts/eval-detect';
import { withoutWordGate } from '../../../src/core/invitation/anchor-words';
import { findSchedule } from '../../../src/core/invitation/find-schedule';
import { normalizeBody, readEmailText } from '../../../src/core/invitation/read-email-text';
import { englishSignals } from '../../../src/core/invitation/signals/en';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const CORPUS_DIRS = ['test/fixtures/emails', 'test/fixtures/holdout', 'test/core/invitation/fixtures'];

const bodies: string[] = CORPUS_DIRS.flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) =>
      (JSON.parse(readFileSync(join(root, dir, name), 'utf8')) as CorpusEmail[]).map((email) => email.body),
    ),
);

/** normalizeBody as it was before its shortcuts: one regex over the whole body, every time. */
function plainNormalize(body: unknown): string {
  const entities: Record<string, string> = {
    '&nbsp;': ' ',
    '&amp;': '&',
    '&#39;': "'",
    '&#x27;': "'",
    '&quot;': '"',
    '&apos;': "'",
    '&rsquo;': '’',
    '&lsquo;': '‘',
    '&ldquo;': '“',
    '&rdquo;': '”',
    '&ndash;': '–',
    '&mdash;': '—',
  };
  const text = typeof body === 'string' ? body.slice(0, 65_536) : '';
  return text.replace(
    /\r\n?|[\u00a0\u2007\u202f\u3000]|[\u200b-\u200d\u2060\ufeff]|&(?:nbsp|amp|#39|#x27|quot|apos|rsquo|lsquo|ldquo|rdquo|ndash|mdash);/g,
    (found) =>
      entities[found] ??
      (found.charAt(0) === '\r' ? '\n' : found.charCodeAt(0) >= 0x200b && found !== '\u3000' ? '' : ' '),
  );
}

/** Pieces that exercise every branch: each odd character, entities whole and broken, "&" alone. */
const PIECES = [
  'a',
  ' ',
  '\n',
  '\r',
  '\r\n',
  '\u00a0',
  '\u2007',
  '\u202f',
  '\u3000',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u2019',
  '&',
  '&amp;',
  '&nbsp;',
  '&#39;',
  '&rsquo;',
  '&mdash',
  'amp;',
  'Tuesday 10:00',
];

describe('normalizeBody: the shortcuts give what the single regex gives', () => {
  it('on every corpus body, and on each with Windows line endings and entities', () => {
    expect(bodies.length).toBeGreaterThan(300);
    for (const body of bodies) {
      expect(normalizeBody(body)).toBe(plainNormalize(body));
      const crlf = `${body.replace(/\n/g, '\r\n')}&nbsp;&amp;`;
      expect(normalizeBody(crlf)).toBe(plainNormalize(crlf));
      const spaced = body.replace(/ /g, (space, at: number) => (at % 7 === 0 ? '\u200b' : space));
      expect(normalizeBody(spaced)).toBe(plainNormalize(spaced));
    }
  });

  it('on any mixture of the odd characters, entities and plain text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.string(), (pieces, extra) => {
        const body = pieces.join('') + extra;
        expect(normalizeBody(body)).toBe(plainNormalize(body));
      }),
      { numRuns: 500 },
    );
  });

  it('on anything that is not a string', () => {
    for (const value of [null, undefined, 42, {}, ['a']]) expect(normalizeBody(value)).toBe('');
  });
});

describe('findSchedule: the shortcuts find what the plain scans find', () => {
  const plain = withoutWordGate(englishSignals);

  it('on the author’s text of every corpus email, as written and without its digits', () => {
    for (const body of bodies) {
      const own = readEmailText(normalizeBody(body), englishSignals).own;
      expect(findSchedule('Interview', own, null, englishSignals)).toEqual(
        findSchedule('Interview', own, null, plain),
      );
      const noDigits = own.replace(/\d/g, '');
      expect(findSchedule('', noDigits, null, englishSignals)).toEqual(
        findSchedule('', noDigits, null, plain),
      );
    }
  });
});
