import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toEmailInput, type CorpusEmail } from '../../../scripts/eval-detect';
import { withoutWordGate } from '../../../src/core/invitation/anchor-words';
import { analyzeInvitation } from '../../../src/core/invitation/analyze-invitation';
import { englishSignals } from '../../../src/core/invitation/signals/en';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const CORPUS_DIRS = ['test/fixtures/emails', 'test/fixtures/holdout', 'test/core/invitation/fixtures'];

function corpusFiles(): string[] {
  return CORPUS_DIRS.flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((name) => name.endsWith('.json'))
      .map((name) => join(dir, name)),
  );
}

const ungated = withoutWordGate(englishSignals);

/** A digest-like tail: headings and running text, to push an email past the 64 KB reading limit. */
const DIGEST_SECTION =
  'SENIOR DATA ENGINEER AT HARBOR & PINE\nThe quarterly planning cycle starts next month, so priorities may ' +
  'shift a little. Please find the agenda for the workshop attached, along with last week’s notes. Our ' +
  'offices are close to the station, and most people work from home two days a week.\n\n';

describe('the word gate and the extraction shortcuts change no result', () => {
  const files = corpusFiles();

  it('reads every corpus directory', () => {
    for (const dir of CORPUS_DIRS) expect(files.some((file) => file.startsWith(dir))).toBe(true);
  });

  it.each(files)('%s: identical analyses with and without the gate', (file) => {
    const emails = JSON.parse(readFileSync(join(root, file), 'utf8')) as CorpusEmail[];
    expect(emails.length).toBeGreaterThan(0);
    for (const [index, email] of emails.entries()) {
      const input = toEmailInput(email);
      const gated = analyzeInvitation(input, englishSignals);
      expect({ id: email.id, analysis: gated }).toEqual({
        id: email.id,
        analysis: analyzeInvitation(input, ungated),
      });
      // Long author text: the 4 KB + 1 KB window, common words past the per-position limit.
      const long = {
        ...input,
        body: `${email.body}\n\n`.repeat(Math.ceil(12_000 / (email.body.length + 2))),
      };
      expect({ id: `${email.id} ×n`, analysis: analyzeInvitation(long, englishSignals) }).toEqual({
        id: `${email.id} ×n`,
        analysis: analyzeInvitation(long, ungated),
      });
      // Every third email also as a 70 KB digest: the own text is cut at 64 KB, read in windows and tails.
      if (index % 3 === 0) {
        const digest = { ...input, body: `${email.body}\n\n${DIGEST_SECTION.repeat(240)}` };
        expect({ id: `${email.id} digest`, analysis: analyzeInvitation(digest, englishSignals) }).toEqual({
          id: `${email.id} digest`,
          analysis: analyzeInvitation(digest, ungated),
        });
      }
    }
  });

  it('gives the same analysis on text built to trip a naive word index (Unicode case folding, odd words)', () => {
    const bodies = [
      'We would like to İnvite you to an İNTERVIEW for the role. Could you share your availability?',
      'We would like to invite you to an interview\u212A for the role; interview_ slots: Tue 10am.',
      'Ｗe would like to invite you to an interview. Kindly pick a time: https://calendly.com/x',
      'Unfortunately we will not be moving forward — we’d like to invite you to interview for another role.',
      'Interview-invitation: we’re excited to invite you to a video interview (Teams) on Monday at 2pm.',
    ];
    for (const body of bodies) {
      const input = { subject: 'Interview', fromName: 'Ana Ruiz', fromEmail: 'ana@acme.com', body };
      expect(analyzeInvitation(input, englishSignals)).toEqual(analyzeInvitation(input, ungated));
    }
  });
});
