/**
 * One test per family of real emails that the first held-out set showed the rules missing. Every email here
 * is written for the test; none is copied from a corpus.
 */

import { describe, expect, it } from 'vitest';
import { analyzeInvitation } from '../../../src/core/invitation/analyze-invitation';
import type { EmailInput } from '../../../src/core/invitation/email-input';

function email(body: string, overrides: Partial<EmailInput> = {}): EmailInput {
  return { subject: null, fromName: null, fromEmail: null, body, ...overrides };
}

describe('general signals: casual invitations that never say "interview"', () => {
  it('recognises "are you free <weekday> … to chat with the team" in a reply to an application', () => {
    const result = analyzeInvitation(
      email(
        'Got your CV, thanks. Are you free Wednesday around 4 to chat with the owner about the line cook job?\n\nMarco',
        { subject: 'Re: line cook', fromName: 'Marco Bellini', fromEmail: 'marco@trattoria-sole.com' },
      ),
    );
    expect(result.verdict).toBe('invitation');
  });

  it('reads an HR or people-team signature as hiring context for a proposed video call', () => {
    const result = analyzeInvitation(
      email(
        'Hi Tariq,\n\nThanks for the writing samples. Our editor-in-chief would like to meet you. Could you do a ' +
          'video call on Tuesday at 15:00?\n\nBest,\nNora Salim\nPeople & Culture | Brightleaf Media',
        { subject: 'RE: samples', fromName: 'Nora Salim', fromEmail: 'nora.salim@brightleaf.example' },
      ),
    );
    expect(result.verdict).toBe('invitation');
  });

  it('recognises a plain "we want to do a phone interview, is that ok?" with typos and no greeting', () => {
    const result = analyzeInvitation(
      email(
        'hi we got ur resume for the forklift driver opening. we want to do a short phone interview friday ' +
          'morning is that ok? reply with best number to reach you\nKaren - Northgate Logistics HR',
        {
          subject: 'forklift driver',
          fromName: 'Karen Ortiz',
          fromEmail: 'kortiz@northgatelogistics.example',
        },
      ),
    );
    expect(result.verdict).toBe('invitation');
  });

  it('recognises an invitation to come to the office for a final round, even when a "research project" is mentioned', () => {
    const result = analyzeInvitation(
      email(
        'Dear Lena,\n\nWe would like to invite you to our Zurich office for a final round of interviews for the ' +
          'Data Scientist role on 4 March. Expect questions on statistics and on the research project from your ' +
          'thesis.\n\nBest regards,\nPeter Huber\nHead of Analytics, Alpenrisk',
        {
          subject: 'Final round – Data Scientist',
          fromName: 'Peter Huber',
          fromEmail: 'p.huber@alpenrisk.example',
        },
      ),
    );
    expect(result.verdict).toBe('invitation');
  });

  it('recognises a search consultant whose client would like to meet the reader about an appointment', () => {
    const result = analyzeInvitation(
      email(
        'Dear Martin,\n\nFurther to our call, I am delighted to say that the trustees would like to meet you in ' +
          'connection with the Director of Finance appointment. Which date suits you, the 3rd or the 4th? I am ' +
          'free on Monday if you would like to talk it through first.\n\nKind regards,\nHelen Ward\nPartner, Ward ' +
          'Bishop Search',
        { subject: 'Director of Finance', fromName: 'Helen Ward', fromEmail: 'helen@wardbishop.example' },
      ),
    );
    expect(result.verdict).toBe('invitation');
  });

  it('recognises a request to meet face to face for a named post', () => {
    const result = analyzeInvitation(
      email(
        'Dear Ravi,\n\nOur plant head would like to meet you face to face on Saturday 10 AM for the Quality ' +
          'Engineer post. Kindly confirm your availability.\n\nRegards,\nMeena Rao\nHR - Sundaram Castings',
        { subject: 'Fwd: Profile', fromName: 'Meena Rao', fromEmail: 'meena.rao@sundaramcastings.example' },
      ),
    );
    expect(result.verdict).toBe('invitation');
    expect(result.fields.company.value).not.toBe('She');
  });
});

describe('general signals: British casual invitations', () => {
  it('recognises "fancy coming in for a coffee and a chat" about a job', () => {
    const result = analyzeInvitation(
      email(
        'Hi Nina, thanks for applying to the kitchen porter job. Fancy coming in for a chat on Friday?\n\nGreg',
        {
          subject: 'Kitchen porter',
          fromName: 'Greg Hill',
          fromEmail: 'greg@thecrown-pub.example',
        },
      ),
    );
    expect(result.verdict).toBe('invitation');
  });
});

describe('general signals: bringing the reader in', () => {
  it('lets "would like to bring you in for an interview" outweigh "we received your resume"', () => {
    const result = analyzeInvitation(
      email(
        'Good morning Jose,\n\nWe received your resume for the Shipping Clerk position and would like to bring you ' +
          'in for an interview. Are you available Monday at 9:30 AM?\n\nThank you,\nRita Gomez\nHuman Resources',
        { subject: 'RE: Shipping Clerk', fromName: 'Rita Gomez', fromEmail: 'rgomez@ashfordsupply.example' },
      ),
    );
    expect(result.verdict).toBe('invitation');
  });

  it('recognises "any chance you’re free Thursday" about a role applied for', () => {
    const result = analyzeInvitation(
      email(
        'Hi Leo, thanks for applying to the support engineer role. Any chance you’re free Thursday for 20 minutes ' +
          'on the phone?\n\nKate',
        { subject: 'Support engineer', fromName: 'Kate Moss', fromEmail: 'kate@helpwise.example' },
      ),
    );
    expect(result.verdict).toBe('invitation');
  });
});

describe('general signals: asking whether the reader has a few minutes', () => {
  it('recognises "do you have 15 minutes tomorrow" about an application as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'Hi Priya,\n\nThanks for applying for the bookkeeper job. Do you have 15 minutes tomorrow for a quick ' +
          'phone call about your application?\n\nGreg Moss\nOwner, Moss & Daughters',
        { subject: 'Bookkeeper application', fromName: 'Greg Moss', fromEmail: 'greg@mossdaughters.example' },
      ),
    );
    expect(result.verdict).toBe('invitation');
  });
});

describe('general signals: hiring in the media is still hiring', () => {
  it('recognises an editor inviting an applicant for a reporter job to interview', () => {
    const result = analyzeInvitation(
      email(
        "Hi Tom,\n\nThanks for applying for the Reporter position. I'm the news editor at the Lakeside Echo and I " +
          'would like to interview you for the role. Are you available on Friday at 11am?\n\nJune Ortega',
        { subject: 'Reporter position', fromName: 'June Ortega', fromEmail: 'june@lakeside-echo.example' },
      ),
    );
    expect(result.verdict).toBe('invitation');
  });
});

describe('general signals: look-alikes that must stay negatives', () => {
  it('reads "decided to progress with other candidates" as a rejection', () => {
    const result = analyzeInvitation(
      email(
        'Hi Ana,\n\nThank you for your time on the phone. We have decided to progress with other candidates for ' +
          'the Analyst role.\n\nBest,\nBen',
        { subject: 'Your application', fromName: 'Ben Cole' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.category).toBe('rejection');
  });

  it('does not treat a rejection that offers a feedback call as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'Dear Omar,\n\nThank you for interviewing with us for the Site Manager role. It was a close decision, and ' +
          'we have offered the position to a candidate with more experience of hospital builds.\n\nIf you would ' +
          'like feedback on your interview, I would be glad to arrange a short call.\n\nKind regards,\nJo Kemp',
        { subject: 'Site Manager – update', fromName: 'Jo Kemp' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.category).toBe('rejection');
  });

  it('does not treat a job board’s "application sent" notice that mentions a possible interview as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'Application submitted\n\nWarehouse Operative\nDelta Foods\n\nYour CV was sent to Delta Foods. Good luck ' +
          'with your application!\n\nWhat happens next\n- Employers usually review applications within a week\n' +
          '- Keep your phone nearby in case the employer wants to schedule an interview',
        {
          subject: 'Your application was sent to Delta Foods',
          fromName: 'JobBoard',
          fromEmail: 'no-reply@jobs.example',
        },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.category).toBe('acknowledgement');
  });

  it('does not treat a status notice saying "if selected for an interview, a recruiter will contact you" as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'Your application for Payroll Clerk has been received. If selected for an interview, a recruiter will ' +
          'contact you to arrange a time. You can follow progress in your candidate account.',
        { subject: 'Application status', fromName: 'Careers Portal', fromEmail: 'noreply@ats.example' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.category).toBe('acknowledgement');
  });

  it('reads "thanks for the invite" as the invited person’s own reply, even when it proposes a time back', () => {
    const result = analyzeInvitation(
      email(
        'Hi Dan,\n\nThanks so much for the invite to interview. Would Thursday at 2pm work for you? Let me know ' +
          'which time suits.\n\nMia',
        {
          subject: 'Re: Interview – Junior Designer',
          fromName: 'Mia Clarke',
          fromEmail: 'mia.clarke@gmail.com',
        },
      ),
    );
    expect(result.verdict).not.toBe('invitation');
    expect(result.category).toBe('candidate-own');
  });

  it('does not treat a thank-you for a completed video interview as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'Thanks for recording your video interview for Barista! If shortlisted for an in-person interview, the ' +
          'cafe manager will contact you.\n\nThe Talent Team',
        { subject: 'Thanks for completing your video interview', fromName: 'Beanline Careers' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
  });

  it('does not treat a newspaper reporter asking for a phone interview as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'Hi Dr. Lang,\n\nI’m a reporter on the health desk at the Morning Standard, working on a story about ' +
          'clinic waiting times. Would you have 15 minutes for a phone interview tomorrow? My deadline is 5pm.\n\n' +
          'Thanks,\nAmy Cole',
        { subject: 'Interview request – Morning Standard', fromName: 'Amy Cole' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.category).toBe('press');
  });

  it('does not treat a radio producer inviting the reader on air as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'Hello Fiona,\n\nI’m a producer on the Drive Time programme. We’re putting together a segment on school ' +
          'meals and wondered if you could join us live for a short interview at 5:40pm. Let me know if you’re ' +
          'available and the best number to reach you.\n\nCheers,\nTom',
        { subject: 'Request for comment', fromName: 'Tom Price' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.category).toBe('press');
  });

  it('does not treat an alumni magazine asking to feature the reader as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'Dear Mr. Adams,\n\nCongratulations on your new role! We would love to feature you in the summer issue of ' +
          'the alumni magazine. Would you be available for a 20-minute interview with our staff writer next week? ' +
          'A headshot would be welcome too.\n\nAlumni Office',
        { subject: 'Alumni magazine feature', fromName: 'Alumni Office' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.category).toBe('press');
  });

  it('does not treat a product team’s customer interview request as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'Hi Dana,\n\nWe’d love to learn how you use the planner app day to day. Would you join a 30-minute customer ' +
          'interview? As a thank-you, we’ll add a free month to your plan. Pick a time: https://calendly.com/acme-ux/30\n\n' +
          'Sam, Product Research',
        { subject: 'Quick chat about the planner?', fromName: 'Sam at Acme' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.category).toBe('press');
  });
});

describe('general signals: selling to employers', () => {
  it('does not treat a pitch for interview-scheduling software as an invitation', () => {
    const result = analyzeInvitation(
      email(
        'Still scheduling interviews by hand? Book a demo of our hiring software and cut your time to hire. ' +
          'Set up a call with our sales team today.',
        { subject: 'Hiring this quarter?', fromName: 'Slotwise', fromEmail: 'hello@slotwise.example' },
      ),
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.category).toBe('marketing');
  });
});

describe('general signals: what is never a company', () => {
  it('does not take a code-hosting or portfolio site ("GitHub") for the company', () => {
    const result = analyzeInvitation(
      email(
        'Hey Max, our lead reviewed your work on GitHub and would like to meet you. Are you free on Friday?\n\nDan',
        { subject: 'Chat', fromName: 'Dan Brooks', fromEmail: 'dan@gmail.com' },
      ),
    );
    expect(result.fields.company.value).not.toBe('GitHub');
  });

  it('does not take a job title from the subject ("Store Associate") for the company', () => {
    const result = analyzeInvitation(
      email(
        'Hello Maria,\n\nWe reviewed your application for Store Associate and would like to speak with you. ' +
          'Please reply with your availability for a 15 minute call.\n\nStore Recruiting Team',
        {
          subject: 'Store Associate - Next steps',
          fromName: 'Careers',
          fromEmail: 'careers@northpoint-stores.example',
        },
      ),
    );
    expect(result.fields.company.value).not.toBe('Store Associate');
  });

  it('does not offer a department name alone ("Talent Acquisition") or a CV as the company', () => {
    const result = analyzeInvitation(
      email(
        'Hi Ana,\n\nMy client has reviewed your CV and would like to meet you. Are you free on Thursday?\n\n' +
          'Regards,\nBen Cole\nTalent Acquisition',
        { subject: 'Interview', fromName: 'Ben Cole', fromEmail: 'ben.cole@gmail.com' },
      ),
    );
    expect(result.fields.company.value).not.toBe('Talent Acquisition');
    expect(result.fields.company.value).not.toBe('CV');
  });
});

describe('general signals: the employer’s full name', () => {
  it('prefers the institution’s full name in the text over the shorter name its domain spells', () => {
    const result = analyzeInvitation(
      email(
        'Hi Tom,\n\nI’d like to offer you an interview for the Pharmacist post at Northvale General Hospital. ' +
          'Could you do Tuesday at 10?\n\nThanks,\nIrene Shaw\nChief Pharmacist\nNorthvale General Hospital',
        {
          subject: 'Pharmacist interview',
          fromName: 'Irene Shaw',
          fromEmail: 'irene.shaw@northvalehealth.example',
        },
      ),
    );
    expect(result.fields.company.value).toBe('Northvale General Hospital');
  });

  it('reads a two-word name ending in an industry noun as the company, not as a person', () => {
    const result = analyzeInvitation(
      email(
        'Hi Ravi,\n\nYou have been invited to complete a video interview for Claims Handler at Brambleton ' +
          'Insurance. Start here: https://interviews.example/abc\n\nBrambleton Insurance Careers',
        {
          subject: 'Complete your video interview',
          fromName: 'Brambleton Insurance Careers',
          fromEmail: 'brambleton@candidates.videoplatform.example',
        },
      ),
    );
    expect(result.fields.company.value).toBe('Brambleton Insurance');
  });

  it('takes the client an agency says "has come back" as the company, not the agency', () => {
    const result = analyzeInvitation(
      email(
        'Hi Rebecca,\n\nGood news: Ashgrove Dairies have come back and want to meet you for the Buyer role. ' +
          'Can you confirm Thursday at 11 works?\n\nCheers,\nTom\nTom Hale | Consultant\nKestrel Search Partners',
        { subject: 'Interview – Buyer', fromName: 'Tom Hale', fromEmail: 'tom.hale@kestrelsearch.example' },
      ),
    );
    expect(result.fields.company.value).toBe('Ashgrove Dairies');
  });
});

describe('general signals: job titles', () => {
  it('keeps "of" inside a title such as "Front of House Manager"', () => {
    const result = analyzeInvitation(
      email(
        'Hi Sean,\n\nThanks for your CV. Could you come in for a chat about the Front of House Manager role on ' +
          'Friday at 2pm?\n\nOrla',
        { subject: 'Re: application', fromName: 'Orla Byrne', fromEmail: 'orla@harbourview-hotel.example' },
      ),
    );
    expect(result.fields.jobTitle.value).toBe('Front of House Manager');
  });

  it('keeps a French connector in a kitchen title such as "Chef de Rang"', () => {
    const result = analyzeInvitation(
      email(
        'Hello Marta,\n\nWe would like to invite you to a trial shift for the Chef de Rang position on Saturday. ' +
          'Does 4pm work?\n\nPaul',
        { subject: 'Trial shift', fromName: 'Paul Girard', fromEmail: 'paul@brasserie-lune.example' },
      ),
    );
    expect(result.fields.jobTitle.value).toBe('Chef de Rang');
  });

  it('reads the title from "joining <company> as a <title>"', () => {
    const result = analyzeInvitation(
      email(
        'Hi Jay,\n\nThank you for your interest in joining Brightline Support as a Technical Support Agent for ' +
          'our night shift. We are inviting you for an initial interview on Monday at 9:00 AM.\n\nLiza Cruz\n' +
          'Recruitment Officer',
        { subject: 'Initial interview', fromName: 'Liza Cruz', fromEmail: 'liza.cruz@brightline.example' },
      ),
    );
    expect(result.fields.jobTitle.value).toBe('Technical Support Agent');
  });
});

describe('general signals: details of a visit already agreed', () => {
  it('reports the agenda sent ahead of an on-site as logistics, not as a new invitation', () => {
    const result = analyzeInvitation(
      email(
        'Hi Ana,\n\nAhead of your onsite on Tuesday, here is the agenda: 9:30 coffee with me, 10:00 pairing with ' +
          'Leo, 11:00 a conversation with the hiring manager, 12:00 lunch with the team.\n\nSee you Tuesday,\nMarta',
        { subject: 'Tuesday', fromName: 'Marta Lind', fromEmail: 'marta@fjordsoft.example' },
      ),
    );
    expect(result.verdict).toBe('interview-logistics');
  });

  it('reports a changed video link for an agreed interview as logistics', () => {
    const result = analyzeInvitation(
      email(
        'Hi Ben, small change for Thursday’s chat with the hiring manager: here is the updated Zoom link, ' +
          'https://zoom.us/j/5550001111. Everything else stays the same.\n\nAda',
        { subject: 'Thursday', fromName: 'Ada Park', fromEmail: 'ada@kiteworks.example' },
      ),
    );
    expect(result.verdict).toBe('interview-logistics');
  });
});
