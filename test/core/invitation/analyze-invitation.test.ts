import { describe, expect, it } from 'vitest';
import { analyzeInvitation } from '../../../src/core/invitation/analyze-invitation';
import type { EmailInput } from '../../../src/core/invitation/email-input';

function email(body: string, overrides: Partial<EmailInput> = {}): EmailInput {
  return {
    subject: overrides.subject ?? null,
    fromName: overrides.fromName ?? null,
    fromEmail: overrides.fromEmail ?? null,
    body,
    ...overrides,
  };
}

describe('analyzeInvitation: invitations', () => {
  it('recognises a recruiter asking for availability for a phone screen', () => {
    const result = analyzeInvitation(
      email(
        'Hi Sam,\n\nThanks for applying for the Backend Engineer role at Quillfield. We enjoyed your ' +
          'application and would like to set up a 30-minute phone screen.\n\nCould you share your availability ' +
          'for next week?\n\nBest,\nMaya Ortiz\nTalent Partner | Quillfield',
        { subject: 'Next steps – Backend Engineer', fromName: 'Maya Ortiz', fromEmail: 'maya@quillfield.io' },
      ),
    );
    expect(result.verdict).toBe('invitation');
    expect(result.isInvitation).toBe(true);
    expect(result.confidence).toBeGreaterThan(0.8);
    expect(result.interviewKind).toBe('phone-screen');
    expect(result.reasons.some((reason) => reason.includes('share your availability'))).toBe(true);
  });

  it('recognises a self-scheduling link and reports it', () => {
    const result = analyzeInvitation(
      email(
        'Hello Priya,\n\nWe would like to invite you to a video interview for the Data Analyst position. ' +
          'Please pick a time that suits you here: https://calendly.com/harbourline/data-analyst-interview\n\n' +
          'Kind regards,\nTom Reyes',
        { subject: 'Interview invitation', fromName: 'Tom Reyes', fromEmail: 'tom.reyes@harbourline.com' },
      ),
    );
    expect(result.verdict).toBe('invitation');
    expect(result.schedulingLink).toBe('https://calendly.com/harbourline/data-analyst-interview');
    expect(result.reasons.some((reason) => reason.startsWith('gives a scheduling link'))).toBe(true);
  });

  it('recognises a terse founder note that proposes a time without the word "interview"', () => {
    const result = analyzeInvitation(
      email('hey Lee, saw you applied for the designer role. free for a quick call thursday 2pm? — Ana', {
        subject: 're: design role',
        fromName: 'Ana Lind',
        fromEmail: 'ana@smallco.design',
      }),
    );
    expect(result.verdict).toBe('invitation');
    expect(result.proposedTimes).toContain('thursday 2pm');
  });

  it('recognises an invitation to an online assessment as the next stage', () => {
    const result = analyzeInvitation(
      email(
        'Dear Chris,\n\nThank you for applying to the Graduate Analyst programme. As the next step, we invite you ' +
          'to complete an online assessment within five days.\n\nStart your assessment: https://tests.example-assess.com/a/91\n\n' +
          'Graduate Recruitment Team',
        {
          subject: 'Next step: online assessment',
          fromName: 'Graduate Recruitment',
          fromEmail: 'grads@orbital.co.uk',
        },
      ),
    );
    expect(result.verdict).toBe('invitation');
    expect(result.interviewKind).toBe('assessment');
  });

  it('treats an Outlook meeting request for an interview as an invitation with its start time', () => {
    const result = analyzeInvitation(
      email('Interview with the platform team for the SRE role. Join on Teams.', {
        subject: 'Interview: Site Reliability Engineer',
        fromName: 'Ines Moreau',
        fromEmail: 'ines.moreau@corvid.dev',
        itemClass: 'IPM.Schedule.Meeting.Request',
        meeting: {
          start: new Date('2026-03-10T14:00:00Z'),
          end: new Date('2026-03-10T15:00:00Z'),
          location: 'Microsoft Teams Meeting',
        },
      }),
    );
    expect(result.verdict).toBe('invitation');
    expect(result.proposedTimes[0]).toBe('2026-03-10 14:00–15:00 UTC');
    expect(result.reasons).toContain('is a meeting request for an interview');
  });

  it('recognises an agency forwarding the client’s interview invitation', () => {
    const result = analyzeInvitation(
      email(
        'Hi Jo,\n\nGreat news — my client Fernhill Foods would like to invite you to a first interview for the ' +
          'Buyer role. Can you do Tuesday 10am or Wednesday 3pm?\n\nCheers,\nRob Kale\nSenior Consultant\nKale Recruitment Ltd',
        { subject: 'Interview – Buyer', fromName: 'Rob Kale', fromEmail: 'rob@kalerecruitment.co.uk' },
      ),
    );
    expect(result.verdict).toBe('invitation');
    expect(result.fields.company.value).toBe('Fernhill Foods');
  });
});

describe('analyzeInvitation: hard negatives', () => {
  it('does not treat a rejection that mentions the interview as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'Hi Sam,\n\nThank you for interviewing with us for the Backend Engineer role. After careful consideration ' +
          'we have decided not to move forward with your application. We will keep your CV on file.\n\nBest,\nMaya',
        { subject: 'Your application', fromName: 'Maya Ortiz' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.category).toBe('rejection');
    expect(result.reasons.some((reason) => reason.includes('not to move forward'))).toBe(true);
  });

  it('does not treat a rejection that says "we may invite you to interview in future" as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'Unfortunately you were not selected for this position. If a similar role opens, we may invite you to ' +
          'interview again.',
        { subject: 'Update on your application' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
  });

  it('does not treat a job offer as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'Dear Sam,\n\nWe are delighted to offer you the position of Backend Engineer. Your offer letter is attached; ' +
          'please review and sign it by Friday. Are you free for a quick call to go through the start date?\n\nMaya',
        { subject: 'Offer of employment' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.category).toBe('offer');
  });

  it('does not treat an application-received acknowledgement that mentions interviews as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'Thank you for applying! We have received your application for Store Associate. Our team will review ' +
          'your application, and if your experience matches the role we will contact you to schedule an interview.',
        { subject: 'Application received', fromName: 'Careers', fromEmail: 'no-reply@shopwise.com' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.category).toBe('acknowledgement');
  });

  it('does not treat a job alert as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'New jobs for you based on your profile:\n\nSenior Engineer – Acme – Apply now\nData Analyst – Brightco – ' +
          'Easy Apply\n\nView all jobs | Manage your job alerts | Unsubscribe',
        { subject: '12 new jobs matching "engineer"', fromName: 'JobBoard Alerts' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.category).toBe('job-alert');
  });

  it('does not treat a newsletter with interview tips as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'This week’s issue: five interview tips from hiring managers. Book a mock interview with our coaches ' +
          'and land your dream job.\n\nYou are receiving this email because you subscribed. Unsubscribe.',
        { subject: 'The Career Digest – Issue 42' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
  });

  it('does not treat recruiter cold outreach as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'Hi Sam, I came across your profile and think you could be a great fit for a Staff Engineer role with ' +
          'my client. Are you open to new opportunities? Would you be open to a quick chat this week?',
        { subject: 'Exciting opportunity', fromName: 'Dana Hart', fromEmail: 'dana@hartsearch.com' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.category).toBe('cold-outreach');
  });

  it('does not treat the candidate’s own thank-you that quotes the invitation as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'Hi Maya,\n\nThank you for the invitation! Tuesday at 3pm works well for me.\n\nBest,\nSam\n\n' +
          'On Mon, 2 Mar 2026 at 09:00, Maya Ortiz <maya@quillfield.io> wrote:\n> Hi Sam,\n> We would like to ' +
          'invite you to an interview for the Backend Engineer role. Could you share your availability?\n> Maya',
        { subject: 'Re: Interview invitation', fromName: 'Sam Patel', fromEmail: 'sam.patel@gmail.com' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.category).toBe('candidate-own');
  });

  it('does not treat the candidate’s own follow-up as an invitation when the reader’s name is known', () => {
    const result = analyzeInvitation(
      email(
        'Hi Maya, I wanted to follow up on my application for the Backend Engineer role and my interview last ' +
          'week. I remain very interested. Best, Sam',
        { subject: 'Following up', fromName: 'Sam Patel', candidateName: 'Sam Patel' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.category).toBe('candidate-own');
  });

  it('does not treat a forward of the candidate’s own invitation to a friend as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'Look, I got an interview!!\n\n---------- Forwarded message ---------\nFrom: Maya Ortiz <maya@quillfield.io>\n' +
          'Date: Mon, 2 Mar 2026\nSubject: Interview invitation\nTo: Sam Patel <sam.patel@gmail.com>\n\nHi Sam,\n' +
          'We would like to invite you to an interview. Does Tuesday at 3pm work for you?\nMaya',
        { subject: 'Fwd: Interview invitation', fromName: 'Sam Patel', fromEmail: 'sam.patel@gmail.com' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.category).toBe('candidate-own');
  });

  it('does not treat a podcast interview request as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'Hi Sam, I host the Build Notes podcast and would love to interview you on the show about your open-source ' +
          'work. Would you be available for a 45-minute recording next week?',
        { subject: 'Podcast guest invitation' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.category).toBe('press');
  });

  it('does not treat a journalist’s interview request as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'I’m a reporter at the Daily Ledger writing an article about remote work. Could I interview you about ' +
          'your experience? The piece will run next month.',
        { subject: 'Interview request for an article' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.category).toBe('press');
  });

  it('does not treat an ordinary meeting invitation as an interview invitation', () => {
    const result = analyzeInvitation(
      email('Let’s review the Q3 roadmap together. Please share your availability for Thursday.', {
        subject: 'Q3 roadmap sync',
        itemClass: 'IPM.Schedule.Meeting.Request',
        meeting: { start: new Date('2026-04-02T10:00:00Z'), end: null, location: 'Room 4' },
      }),
    );
    expect(result.verdict).toBe('not-invitation');
  });

  it('does not treat a request to sit on an interview panel as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'Hi Sam, could you join as an interviewer for the Data Analyst candidate on Friday? The candidate’s CV is ' +
          'attached; please submit your scorecard afterwards.',
        { subject: 'Interview panel – Friday' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.category).toBe('interviewer-role');
  });

  it('does not treat marketing for interview coaching as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'Ace your next interview! Book a mock interview with a coach today — 30% off for a limited time. ' +
          'Schedule your session now. Unsubscribe',
        { subject: 'Land your dream job' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
  });

  it('does not treat an exit interview at the current employer as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'As part of your offboarding, we would like to schedule an exit interview before your last day. Please ' +
          'pick a time: https://calendly.com/people-team/exit',
        { subject: 'Exit interview' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.category).toBe('workplace');
  });
});

describe('analyzeInvitation: interview logistics', () => {
  it('reports a reminder for an agreed interview as logistics', () => {
    const result = analyzeInvitation(
      email('Hi Sam, this is a reminder of your interview tomorrow at 10:00 with Maya. See you then!', {
        subject: 'Reminder: your interview tomorrow',
      }),
    );
    expect(result.verdict).toBe('interview-logistics');
    expect(result.isInvitation).toBe(false);
    expect(result.category).toBe('reminder');
  });

  it('reports a confirmation as logistics', () => {
    const result = analyzeInvitation(
      email(
        'Thanks for booking! Your interview is confirmed for Tuesday 3 March at 14:00. A calendar invite has been sent.',
        {
          subject: 'Interview confirmed',
        },
      ),
    );
    expect(result.verdict).toBe('interview-logistics');
    expect(result.category).toBe('confirmation');
  });

  it('reports a reschedule as logistics even when it asks for availability', () => {
    const result = analyzeInvitation(
      email(
        'Hi Sam, unfortunately Maya is travelling, so we need to reschedule your interview. Could you share your ' +
          'availability for next week?',
        { subject: 'Re: Interview – schedule change' },
      ),
    );
    expect(result.verdict).toBe('interview-logistics');
    expect(result.category).toBe('reschedule');
  });

  it('reports a cancellation as logistics', () => {
    const result = analyzeInvitation(
      email(
        'Hi Sam, I am sorry but we have to cancel your interview on Thursday as the role has been put on hold.',
        {
          subject: 'Interview cancelled',
        },
      ),
    );
    expect(result.verdict).toBe('interview-logistics');
    expect(result.category).toBe('cancellation');
  });

  it('does not read "if you need to reschedule" in an invitation as a reschedule', () => {
    const result = analyzeInvitation(
      email(
        'We would like to invite you to interview for the Nurse Educator role. Please choose a slot: ' +
          'https://calendly.com/stmarks/nurse. If you need to reschedule later, just reply to this email.',
        { subject: 'Interview invitation' },
      ),
    );
    expect(result.verdict).toBe('invitation');
  });
});

describe('analyzeInvitation: reasons and quoted text', () => {
  it('quotes the email in its reasons', () => {
    const result = analyzeInvitation(
      email('We would like to invite you to an interview. Please share your availability for next week.'),
    );
    expect(result.reasons.some((reason) => /“.*please share your availability.*”/i.test(reason))).toBe(true);
  });

  it('weighs quoted history far less than the author’s own words', () => {
    const quotedInvitation =
      'On Tue, 3 Mar 2026 at 10:00, Maya <maya@quillfield.io> wrote:\n> We would like to invite you to an ' +
      'interview. Please share your availability.\n';
    const result = analyzeInvitation(
      email(`Got it, thanks.\n\n${quotedInvitation}`, { subject: 'Re: Interview' }),
    );
    expect(result.verdict).not.toBe('invitation');
  });

  it('returns no times or link for an email that is not about an interview', () => {
    const result = analyzeInvitation(email('Lunch on Friday at 1pm? https://calendly.com/friend/lunch'));
    expect(result.verdict).toBe('not-invitation');
    expect(result.proposedTimes).toEqual([]);
    expect(result.schedulingLink).toBeNull();
  });
});

describe('analyzeInvitation: a meeting request without a start time', () => {
  it('counts and quotes the times the email itself proposes', () => {
    const result = analyzeInvitation(
      email(
        'Hi Sam,\n\nThanks for applying for the Data Analyst role. Could you do a video interview on ' +
          'Tuesday 14 January at 10:00 or Wednesday 15 January at 14:00?\n\nBest,\nPriya',
        { subject: 'Interview: Data Analyst', itemClass: 'IPM.Schedule.Meeting.Request' },
      ),
    );
    expect(result.isInvitation).toBe(true);
    expect(result.proposedTimes[0]).toContain('Tuesday 14 January');
    expect(
      result.reasons.some((reason) => reason.includes('proposes a time') && reason.includes('Tuesday')),
    ).toBe(true);
  });
});
