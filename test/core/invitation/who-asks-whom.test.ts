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
    // No sender name: only the note can tell who forwards.
    const result = classifyForward(
      'dad look, i got an interview!! tuesday',
      invitation,
      'Fwd: Interview',
      '',
    );
    expect(result.verdict).toBe('not-invitation');
    expect(result.reasons.join(' ')).toContain('note of its own');
  });

  it('reads the same invitation forwarded by someone else, with no note, as the invitation it carries', () => {
    expect(classifyForward('', invitation, 'Fwd: Interview', 'Ravi Shah').verdict).toBe('invitation');
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

describe('who asks whom: the reader as an employee or an interviewer', () => {
  it('keeps an invitation to a redundancy consultation meeting about the current job', () => {
    const analysis = analyze(
      'Dear Lee,\n\nFollowing the announcement about the proposed restructure of Customer Services, your role ' +
        'is at risk of redundancy. We would like to invite you to a consultation meeting on Monday 3 March at ' +
        '10:00 with your line manager. You have the right to be accompanied by a colleague.\n\nPeople Team',
      { subject: 'Invitation to consultation meeting', fromName: 'People Team' },
    );
    expect(analysis.verdict).toBe('not-invitation');
    expect(analysis.category).toBe('workplace');
  });

  it('still invites an employee who applied for an internal vacancy to an interview', () => {
    expect(
      analyze(
        'Dear Lee,\n\nThank you for applying for the internal Team Leader vacancy. We would like to invite you ' +
          'to an interview on Monday 3 March at 10:00 with the Head of Customer Services.\n\nPeople Team',
        { subject: 'Team Leader vacancy', fromName: 'People Team' },
      ).verdict,
    ).toBe('invitation');
  });

  it('keeps a debrief for the interviewers the hiring side', () => {
    expect(
      analyze(
        'Hi all,\n\nThanks for your time yesterday. Please send me your scorecards by noon and join the debrief ' +
          'on Thursday 4pm in the blue room. We will decide which candidates go through to the final round.\n\nOmar',
        { subject: 'Support Engineer interviews', fromName: 'Omar Haddad' },
      ).verdict,
    ).toBe('not-invitation');
  });

  it('still invites the candidate to the final round on Thursday at 4pm', () => {
    expect(
      analyze(
        'Hi Jo,\n\nThanks for your time yesterday, the team enjoyed meeting you. Could you join us on Thursday at ' +
          '4pm in our office for the final round of interviews for the Support Engineer role?\n\nOmar',
        { subject: 'Support Engineer interviews', fromName: 'Omar Haddad' },
      ).verdict,
    ).toBe('invitation');
  });

  it('keeps a colleague asked to sit on the interview panel, with slots, the interviewer side', () => {
    expect(
      analyze(
        'Hi Kim,\n\nWe are hiring two lab technicians and I would love you on the interview panel. Could you let ' +
          'me know your availability for Tuesday morning or Thursday afternoon?\n\nThanks, Ana',
        { subject: 'Lab technician interviews', fromName: 'Ana Silva' },
      ).verdict,
    ).toBe('not-invitation');
  });

  it('still invites the candidate who applied to a panel interview, with the same slots', () => {
    expect(
      analyze(
        'Hi Kim,\n\nThank you for applying for the lab technician role. We would like to meet you for a panel ' +
          'interview. Could you let me know your availability for Tuesday morning or Thursday afternoon?\n\nThanks, Ana',
        { subject: 'Lab technician interviews', fromName: 'Ana Silva' },
      ).verdict,
    ).toBe('invitation');
  });
});

describe('who asks whom: the reader has not applied, or is one of many', () => {
  it('keeps a founder offering a call so the reader can decide whether to apply cold outreach', () => {
    expect(
      analyze(
        "Hi Dev,\n\nYou don't know me, but a mutual friend said you are great with data. We are about to hire our " +
          "first analyst. I'd love a 20-min call so you can decide whether you'd want to apply. Friday 4pm?\n\nLena",
        { subject: 'thought of you', fromName: 'Lena Park' },
      ).verdict,
    ).toBe('not-invitation');
  });

  it('still invites the reader who applied to the same call', () => {
    expect(
      analyze(
        "Hi Dev,\n\nThanks for applying for our first analyst role. I'd love a 20-min call so we can talk it " +
          'through. Friday 4pm?\n\nLena',
        { subject: 'Analyst role', fromName: 'Lena Park' },
      ).verdict,
    ).toBe('invitation');
  });

  it('keeps a hiring event with dozens of employers and entry slots an event, not an invitation', () => {
    expect(
      analyze(
        'Hi Sam,\n\nCareers Live comes to Leeds on 4 April! Meet 30+ hiring employers and join on-the-spot ' +
          'interviews.\n\nPick your entry slot: 10:00 | 12:00 | 14:00\n\nRegister free: https://events.example/leeds',
        { subject: 'Register now: choose your time slot', fromName: 'Jobs Board Events' },
      ).verdict,
    ).toBe('not-invitation');
  });

  it("still invites to one employer's interview where the reader picks a slot", () => {
    expect(
      analyze(
        'Hi Sam,\n\nThank you for applying for the Warehouse Operative role at Dunmore Foods. We would like to ' +
          'interview you at our Leeds site on 4 April.\n\nPick your slot: 10:00 | 12:00 | 14:00\n\nDunmore Foods',
        { subject: 'Choose your interview time', fromName: 'Dunmore Foods Recruitment' },
      ).verdict,
    ).toBe('invitation');
  });

  it('reads "you have passed the online stage and are invited to attend an assessment centre" as invited', () => {
    expect(
      analyze(
        'Dear Candidate,\n\nWe are pleased to tell you that you have passed the online tests for the Firefighter ' +
          'Trainee programme and are invited to attend an assessment centre.\n\nDate: 12 May\nReport time: 08:30' +
          '\nLocation: Northgate Training Centre\n\nRecruitment Team',
        { subject: 'Assessment centre - Firefighter Trainee', fromName: 'Fire Service Recruitment' },
      ).verdict,
    ).toBe('invitation');
  });

  it('keeps the same words about other applicants, in an acknowledgement, an acknowledgement', () => {
    expect(
      analyze(
        'Dear Candidate,\n\nThank you for applying for the Firefighter Trainee programme. Applicants who pass the ' +
          'online tests are invited to attend an assessment centre later in the year.\n\nRecruitment Team',
        { subject: 'Application received', fromName: 'Fire Service Recruitment' },
      ).verdict,
    ).toBe('not-invitation');
  });

  it("reads an employer's graduate programme as a job, and a university's graduate admissions as admissions", () => {
    expect(
      analyze(
        "Hi Tom,\n\nCongratulations - you've progressed to the next stage of our Risk Analyst Graduate Programme " +
          'application. The next step is a 60-minute online assessment; your link expires in 5 days:\n' +
          'https://assess.example/c/ABC123\n\nEarly Careers Team',
        { subject: 'Online assessment - Risk Analyst Graduate Programme', fromName: 'Early Careers' },
      ).verdict,
    ).toBe('invitation');
    expect(
      analyze(
        'Dear Tom,\n\nThank you for your application. The graduate admissions committee would like to interview ' +
          'you for the MSc in Statistics on Tuesday at 10am.\n\nAdmissions Office',
        { subject: 'MSc Statistics interview', fromName: 'Admissions Office' },
      ).verdict,
    ).toBe('not-invitation');
  });
});

describe('who asks whom: forwards without a note the classifier can read', () => {
  const forwarded =
    '---------- Forwarded message ---------\nFrom: Tanya Brooks <tanya@crestway.example>\nSubject: Interview\n\n' +
    "Hi Sam, we'd like to invite you to interview for Dispatch Coordinator on Thursday at 2pm at our depot. " +
    'Please confirm. Tanya Brooks, Operations Manager';

  it('keeps a forwarded invitation that greets the sender the sender’s own mail', () => {
    const analysis = analyze(`Mum - look!! Got one.\n\n${forwarded}`, {
      subject: 'Fwd: Interview',
      fromName: 'Sam Taylor',
    });
    expect(analysis.verdict).toBe('not-invitation');
    expect(analysis.reasons.join(' ')).toContain('greets the sender');
  });

  it('still reads the same invitation forwarded to Sam by the recruiter as an invitation', () => {
    expect(
      analyze(`FYI - see below.\n\n${forwarded}`, { subject: 'Fwd: Interview', fromName: 'Ravi Shah' })
        .verdict,
    ).toBe('invitation');
  });
});

describe('who asks whom: the writer as the candidate', () => {
  it('keeps a candidate asking a former manager to be a referee, with a call on Tuesday, their own', () => {
    expect(
      analyze(
        "Hi Sarah, I've applied for a planner role at Kestrel Foods and they've asked for two referees. Would you " +
          'be free for a quick call on Tuesday to chat about being one of mine?\nThanks, Jamie',
        { subject: 'Referee?', fromName: 'Jamie Fox' },
      ).verdict,
    ).toBe('not-invitation');
  });

  it('still invites the reader who applied to a quick call on Tuesday about the role', () => {
    expect(
      analyze(
        'Hi Sarah, thanks for applying for the planner role at Kestrel Foods. Would you be free for a quick call ' +
          'on Tuesday to chat about your experience?\nThanks, Jamie',
        { subject: 'Planner role', fromName: 'Jamie Fox' },
      ).verdict,
    ).toBe('invitation');
  });

  it('keeps an applicant answering an advert and asking to come for an interview their own', () => {
    expect(
      analyze(
        'Hi, I saw your advert for a gardener. I have six years of experience. Could I come for an interview on ' +
          'Tuesday at 10am? Let me know what suits you.\nOwen',
        { subject: 'Gardener job', fromName: 'Owen Price' },
      ).verdict,
    ).toBe('not-invitation');
  });

  it('still invites when the employer answers the application with the same question turned round', () => {
    expect(
      analyze(
        'Hi Owen, thanks for replying to our advert for a gardener. Could you come for an interview on Tuesday at ' +
          '10am? Let me know if that suits you.\nMrs Hale',
        { subject: 'Gardener job', fromName: 'Ruth Hale' },
      ).verdict,
    ).toBe('invitation');
  });
});

describe('who asks whom: sellers and agencies asking the hiring side', () => {
  it('keeps a seller offering a walkthrough to "companies like yours" marketing', () => {
    expect(
      analyze(
        "Hi Jamie, hiring managers at companies like yours save hours a week with Calla's interview assistant. " +
          'Could we show you a 15-minute walkthrough on Thursday at 11?\nSam, Calla',
        { subject: 'Interviews that run themselves', fromName: 'Sam at Calla' },
      ).verdict,
    ).toBe('not-invitation');
  });

  it('keeps an agency asking the hiring manager about a candidate before she hears back the hiring side', () => {
    expect(
      analyze(
        "Hi Jamie, how did your interview with Priya go yesterday? I'd love your thoughts before she hears back. " +
          'Can we talk on Friday at 10?\nLeo, Apex Talent',
        { subject: 'Priya - how did it go?', fromName: 'Leo Marsh' },
      ).verdict,
    ).toBe('not-invitation');
  });

  it("still invites when the agency's call on Friday is the candidate's first step with the client", () => {
    expect(
      analyze(
        'Hi Jamie, my client loved your CV for the Finance Manager role and would like to interview you. Can we ' +
          'talk on Friday at 10 so I can brief you?\nLeo, Apex Talent',
        { subject: 'Finance Manager', fromName: 'Leo Marsh' },
      ).verdict,
    ).toBe('invitation');
  });
});

describe('who asks whom: the reader books, interviews or is researched', () => {
  it('keeps a hiring manager asking the reader to book someone else in, with her CV attached, the hiring side', () => {
    expect(
      analyze(
        'Hi Jamie, could you book Ana Costa in for the technical round on Tuesday at 3pm? Her CV is attached. ' +
          'Please send her the Teams link.\nMarcus',
        { subject: 'Tuesday candidate', fromName: 'Marcus Lee' },
      ).verdict,
    ).toBe('not-invitation');
  });

  it('still invites the reader to the same technical round on Tuesday at 3pm', () => {
    expect(
      analyze(
        'Hi Ana, thanks for your application. Could you join us for the technical round on Tuesday at 3pm? ' +
          'I will send the Teams link.\nMarcus',
        { subject: 'Your application', fromName: 'Marcus Lee' },
      ).verdict,
    ).toBe('invitation');
  });

  it('keeps a product team asking the reader, as a user, for a paid research interview', () => {
    expect(
      analyze(
        'Hi Jamie, as a JobNest user, would you join a 30-minute interview on Thursday about how you search for ' +
          'jobs? We will send a £20 voucher to say thanks.\nJobNest Research',
        { subject: 'Share your experience', fromName: 'JobNest Research' },
      ).verdict,
    ).toBe('not-invitation');
  });

  it('does not read "as a Customer Service Associate" as the reader being a customer', () => {
    expect(
      analyze(
        'Hi Maria, thank you for your interest in joining Northpoint as a Customer Service Associate. We are ' +
          'inviting you for an initial interview at our site on Saturday, August 3 at 9:00 AM.\nGrace',
        { subject: 'Initial interview', fromName: 'Grace Villanueva' },
      ).verdict,
    ).toBe('invitation');
  });

  it('reads "would you have 20 minutes on Thursday to walk us through your portfolio?" as an ask to meet', () => {
    expect(
      analyze(
        'Hi Jamie, thanks for applying for the junior designer role. Would you have 20 minutes on Thursday to ' +
          'walk us through your portfolio?\nOlga',
        { subject: 'Junior designer', fromName: 'Olga Novak' },
      ).verdict,
    ).toBe('invitation');
  });
});

describe('who asks whom: replies, surveys and practice', () => {
  const quotedInvitation =
    '\n\nOn Mon, 3 Mar 2025 at 10:02, Paul Wren <paul@dunmore.example> wrote:\n> Hi Jamie,\n> Thanks for ' +
    'applying for the Warehouse Supervisor role. Could you come in for an interview on Thursday at 2pm? Please ' +
    'bring photo ID.\n> Paul';

  it("keeps the candidate's acceptance, above the invitation that greeted them, their own reply", () => {
    expect(
      // No phrase of the reply says who writes; the quoted message greeting the sender does.
      analyze(`Hi Paul,\n\nThank you so much, Thursday at 2pm is great.\n\nJamie${quotedInvitation}`, {
        subject: 'Re: Interview invitation - Warehouse Supervisor',
        fromName: 'Jamie Fox',
      }).verdict,
    ).not.toBe('invitation');
  });

  it('still reads the employer following up in the same thread with a new ask as an invitation', () => {
    expect(
      analyze(
        `Hi Jamie,\n\nSorry, Thursday is now taken. Could you come in on Friday at 11am instead for the chat?\n\nPaul${quotedInvitation}`,
        { subject: 'Re: Warehouse Supervisor', fromName: 'Paul Wren' },
      ).verdict,
    ).not.toBe('not-invitation');
  });

  it('keeps a survey about a finished interview process a feedback request', () => {
    expect(
      analyze(
        'Hi Jamie, thanks for interviewing with us last week. Could you take 2 minutes to tell us about your ' +
          'candidate experience? Take the survey: https://survey.example/bw\nBrightwave Talent',
        { subject: 'Your interview at Brightwave - how did we do?', fromName: 'Brightwave Talent' },
      ).verdict,
    ).toBe('not-invitation');
  });

  it("keeps a careers service's mock interview offer practice, not an invitation", () => {
    expect(
      analyze(
        'Hi Jamie, you mentioned an interview with Kestrel next week. Would you like to book a mock interview ' +
          'with an adviser? Slots on Tuesday and Wednesday afternoon.\nCareers Service',
        { subject: 'Interview prep session', fromName: 'Uni Careers' },
      ).verdict,
    ).toBe('not-invitation');
  });

  it('still invites to a real interview offered in the same words, with slots', () => {
    expect(
      analyze(
        'Hi Jamie, thanks for applying for the planner role at Kestrel. Would you like to book an interview with ' +
          'our operations manager? Slots on Tuesday and Wednesday afternoon.\nKestrel Recruitment',
        { subject: 'Planner - interview', fromName: 'Kestrel Recruitment' },
      ).verdict,
    ).toBe('invitation');
  });
});

describe('who asks whom: interviews that are not for a job', () => {
  it('keeps a police invitation to a voluntary interview, with a date and time, not a job interview', () => {
    const analysis = analyze(
      'Dear Mr Fox, we would like to invite you to attend a voluntary interview at Eastmoor Police Station on ' +
        'Tuesday 14 May at 10am in relation to an incident on 2 May. You may bring a solicitor.\nPC Walsh',
      { subject: 'Voluntary interview', fromName: 'Dean Walsh' },
    );
    expect(analysis.verdict).toBe('not-invitation');
    expect(analysis.reasons.join(' ')).toContain('police or legal');
  });

  it("keeps an insurer's phone interview about the reader's claim not a job interview", () => {
    expect(
      analyze(
        "Dear Jamie, thank you for submitting your claim. We'd like to arrange a short phone interview on " +
          'Thursday at 11am to go through what happened. Please reply to confirm.\nClaims Team',
        { subject: 'Your claim', fromName: 'Harbour Insurance' },
      ).verdict,
    ).toBe('not-invitation');
  });

  it('still invites an applicant for a claims job to the same phone interview', () => {
    expect(
      analyze(
        'Dear Jamie, thank you for applying for the Claims Handler position. We would like to arrange a short ' +
          'phone interview on Thursday at 11am. Please reply to confirm.\nTalent Team',
        { subject: 'Your application - interview', fromName: 'Harbour Insurance Careers' },
      ).verdict,
    ).toBe('invitation');
  });

  it('keeps the candidate proposing when they come in ("work for me to come in") their own reply', () => {
    expect(
      analyze(
        'Hi Tom, thanks for getting back to me! Would Friday at 4 work for me to come in for the chat? I can ' +
          'bring my CV.\nJamie',
        { subject: 'Re: Saturday job', fromName: 'Jamie Fox' },
      ).verdict,
    ).toBe('not-invitation');
  });

  it('still invites when the employer asks whether Friday at 4 works for the reader to come in', () => {
    expect(
      analyze(
        'Hi Jamie, thanks for your CV! Would Friday at 4 work for you to come in for a chat about the Saturday ' +
          'job?\nTom',
        { subject: 'Re: Saturday job', fromName: 'Tom Hale' },
      ).verdict,
    ).toBe('invitation');
  });
});

describe('who asks whom: paraphrases of the hiring side and the candidate', () => {
  it('keeps a candidate asking for a call about the role, after an update on their application, their own', () => {
    expect(
      analyze(
        'Hi Helen, thank you for the update on my application. Would it be possible to have a short call on ' +
          'Tuesday afternoon to discuss the Office Manager role further? I am available from 2pm.\nBest, Jamie',
        { subject: 'Re: Application - Office Manager', fromName: 'Jamie Fox' },
      ).verdict,
    ).toBe('not-invitation');
  });

  it('still invites when the employer asks the same after an update on the reader’s application', () => {
    expect(
      analyze(
        'Hi Jamie, thank you for your patience with your application. Would it be possible to have a short call ' +
          'on Tuesday afternoon to discuss the Office Manager role further? I am available from 2pm.\nBest, Helen',
        { subject: 'Re: Application - Office Manager', fromName: 'Helen Marsh' },
      ).verdict,
    ).toBe('invitation');
  });

  it('keeps interviewers meeting to compare notes and agree who goes through the hiring side', () => {
    expect(
      analyze(
        'Hi both, can we meet Friday at 11 to compare notes on the three analysts we saw this week and agree who ' +
          'goes to final round?\nNatasha',
        { subject: 'Wrap-up on the analyst candidates', fromName: 'Natasha Greene' },
      ).verdict,
    ).toBe('not-invitation');
  });

  it('keeps a fair where "over 50 top employers" interview on the day an event', () => {
    expect(
      analyze(
        'Hi Jamie, over 50 top employers are coming to Graduate Fairs Birmingham on 3 May! Book a time slot and ' +
          'bring your CV - some are interviewing on the day.\nGraduate Fairs',
        { subject: 'Book your slot', fromName: 'Graduate Fairs' },
      ).verdict,
    ).toBe('not-invitation');
  });
});

describe('who asks whom: the new look-alike cues leave invitations alone', () => {
  it('still invites when the invitation asks for a short questionnaire before the interview', () => {
    expect(
      analyze(
        "Hi Jamie, thank you for applying for the Claims Handler role. We'd like to invite you to a video " +
          'interview on Tuesday at 10am. Before then, please complete a short questionnaire about your ' +
          'availability: https://forms.example/q1\nTalent Team',
        { subject: 'Interview - Claims Handler', fromName: 'Talent Team' },
      ).verdict,
    ).toBe('invitation');
  });

  it('still invites "a member of our talent community", which is not a customer', () => {
    expect(
      analyze(
        "Hi Jamie, as a member of our talent community, we'd like to invite you to interview for the Support " +
          'Analyst role on Thursday at 2pm. Please confirm.\nTalent Team',
        { subject: 'Interview invitation', fromName: 'Talent Team' },
      ).verdict,
    ).toBe('invitation');
  });

  it('still invites to an interview at a police station for a police job', () => {
    expect(
      analyze(
        'Dear Jamie, thank you for applying to become a Police Constable. We invite you to an interview at ' +
          'Eastmoor Police Station on Tuesday 3 June at 9am. Please bring your passport.\nRecruitment Team',
        { subject: 'Interview - Police Constable', fromName: 'Eastmoor Police Recruitment' },
      ).verdict,
    ).toBe('invitation');
  });

  it('still invites when an ATS names "your hiring team" and "your recruitment process" for the candidate', () => {
    expect(
      analyze(
        'Hi Jamie, thanks for applying. Your recruitment process has two steps: a 30-minute phone screen and a ' +
          'case study. Your hiring team: Priya (Design Lead) and Tom (Recruiter). Could you share your ' +
          'availability for the phone screen this week?\nAna',
        { subject: 'Next steps - Data Analyst', fromName: 'Ana Silva' },
      ).verdict,
    ).toBe('invitation');
  });
});

describe("who asks whom: one employer's walk-in day is not a fair", () => {
  it('still invites an applicant to a store open day where the employer interviews on the day', () => {
    expect(
      analyze(
        "Hi Jamie, thanks for applying for the Sales Assistant role. We're holding a recruitment open day at our " +
          'Leeds store on Saturday from 10am to 2pm and interviewing on the day - just turn up with your CV.\nKim',
        { subject: 'Re: Sales Assistant application', fromName: 'Kim Lowe' },
      ).verdict,
    ).toBe('invitation');
  });
});

describe('who asks whom: process words in an assessment-day invitation', () => {
  it('still invites when the day ends with a debrief and the panel then decides which candidates progress', () => {
    expect(
      analyze(
        'Dear Jamie, thank you for applying for the Graduate Engineer role. We would like to invite you to our ' +
          'assessment day on Tuesday 4 March at 9am. The day ends with a short debrief, after which the panel will ' +
          'decide which candidates progress.\nEarly Careers Team',
        { subject: 'Assessment day invitation', fromName: 'Early Careers Team' },
      ).verdict,
    ).toBe('invitation');
  });
});
