/**
 * Precision by structure: an ask to meet about a job invites the reader only when the reader is the one who
 * would be interviewed. A seller or an agency writing to the one hiring, a friend referring someone else, and
 * the candidate passing their own invitation on are built the same way and must stay negative. Each look-alike
 * sits next to the invitation it resembles. Every email is written for the test; none is copied from a corpus.
 */

import { describe, expect, it } from 'vitest';
import { analyzeInvitation } from '../../../src/core/invitation/analyze-invitation';
import { classifyInvitation } from '../../../src/core/invitation/classify-invitation';
import type { EmailInput } from '../../../src/core/invitation/email-input';
import { findSchedule } from '../../../src/core/invitation/find-schedule';
import { normalizeBody, readEmailText } from '../../../src/core/invitation/read-email-text';
import { englishSignals } from '../../../src/core/invitation/signals/en';

function analyze(body: string, overrides: Partial<EmailInput> = {}) {
  return analyzeInvitation({ subject: null, fromName: null, fromEmail: null, body, ...overrides });
}

/** Classifies a forward as the reader would split it: `note` above the header, the forwarded message below. */
function classifyForward(note: string, forwarded: string, subject: string, fromName: string) {
  const body = normalizeBody(`${note}\n\n---------- Forwarded message ---------\n${forwarded}`);
  const text = readEmailText(body, englishSignals);
  return classifyInvitation(
    {
      subject,
      fromName,
      fromEmail: '',
      text,
      schedule: findSchedule(subject, text.own, null, englishSignals),
      isMeetingRequest: false,
      meetingTimeListed: false,
      sentByReader: false,
      forwardNote: note,
    },
    englishSignals,
  );
}

describe('who asks whom: the reader as the one hiring', () => {
  it('keeps a seller asking the reader for a call about their hiring team marketing-side, not an invitation', () => {
    const analysis = analyze(
      'Hi Ben, I lead partnerships at Rostrly. Would you be free for a 20-minute call on Wednesday to see how ' +
        'Rostrly could help your recruiting team cut scheduling time?\nMaya',
      { subject: 'Quick call?', fromName: 'Maya Ortiz' },
    );
    expect(analysis.verdict).toBe('not-invitation');
    expect(analysis.reasons.join(' ')).toContain('as the one hiring');
  });

  it('still invites when the same call is about the role the reader applied for', () => {
    expect(
      analyze(
        'Hi Ben, thanks for applying to Rostrly. Would you be free for a 20-minute call on Wednesday to talk ' +
          'about the support engineer role with our hiring team?\nMaya',
        { subject: 'Quick call?', fromName: 'Maya Ortiz' },
      ).verdict,
    ).toBe('invitation');
  });

  it('keeps an agency putting a candidate to the reader the hiring side', () => {
    expect(
      analyze(
        'Hello Ines, I have a strong candidate for your open Payroll Officer role, eight years in payroll. ' +
          'Could you speak with her on Thursday at 11?\nKind regards, Colm, Brightpath Recruitment',
        { subject: 'Payroll Officer candidate', fromName: 'Colm Byrne' },
      ).verdict,
    ).toBe('not-invitation');
  });

  it('still invites when the agency puts the reader forward to its client', () => {
    expect(
      analyze(
        'Hello Ines, thanks for sending your CV for the Payroll Officer role: my client would like to meet you. ' +
          'Could you speak with their finance director on Thursday at 11?\nKind regards, Colm, Brightpath Recruitment',
        { subject: 'Payroll Officer', fromName: 'Colm Byrne' },
      ).verdict,
    ).toBe('invitation');
  });
});

describe('who asks whom: someone else applied', () => {
  it('keeps a friend referring someone who applied a referral, not an invitation', () => {
    expect(
      analyze(
        'Hey Priya, my old colleague Ravi has applied for the QA lead role. Could you have a chat with him ' +
          'on Friday? He is brilliant.\nSam',
        { subject: 'QA lead', fromName: 'Sam Holt' },
      ).verdict,
    ).toBe('not-invitation');
  });

  it('still invites the reader who applied to a chat with the manager on Friday', () => {
    expect(
      analyze(
        'Hey Priya, thanks for applying for the QA lead role. Could you have a chat with Ravi, our head of ' +
          'engineering, on Friday?\nSam',
        { subject: 'QA lead', fromName: 'Sam Holt' },
      ).verdict,
    ).toBe('invitation');
  });
});

describe('who asks whom: the note above a forward', () => {
  const invitation =
    'From: Anna Roe <anna@fernleybakery.example>\nSubject: Interview\n\nDear Tom, thank you for your ' +
    'application for Baker. Please come in for an interview on Tuesday at 10am. Kind regards, Anna';

  it("keeps the candidate's own forward, with news of their own above it, their own mail", () => {
    const result = classifyForward(
      'dad look, i got an interview!! tuesday',
      invitation,
      'Fwd: Interview',
      'Tom',
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.reasons.join(' ')).toContain('note of its own');
  });

  it('reads the same forward with no note as the invitation it carries', () => {
    expect(classifyForward('', invitation, 'Fwd: Interview', 'Tom').verdict).toBe('invitation');
  });

  it("reads a recruiter's ask for times above a manager's note about the reader as an invitation", () => {
    const result = classifyForward(
      'Hi Daniel,\n\nSee below from Martin, our engineering manager. Could you share some times this week?\n\nRachel',
      'From: Martin Gale\nTo: Rachel Kim\nSubject: Backend CV\n\nThis one looks strong, let us get him in for a ' +
        'technical conversation asap.',
      'Re: Fwd: Backend CV',
      'Rachel Kim',
    );
    expect(result.verdict).toBe('invitation');
  });

  it('keeps a message addressed to the sender, forwarded with no ask of theirs, their own mail', () => {
    const result = classifyForward(
      'FYI',
      'From: Martin Gale\nTo: Rachel Kim\nSubject: Backend CV\n\nDear Rachel, could you come in on Tuesday at ' +
        '10am for an interview for the backend role? Martin',
      'Fwd: Backend CV',
      'Rachel Kim',
    );
    expect(result.verdict).toBe('not-invitation');
  });
});
