import { describe, expect, it } from 'vitest';
import { analyzeInvitation } from '../../../src/core/invitation/analyze-invitation';
import { readEmailText } from '../../../src/core/invitation/read-email-text';
import { englishSignals } from '../../../src/core/invitation/signals/en';

// The few lines above a forwarded message say who forwards it to whom: the same forwarded invitation is the
// reader's invitation under a recruiter's request, and the candidate's own news under their note to family.
const forwardedNote =
  '---------- Forwarded message ---------\nFrom: Dana Whitlock <dana@quarrytech.com>\nDate: Mon, 3 Feb\n' +
  'Subject: Data Analyst shortlist\nTo: Lee Park <lee@quarrytech.com>\n\n' +
  'Lee, I liked the Data Analyst applicant from the careers page, strong SQL. Worth a conversation.\n\nDana';

const invitation =
  'Begin forwarded message:\nFrom: Tom Reyes <tom.reyes@harbourbakes.co.uk>\nSubject: Interview\n\n' +
  'Dear applicant,\nThank you for your application for Counter Assistant. Please come for an interview on ' +
  'Wednesday at 4pm at Harbour Bakes, 12 Quay Street. Kindly confirm by reply.\nRegards\nTom Reyes';

describe('the note above a forwarded message', () => {
  it('is kept apart from the forwarded message, which is what the reader text holds', () => {
    const text = readEmailText(
      `Could you share some times this week?\n\nLee\n\n${forwardedNote}`,
      englishSignals,
    );
    expect(text.isForward).toBe(true);
    expect(text.forwardNote).toContain('Could you share some times');
    expect(text.own).not.toContain('Could you share some times');
    expect(readEmailText('Hi Sam, are you free on Tuesday?', englishSignals).forwardNote).toBe('');
  });

  it("reads a recruiter's short request over a hiring manager's note as an ask to the reader", () => {
    const body = `Hi Sam, thanks for applying. Could you share some times this week for a call?\n\nLee\n\n${forwardedNote}`;
    const result = analyzeInvitation({
      subject: 'Fwd: Data Analyst shortlist',
      fromName: 'Lee Park',
      fromEmail: 'lee@quarrytech.com',
      body,
    });
    expect(result.isInvitation).toBe(true);
  });

  it("reads the candidate's own 'look, I got an interview!' over their invitation as their own mail", () => {
    const result = analyzeInvitation({
      subject: 'Fw: Interview',
      fromName: 'Sam Carter',
      fromEmail: 'samc1999@gmail.com',
      body: `mum look i got an interview!! its wednesday. wish me luck x\n\nSent from my iPhone\n\n${invitation}`,
    });
    expect(result.isInvitation).toBe(false);
  });
});
