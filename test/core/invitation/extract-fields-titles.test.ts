import { describe, expect, it } from 'vitest';
import { analyzeInvitation } from '../../../src/core/invitation/analyze-invitation';
import type { EmailInput } from '../../../src/core/invitation/email-input';

function titleOf(input: Partial<EmailInput> & { body: string }): string | null {
  return analyzeInvitation({ subject: null, fromName: null, fromEmail: null, ...input }).fields.jobTitle
    .value;
}

describe('job title: specialisations people write as part of the title', () => {
  it('keeps what the role works on after a dash, but not a stage, place or the company', () => {
    expect(titleOf({ body: 'Position: Business Analyst - Claims Transformation\nDate: Thursday' })).toBe(
      'Business Analyst - Claims Transformation',
    );
    expect(titleOf({ body: 'Position: Store Manager - Elm Street\nDate: Thursday' })).toBe('Store Manager');
    expect(titleOf({ body: 'Position: Data Engineer – Part Time\nDate: Thursday' })).toBe('Data Engineer');
    expect(
      titleOf({
        body: 'Position: Java Developer - Tekvana Solutions\nDate: Thursday',
        fromEmail: 'hr@tekvana.com',
      }),
    ).toBe('Java Developer');
  });

  it('reads the role after a dash when the part before names none ("Intro call – …")', () => {
    expect(titleOf({ body: 'Event Type:\nIntro call – Customer Success Manager\n\nInvitee:\nSam' })).toBe(
      'Customer Success Manager',
    );
  });

  it('keeps "in …" up to the first lower-case word, and does not end on a word that only sounds like a role', () => {
    expect(
      titleOf({
        body: 'Thank you for your application for the Postdoctoral Researcher in Single-Cell Genomics in my group.',
      }),
    ).toBe('Postdoctoral Researcher in Single-Cell Genomics');
    expect(
      titleOf({
        subject: 'Lecturer in Cyber Security (Ref: ACA-2291) - Shortlisting outcome',
        body: 'Dear Sam',
      }),
    ).toBe('Lecturer in Cyber Security');
  });

  it('prefers the fuller form of the same role ("… II", ".NET …") over a shorter mention', () => {
    expect(
      titleOf({
        subject: 'Reschedule of interview - .NET Full Stack Developer',
        body: 'We need to move your interview for the Full Stack Developer position.',
      }),
    ).toBe('.NET Full Stack Developer');
    // A company name in front is not a qualifier.
    expect(
      titleOf({
        subject: 'Interview - Graduate Analyst',
        body: 'Thanks for applying to the Halden & Crane Graduate Analyst role.',
        fromEmail: 'careers@haldencrane.com',
      }),
    ).toBe('Graduate Analyst');
  });
});

describe('job title: everyday roles and the ways emails introduce them', () => {
  it('reads plain roles from "the X job/vacancy/spot" and from "being our new X"', () => {
    expect(titleOf({ body: 'Thanks for applying for our Lettings Negotiator vacancy.' })).toBe(
      'Lettings Negotiator',
    );
    expect(titleOf({ body: 'Saw you applied for the founding engineer spot on Wellfound.' })).toBe(
      'founding engineer',
    );
    expect(titleOf({ body: 'Thanks for messaging about the Saturday girl job at the salon!' })).toBe(
      'Saturday girl',
    );
    expect(titleOf({ body: 'We would love to talk about becoming our new Operations Coordinator.' })).toBe(
      'Operations Coordinator',
    );
    // "girl" alone, outside a sentence that says a role follows, is no title.
    expect(titleOf({ body: 'The girl at the desk will show you in.' })).toBeNull();
  });

  it('completes a short form after a field word ("marketing exec", "staff eng")', () => {
    expect(titleOf({ body: 'A proper chat about the marketing exec job?' })).toBe('marketing exec');
    expect(titleOf({ body: 'It is the last step for the staff eng role.' })).toBe('staff eng');
  });

  it('takes a lower-case subject that is nothing but a role, not any lower-case subject', () => {
    expect(titleOf({ subject: 'Re: warehouse operative', body: 'Can you come in Monday at 9?' })).toBe(
      'warehouse operative',
    );
    expect(
      titleOf({ subject: 'Re: quick question about support', body: 'Can you come in Monday?' }),
    ).toBeNull();
  });

  it('reads a role named only in the quoted earlier message of a reply', () => {
    expect(
      titleOf({
        body: 'Client wants a call tomorrow, ok?\n\nJas\n\nOn Tue, 24 Nov 2026, Jas wrote:\n> Are you happy for me to send your CV across for the AP Clerk role in Solihull?',
      }),
    ).toBe('AP Clerk');
    // The author's own words win over the quoted history.
    expect(
      titleOf({
        body: 'Can we talk about the Payroll Clerk role?\n\nOn Tue, 24 Nov 2026, Jas wrote:\n> Are you happy for me to put you forward for the AP Clerk role?',
      }),
    ).toBe('Payroll Clerk');
  });
});

describe('job title: words around the title that are not part of it', () => {
  it('drops lead-in words from other languages and a verb before the article', () => {
    expect(titleOf({ subject: 'Re: Sollicitatie Product Designer', body: 'Hi Tomás' })).toBe(
      'Product Designer',
    );
    expect(titleOf({ subject: 'Ihre Bewerbung als Data Engineer (m/w/d)', body: 'Hallo' })).toBe(
      'Data Engineer',
    );
    expect(titleOf({ body: 'This is Tobi (we posted the Flutter developer role last week).' })).toBe(
      'Flutter developer',
    );
  });

  it('does not keep a number or band after a comma as a specialisation', () => {
    expect(titleOf({ body: 'Interview: Healthcare Assistant, Band 3\nDate: Monday' })).toBe(
      'Healthcare Assistant',
    );
    expect(titleOf({ body: 'Your interview for the Software Engineer, Payments role.' })).toBe(
      'Software Engineer, Payments',
    );
  });

  it('reads past a bracketed note inside the title, and drops the note', () => {
    expect(
      titleOf({ body: 'Thank you for applying for the Software Engineer – Graduate (2027) position.' }),
    ).toBe('Software Engineer – Graduate');
    expect(titleOf({ body: 'Thanks for applying to the Frontend Developer (React) position.' })).toBe(
      'Frontend Developer',
    );
  });

  it('does not take a word that only ends like a role ("Shortlist: Finance Officer")', () => {
    expect(
      titleOf({ subject: 'Shortlist: Finance Officer', body: 'Dear Sam, can you come on Monday?' }),
    ).toBe('Finance Officer');
  });

  it('ends a specialisation after a comma where the sentence goes on', () => {
    expect(
      titleOf({
        body: 'We are pleased to offer an interview for the position of Operations Analyst, Trade Finance with Meridian Pacific Bank.',
      }),
    ).toBe('Operations Analyst, Trade Finance');
    expect(
      titleOf({
        body: 'For the position of Senior Electrical Engineer, you are invited for an oral interview.',
      }),
    ).toBe('Senior Electrical Engineer');
  });

  it('keeps "Programme"/"Scheme" after a qualifier, not after a role', () => {
    expect(
      titleOf({ body: 'We invite you to our Assessment Centre for the Finance Graduate Programme.' }),
    ).toBe('Finance Graduate Programme');
    expect(
      titleOf({
        body: 'Your application to the Retail Management Graduate Scheme has moved to the next stage.',
      }),
    ).toBe('Retail Management Graduate Scheme');
    expect(titleOf({ body: 'You have been selected for our Supply Chain Trainee programme.' })).toBe(
      'Supply Chain Trainee',
    );
  });

  it('reads the role a recruiter says they are supporting ("the … II search")', () => {
    expect(
      titleOf({
        subject: 'Interview for Clinical Research Associate',
        body: "I'm the recruiter supporting the Clinical Research Associate II search here at Parvance.",
      }),
    ).toBe('Clinical Research Associate II');
    // A search that is not a role's is not read.
    expect(titleOf({ body: 'I am supporting the search for a new office.' })).toBeNull();
  });
});
