import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeEmail, analyzeInvitation } from '../../../src/core/invitation/analyze-invitation';
import type { EmailInput, InvitationAnalysis } from '../../../src/core/invitation/email-input';

const VERDICTS = ['invitation', 'interview-logistics', 'not-invitation'];

function expectWellFormed(result: InvitationAnalysis): void {
  expect(VERDICTS).toContain(result.verdict);
  expect(result.isInvitation).toBe(result.verdict === 'invitation');
  expect(result.confidence).toBeGreaterThanOrEqual(0);
  expect(result.confidence).toBeLessThanOrEqual(1);
  expect(Number.isFinite(result.confidence)).toBe(true);
  expect(Array.isArray(result.reasons)).toBe(true);
  for (const field of [result.fields.hiringManager, result.fields.jobTitle, result.fields.company]) {
    expect(field.value === null || typeof field.value === 'string').toBe(true);
    if (field.value !== null) expect(field.evidence).not.toBeNull();
  }
}

/** Text that looks like an email in places: phrases the detector reacts to, mixed with noise. */
const emailish = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom(
        'interview',
        'We would like to invite you to an interview. ',
        'Please share your availability',
        '\n> ',
        '\nOn Mon, 2 Mar 2026 at 09:00, A <a@b.c> wrote:\n',
        '\n---------- Forwarded message ---------\nFrom: X\nTo: Y\n',
        '\nBest,\n',
        'Hi Jordan,\n',
        'https://calendly.com/x/y ',
        '{{first_name}}',
        '(((((((((',
        '\uD800',
        '\uDFFF',
        '\u0000',
        '\r\n',
        ' at Acme Corp ',
        'Tuesday 10 March at 3:30 pm ',
      ),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

const nullableText = fc.option(fc.oneof(fc.string(), emailish), { nil: null });

const emailInput: fc.Arbitrary<EmailInput> = fc.record({
  subject: nullableText,
  fromName: nullableText,
  fromEmail: nullableText,
  body: emailish,
  itemClass: fc.option(fc.constantFrom('IPM.Note', 'IPM.Schedule.Meeting.Request', ''), { nil: null }),
  meeting: fc.option(
    fc.record({
      start: fc.option(fc.date({ noInvalidDate: false }), { nil: null }),
      end: fc.option(fc.date({ noInvalidDate: false }), { nil: null }),
      location: nullableText,
    }),
    { nil: null },
  ),
  candidateName: nullableText,
});

describe('analyzeInvitation never throws', () => {
  it('returns a well-formed analysis for arbitrary input, without the safety net', () => {
    fc.assert(
      fc.property(emailInput, (input) => {
        expectWellFormed(analyzeEmail(input));
      }),
      { numRuns: 400 },
    );
  });

  it('handles empty, binary-looking and lone-surrogate bodies', () => {
    const bodies = [
      '',
      '\u0000\u0001\u0002\uFFFF'.repeat(1000),
      '\uD83D'.repeat(5000),
      '\uDC00x\uD800',
      '>'.repeat(70_000),
    ];
    for (const body of bodies) {
      expectWellFormed(analyzeEmail({ subject: body, fromName: body, fromEmail: body, body }));
    }
  });

  it('handles a 5 MB body, reading only the start of it', () => {
    const paragraph = 'We would like to invite you to an interview for the Analyst role. '.repeat(20);
    const body = `${paragraph}\n${'x'.repeat(5 * 1024 * 1024)}`;
    const result = analyzeEmail({ subject: 'Interview', fromName: 'A B', fromEmail: 'a@acme.com', body });
    expectWellFormed(result);
    expect(result.verdict).toBe('invitation');
  });

  it('ignores what comes after the first 64 KB', () => {
    const filler = 'Lorem ipsum dolor sit amet. '.repeat(3000); // > 64 KB
    const result = analyzeEmail({
      subject: null,
      fromName: null,
      fromEmail: null,
      body: `${filler}\nWe would like to invite you to an interview. Please share your availability.`,
    });
    expect(result.verdict).toBe('not-invitation');
  });

  // No timing assertion here (speed is measured in bench/detect.ts); a catastrophic pattern would hang this
  // test past vitest's timeout instead of finishing.
  it('finishes on input built to provoke regex backtracking', () => {
    const hostile = [
      'a '.repeat(30_000),
      'interview '.repeat(6_000),
      `${'Aa '.repeat(20_000)}at`,
      ',,,,,,,,,,,,,,,,,,,,,'.repeat(3000),
      `${'would like to '.repeat(4000)}`,
      `On ${'x'.repeat(60_000)}`,
    ];
    for (const body of hostile) {
      expectWellFormed(
        analyzeEmail({ subject: body.slice(0, 500), fromName: body.slice(0, 200), fromEmail: null, body }),
      );
    }
  });

  it('treats values of the wrong type (from a loose caller) as empty instead of throwing', () => {
    const broken = {
      subject: 1,
      fromName: {},
      fromEmail: [],
      body: Symbol('not text'),
    } as unknown as EmailInput;
    const result = analyzeInvitation(broken);
    expectWellFormed(result);
    expect(result.verdict).toBe('not-invitation');
  });
});
