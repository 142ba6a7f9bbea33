/**
 * The structural reading of an invitation: a job context, an ask put to the reader (a question, a request or
 * the writer's wish to meet) and, in the same sentence, something to attend or a time. Each test pairs wording
 * no phrase row was written for with the look-alike that must stay negative. Every email is written for the
 * test; none is copied from a corpus.
 */

import { describe, expect, it } from 'vitest';
import { analyzeInvitation } from '../../../src/core/invitation/analyze-invitation';
import type { EmailInput } from '../../../src/core/invitation/email-input';
import { findReaderAsks, compileReaderAsks } from '../../../src/core/invitation/find-reader-asks';
import { englishSignals } from '../../../src/core/invitation/signals/en';

function verdictOf(body: string, overrides: Partial<EmailInput> = {}): string {
  return analyzeInvitation({ subject: null, fromName: null, fromEmail: null, body, ...overrides }).verdict;
}

const NEVER_CONDITIONAL = /^$(?!)/;

function asksIn(text: string) {
  const compiled = compileReaderAsks(englishSignals);
  if (compiled === null) throw new Error('the English table describes asks');
  return findReaderAsks(text, compiled, NEVER_CONDITIONAL);
}

describe('reader asks: how an ask is recognised', () => {
  it('reads a question to the reader naming a meeting and a time, whatever its verbs', () => {
    const [ask] = asksIn('Hi Ola. Could you head over to the yard on Tuesday for a chat with the foreman?');
    expect(ask).toMatchObject({ meeting: true, time: true });
  });

  it('does not read the writer offering their own act, or a courtesy, as an ask', () => {
    expect(asksIn('Would you like me to come in on Tuesday instead?')).toEqual([]);
    expect(asksIn('Please feel free to call us on Friday if you have questions.')).toEqual([]);
    expect(asksIn('Please find attached the agenda for Friday.')).toEqual([]);
  });

  it('reads a request only where a clause starts, not inside a statement', () => {
    expect(
      asksIn('We aim to reply to everyone within ten days, whether or not we invite you to a call.'),
    ).toEqual([]);
    expect(asksIn('If that suits, please reply with a time for a call.')).toHaveLength(1);
  });
});

describe('reader asks: a question, a request or a wish to meet, in a job context', () => {
  it('recognises an ask to come to a place, in a reply about the job, with none of the usual phrases', () => {
    expect(
      verdictOf(
        'Hey Tomas, Dave from Ridgeline Haulage. Saw you put in for the yard marshal job. Can you head over to ' +
          'the depot Tuesday or Wednesday early, say 6-9, to meet me and have a look round?\n\nSent from my phone',
        { subject: 'yard marshal', fromName: 'Dave Rourke', fromEmail: 'dave@ridgelinehaulage.example' },
      ),
    ).toBe('invitation');
  });

  it('keeps the same kind of question from a friend, with no job in view, an ordinary meeting', () => {
    expect(
      verdictOf('Hey Tomas, long time! Can you head over to mine Tuesday evening to watch the match? Dave', {
        subject: 'match',
        fromName: 'Dave Rourke',
        fromEmail: 'dave.rourke@gmail.com',
      }),
    ).toBe('not-invitation');
  });

  it('recognises a request for time windows after the first round', () => {
    expect(
      verdictOf(
        'Hi Mo,\n\nNice work on the first round. The platform team want to do the architecture deep-dive ' +
          'next. Please send over two windows of two hours next week.\n\nKestrel Talent',
        { subject: 'Platform Engineer', fromName: 'Kestrel Talent', fromEmail: 'talent@kestrel.example' },
      ),
    ).toBe('invitation');
  });

  it('keeps a request with a deadline in an offer an offer', () => {
    expect(
      verdictOf(
        'Hi Mo,\n\nWe are delighted to offer you the Platform Engineer role, starting 3 March. Please sign ' +
          'and return the attached contract by Friday.\n\nKestrel Talent',
        { subject: 'Your offer', fromName: 'Kestrel Talent', fromEmail: 'talent@kestrel.example' },
      ),
    ).toBe('not-invitation');
  });

  it("recognises the writer's wish to see the reader, with a day, in a reply on the role", () => {
    expect(
      verdictOf(
        'Dear Ines, thank you for your note. We would be pleased to see you at the library one morning next ' +
          'week to talk through the post.\nMargaret',
        { subject: 'Re: Librarian', fromName: 'Margaret Doyle', fromEmail: 'mdoyle@cliftonlibrary.example' },
      ),
    ).toBe('invitation');
  });

  it('keeps a rejection that would love to see the reader apply again a rejection', () => {
    expect(
      verdictOf(
        'Dear Ines, thank you for applying. Unfortunately we will not be moving forward with your application ' +
          'for the archivist post. We would love to see you apply for future roles next year.\nMargaret',
        { subject: 'Re: Archivist', fromName: 'Margaret Doyle', fromEmail: 'mdoyle@cliftonlibrary.example' },
      ),
    ).toBe('not-invitation');
  });

  it('keeps cold outreach proposing a quick call this week cold outreach', () => {
    expect(
      verdictOf(
        'Hi Ines, I came across your profile and I am working on an archivist role with a client. Would you ' +
          'be open to a quick call this week to hear more?\nMark, Foliant Search',
        { subject: 'Archivist opportunity', fromName: 'Mark Hale', fromEmail: 'mark@foliantsearch.example' },
      ),
    ).toBe('not-invitation');
  });

  it('keeps the reader being asked to interview candidates the interviewer side', () => {
    expect(
      verdictOf(
        'Hi Sam, we are buried in applications. Could you take three phone screens with candidates on ' +
          'Thursday afternoon? I will send the shortlist.\nLeah, Talent',
        {
          subject: 'Screens for the analyst role',
          fromName: 'Leah Moss',
          fromEmail: 'leah@tidewater.example',
        },
      ),
    ).toBe('not-invitation');
  });
});

describe('reader asks: acknowledgements, conditions and the subject line', () => {
  it('does not let "thanks for your application" outweigh an ask to come in', () => {
    expect(
      verdictOf(
        'Hi Rosa,\n\nThanks for your application, we have received it. Are you able to pop into the bakery ' +
          'on Thursday around 2 so we can see you bake?\n\nGwen',
        { subject: 'Your application', fromName: 'Gwen Price', fromEmail: 'gwen@pricebakery.example' },
      ),
    ).toBe('invitation');
  });

  it('keeps an acknowledgement that asks nothing an acknowledgement', () => {
    expect(
      verdictOf(
        'Hi Rosa,\n\nThanks for your application, we have received it. We read every one and will be in touch ' +
          'within two weeks.\n\nGwen',
        { subject: 'Your application', fromName: 'Gwen Price', fromEmail: 'gwen@pricebakery.example' },
      ),
    ).toBe('not-invitation');
  });

  it('reads "we will contact you if your profile is shortlisted for interview" as a condition', () => {
    expect(
      verdictOf(
        'Dear Applicant,\n\nYour details are now on file for the Store Supervisor vacancy. Our recruiters will ' +
          'contact you if your profile is shortlisted for interview.\n\nTeam Halden',
        { subject: 'Application received', fromName: 'Halden Careers', fromEmail: 'noreply@halden.example' },
      ),
    ).toBe('not-invitation');
  });

  it('still reads a plain "your profile is shortlisted for interview, confirm a slot" as an invitation', () => {
    expect(
      verdictOf(
        'Dear Candidate,\n\nYour profile is shortlisted for interview for the Store Supervisor vacancy. ' +
          'Kindly confirm your availability for Monday 10:00 or Tuesday 14:00.\n\nTeam Halden',
        { subject: 'Interview - Store Supervisor', fromName: 'Halden HR', fromEmail: 'hr@halden.example' },
      ),
    ).toBe('invitation');
  });

  it('takes a role named in a reply subject as the job context for a casual ask', () => {
    expect(
      verdictOf('Hi Jo, are you free Saturday morning to come and meet me and the twins at the park?\nPam', {
        subject: 'Re: Nanny',
        fromName: 'Pam Hughes',
        fromEmail: 'pam.hughes@gmail.com',
      }),
    ).toBe('invitation');
  });

  it('does not take a role word in an event subject for a job: booking a parents evening slot', () => {
    expect(
      verdictOf(
        'Dear Parent, please book your slots for Thursday 6 March, 4pm to 7pm, through the booking page.\nOffice',
        {
          subject: 'Parent-teacher evening',
          fromName: 'Hillside School',
          fromEmail: 'office@hillside.example',
        },
      ),
    ).toBe('not-invitation');
  });

  it('does not read "I\'ve come down with something" as asking the reader to come in', () => {
    expect(
      verdictOf(
        "Hi Emily,\n\nSorry, I've come down with something. Could we move Thursday's tech session to Monday, " +
          'same time? I will update the calendar invite.\n\nJonas',
        {
          subject: 'Re: Next step - tech session',
          fromName: 'Jonas Berg',
          fromEmail: 'jonas@tidewater.example',
        },
      ),
    ).not.toBe('invitation');
  });
});

describe('reader asks: phone-typed, second-language and imperative asks', () => {
  it('reads "can you …" as an ask without its question mark, where a clause starts', () => {
    expect(
      verdictOf(
        'Aled - see below from the yard, can you give me a bell on 07700 900 411 to sort a time to come in and ' +
          'meet us, need to see your tickets as well. Ta, Gareth',
        {
          subject: 'Fw: plant operator applicant',
          fromName: 'Gareth Lloyd',
          fromEmail: 'gareth@lloydplant.example',
        },
      ),
    ).toBe('invitation');
  });

  it('does not read "you can view your application at any time" as an ask', () => {
    expect(
      verdictOf(
        'Dear Lerato,\n\nThe status of your application for Lab Technician has changed to: Interview. No action is ' +
          'needed. You can view your application at any time in the careers portal.\n\nAutomated message',
        { subject: 'Application status update', fromName: 'Careers', fromEmail: 'noreply@vetra.example' },
      ),
    ).toBe('not-invitation');
  });

  it('reads a statement-order question with its question mark: "you can pass by the shop Thursday at 11?"', () => {
    expect(
      verdictOf(
        'Hello Ana, I am Giulia from the bakery. We receive your curriculum for the shop assistant work. You can ' +
          'pass by the shop Thursday at 11? We talk a little.\nGiulia',
        { subject: 'work', fromName: 'Giulia', fromEmail: 'giulia.forno@gmail.com' },
      ),
    ).toBe('invitation');
  });

  it('reads an imperative to come, in a reply about a CV, as an invitation', () => {
    expect(
      verdictOf('ok sounds good. pop down the workshop tmrw about 9 and ill show u what we do\nDes', {
        subject: 'Re: CV',
        fromName: 'Des',
        fromEmail: 'des.joinery@yahoo.example',
      }),
    ).toBe('invitation');
  });

  it('keeps "the job is filled, lots of people came in for interview" a rejection', () => {
    expect(
      verdictOf(
        'hi Sam sorry we filled the kitchen porter job already, had loads of people come in. keep ur cv',
        {
          subject: 'Re: CV',
          fromName: 'Rob',
          fromEmail: 'rob.diner@gmail.com',
        },
      ),
    ).toBe('not-invitation');
  });

  it('reads "can\'t do 11 tomorrow, can you do 3pm instead?" as a reschedule, not a new invitation', () => {
    expect(
      verdictOf('sorry Kim cant do 11 tmrw, something came up. can u do 3pm instead? same place\nTony', {
        subject: 'need to move ur interview',
        fromName: 'Tony',
        fromEmail: 'tony.pizzeria@gmail.com',
      }),
    ).toBe('interview-logistics');
  });
});

describe('reader asks: what outweighs what', () => {
  it('lets an ask to interview for another role, with times, outweigh the rejection before it', () => {
    expect(
      verdictOf(
        'Hi Noor,\n\nThe team decided not to move forward with you for the Data Engineer position. That said, our ' +
          'analytics lead thinks you would suit the Analytics Engineer opening. Would you be open to interviewing ' +
          'for that role instead, one day next week?\n\nPia, Talent',
        { subject: 'Data Engineer - and another idea', fromName: 'Pia Lund', fromEmail: 'pia@kvarn.example' },
      ),
    ).toBe('invitation');
  });

  it('keeps a rejection that offers a feedback call a rejection', () => {
    expect(
      verdictOf(
        'Hi Noor,\n\nI am sorry to tell you that we will not be moving forward with your application for the Data ' +
          'Engineer position. If it helps, I am happy to have a short call to talk through the feedback: just reply ' +
          'and we will find a time.\n\nPia, Talent',
        { subject: 'Your application', fromName: 'Pia Lund', fromEmail: 'pia@kvarn.example' },
      ),
    ).toBe('not-invitation');
  });

  it('takes a link as the time part of an assessment step', () => {
    expect(
      verdictOf(
        'Hi Jamal,\n\nThanks for applying to be a Warehouse Operative. Please complete the online assessment, about ' +
          '20 minutes on your phone:\n\nhttps://jobs.northway.example/step/2?id=51\n\nNorthway Hiring',
        {
          subject: 'Your next hiring step',
          fromName: 'Northway Hiring',
          fromEmail: 'hiring@northway.example',
        },
      ),
    ).toBe('invitation');
  });

  it('does not take a tracking link in an acknowledgement for an invitation', () => {
    expect(
      verdictOf(
        'Hi Jamal,\n\nThanks for applying to be a Warehouse Operative. We have received your application and will ' +
          'review it within ten days. Track its progress here:\n\nhttps://jobs.northway.example/status?id=51\n\nNorthway',
        {
          subject: 'Application received',
          fromName: 'Northway Hiring',
          fromEmail: 'hiring@northway.example',
        },
      ),
    ).toBe('not-invitation');
  });

  it('keeps an "interview" held on a chat app, with pay before equipment, a scam', () => {
    expect(
      verdictOf(
        'Hello,\n\nYour resume was selected for a remote Data Entry position, $38/hour. The interview will be ' +
          'conducted on Telegram chat with our hiring manager. Please add @hr_desk_jo today to begin.\n\nHR',
        { subject: 'Work from home', fromName: 'HR Dept', fromEmail: 'hr.hiring.desk@gmail.com' },
      ),
    ).toBe('not-invitation');
  });

  it('keeps the candidate booking a slot their own reply', () => {
    expect(
      verdictOf(
        'Hi Lukas,\n\nThank you, booked in for Thursday 14:00 via the link. Looking forward to meeting Ama and ' +
          'Jens!\n\nSofia',
        {
          subject: 'Re: Next step – pairing session',
          fromName: 'Sofia Andrade',
          fromEmail: 'sofia@mail.example',
        },
      ),
    ).toBe('not-invitation');
  });

  it('keeps a careers fair where employers hold interviews on the night an event, not an invitation', () => {
    expect(
      verdictOf(
        'Looking for a job? Come to our Jobs Fair, Thursday 5 December, 5-8pm, at the Town Hall. Meet local ' +
          'employers; some will hold short interviews on the night, so bring your CV. Free entry.',
        {
          subject: 'Jobs fair - interviews on the night',
          fromName: 'Bridgeford Council',
          fromEmail: 'jobs@bridgeford.example',
        },
      ),
    ).toBe('not-invitation');
  });

  it('keeps the reader being asked to shortlist a pile of applications the interviewer side', () => {
    expect(
      verdictOf(
        'Dear Trustees,\n\nWe received 22 applications for the Centre Manager post. Could you meet with me on ' +
          'Tuesday at 6pm to shortlist? Interviews will follow in January.\n\nMargaret',
        {
          subject: 'Shortlisting - Centre Manager',
          fromName: 'Margaret Doyle',
          fromEmail: 'chair@hillcentre.example',
        },
      ),
    ).toBe('not-invitation');
  });
});

describe('reader asks: the reader applied, wrappers, and other people being interviewed', () => {
  it('does not take a founder who saw the application for cold outreach', () => {
    expect(
      verdictOf(
        'Hi Marta,\n\nIke here, cofounder at Tallow. Saw you applied for the backend role on our jobs page. Would ' +
          'you be up for a quick intro call this week? 20 min, I tell you where we are and you tell me what ' +
          "you're looking for.\n\nIke",
        { subject: 'Your application - quick call?', fromName: 'Ike Obi', fromEmail: 'ike@tallow.example' },
      ),
    ).toBe('invitation');
  });

  it('keeps a recruiter who saw the reader apply elsewhere, months ago, cold outreach', () => {
    expect(
      verdictOf(
        'Hi Oli,\n\nI saw you applied for a warehouse role on a job board a while back. Not sure if you are still ' +
          'looking, but are you open to new opportunities? I have two Shift Lead vacancies and would love to put ' +
          'you forward. Give me a ring this week and we can have a chat.\n\nJess, Northern Staffing',
        { subject: 'Still looking?', fromName: 'Jess Hart', fromEmail: 'jess@northernstaffing.example' },
      ),
    ).toBe('not-invitation');
  });

  it("reads a client's ask inside a marketplace notification, footer and all", () => {
    expect(
      verdictOf(
        'You have a new message\n\nHi Farah, thanks for your proposal for the Shopify speed job. I have shortlisted ' +
          'you and one other. Could we jump on a 20 min call on Thursday before I decide? Send me a time that ' +
          'works.\n\nDana\n\n--\nYou are receiving this email because you are a member. Manage notification settings',
        {
          subject: 'New message from Dana about "Store redesign"',
          fromName: 'Gigly',
          fromEmail: 'notify@gigly.example',
        },
      ),
    ).toBe('invitation');
  });

  it('keeps the interviewers being asked to a debrief about who to invite the interviewer side', () => {
    expect(
      verdictOf(
        'Hi all,\n\nThanks for interviewing this week. Let us meet on Friday at 4pm to compare notes and decide who ' +
          'we invite to the final round. Please have your scorecards in by Thursday.\n\nHannah',
        {
          subject: 'Debrief: Designer candidates',
          fromName: 'Hannah Ward',
          fromEmail: 'hannah@quayside.example',
        },
      ),
    ).toBe('not-invitation');
  });

  it('keeps a friend offering a mock interview a friend, not an invitation', () => {
    expect(
      verdictOf(
        'hey so your Kleiderhaus interview is on thursday right? want to do a mock interview tonight at 9? I can ' +
          'play the hiring manager.\nC.',
        { subject: 'practice tonight?', fromName: 'Chiara', fromEmail: 'chiara@mail.example' },
      ),
    ).toBe('not-invitation');
  });

  it('reads a calendar invitation sent "as we agreed by phone" as logistics', () => {
    expect(
      verdictOf(
        'Hi Carlos,\n\nAs we agreed by phone this morning, here is the invitation for your interview with our ' +
          'Commercial Director on Tuesday at 9:00. Please accept so it stays in your calendar.\n\nDolores, HR',
        {
          subject: 'Interview - Sales Manager',
          fromName: 'Dolores Navarro',
          fromEmail: 'dn@altavista.example',
        },
      ),
    ).toBe('interview-logistics');
  });

  it('does not read a small feature in a copy of the app as a press feature', () => {
    expect(
      verdictOf(
        'Hey Grace,\n\nThanks for the chat last week. Next up we would like to do a pairing session: you and one of ' +
          'our devs working on a small feature in a stripped-down copy of our app. Pick whatever slot works: ' +
          'https://calendly.com/mobilemint/pairing\n\nSipho, Head of Mobile',
        {
          subject: 'Pairing session? (iOS role)',
          fromName: 'Sipho Dlamini',
          fromEmail: 'sipho@mobilemint.example',
        },
      ),
    ).toBe('invitation');
  });

  it('reads an agency telling the reader the client shortlisted their profile for an interview drive', () => {
    expect(
      verdictOf(
        'Dear Candidate,\n\nFurther to your application for the QA Lead opening, our client has shortlisted your ' +
          'profile for the virtual interview drive on Saturday.\n\nPlease reply to this mail confirming your ' +
          'participation.\n\nRegards,\nAmit, Talentbridge Consulting',
        {
          subject: 'Interview schedule - QA Lead',
          fromName: 'Amit Rao',
          fromEmail: 'amit@talentbridge.example',
        },
      ),
    ).toBe('invitation');
  });

  it('reads "can we change the interview to Monday?" as moving a meeting already agreed, not a new ask', () => {
    expect(
      verdictOf(
        'Dear Ben,\n\nSorry, our team lead is travelling on Friday. Can we change the interview to Monday, same ' +
          'hour (9:00)? If that is not ok, tell us another time.\n\nLan, HR',
        {
          subject: 'Re: Interview for the Android developer position',
          fromName: 'Lan Tran',
          fromEmail: 'lan@saobien.example',
        },
      ),
    ).toBe('interview-logistics');
  });
});

describe('reader asks: applications for things other than a job', () => {
  it.each([
    [
      'Your mortgage application',
      'Hi Sam, thanks for your application. Could you pop into the branch on Tuesday at 2pm to sign?',
    ],
    [
      'Re: flat on Elm Road',
      'Hi, thanks for your application for the flat. Can you come for a viewing on Saturday at 11?',
    ],
    [
      'Leave request',
      'Hi Jo, could you come to HR on Friday at 10 to go over your application for parental leave?',
    ],
    [
      'Arts Fund',
      'Thanks for your application to the Arts Fund. Could you join a short call on Wednesday at 4pm?',
    ],
  ])('keeps "%s" with an ask to meet out of the job context', (subject, body) => {
    expect(verdictOf(body, { subject, fromName: 'Kate Hill', fromEmail: 'kate@harbour.example' })).toBe(
      'not-invitation',
    );
  });

  it('still reads "applying to be a Nursery Practitioner" or "the nursery nurse role" as a job', () => {
    const bodies = [
      'Hi Zara, thank you for applying to be a Nursery Practitioner. Could you come in on Thursday at 9 to meet the team?',
      'Hi Zara, thanks for your application for the nursery nurse role. Could you come in on Thursday at 9 to meet us?',
    ];
    for (const body of bodies) {
      expect(
        verdictOf(body, {
          subject: 'Your application',
          fromName: 'Emily Grant',
          fromEmail: 'emily@oakleaf.example',
        }),
      ).toBe('invitation');
    }
  });
});

describe('reader asks: mass mail to applicants and things applied for besides jobs', () => {
  it('reads "Dear Applicant … the final step is an assessment centre, please choose a date" as an invitation', () => {
    expect(
      verdictOf(
        'Dear Applicant,\n\nWell done on passing the online tests. The final step is a virtual assessment centre. ' +
          'Please choose a date in the portal by Friday.\n\nEarly Careers Team',
        {
          subject: 'Graduate Scheme 2027',
          fromName: 'Early Careers',
          fromEmail: 'earlycareers@halden.example',
        },
      ),
    ).toBe('invitation');
  });

  it('keeps a mentoring scheme asking an applicant to its kick-off call out of the job context', () => {
    expect(
      verdictOf(
        'Hi Ana, thanks for applying to our mentoring scheme. Could you join the kick-off call on Monday at 6pm?',
        { subject: 'Mentoring scheme', fromName: 'Mentor Hub', fromEmail: 'hello@mentorhub.example' },
      ),
    ).toBe('not-invitation');
  });
});

describe('reader asks: logistics in a thread about a role', () => {
  it('reads "still on for 3 tomorrow?" in a reply about a role as logistics for the meeting it arranged', () => {
    expect(
      verdictOf('still on for 3 tomorrow? see you at the shop\nTom', {
        subject: 'Re: Barista',
        fromName: 'Tom',
        fromEmail: 'tom.cafe@gmail.com',
      }),
    ).toBe('interview-logistics');
  });

  it('keeps the same line between friends, in a thread about coffee, an ordinary message', () => {
    expect(
      verdictOf('still on for 3 tomorrow? x', {
        subject: 'Re: coffee',
        fromName: 'Tom',
        fromEmail: 'tom@gmail.com',
      }),
    ).toBe('not-invitation');
  });
});

describe('reader asks: intentions, walk-ins and attached invitations', () => {
  it('reads "I\'d like to set up a time to talk about the … position" in a reply about the role', () => {
    expect(
      verdictOf("Hi Sam, I'd like to set up a time to talk about the Events Coordinator position. Jenna", {
        subject: 'Re: Events Coordinator',
        fromName: 'Jenna Moss',
        fromEmail: 'jenna@halcyon.example',
      }),
    ).toBe('invitation');
  });

  it('keeps the candidate who would like to set up a time to talk about their application their own mail', () => {
    expect(
      verdictOf(
        "Hi Jenna, I'd like to set up a time to talk about my application for the Events Coordinator role. Sam",
        {
          subject: 'Events Coordinator',
          fromName: 'Sam Reid',
          fromEmail: 'sam.reid@gmail.com',
        },
      ),
    ).toBe('not-invitation');
  });

  it('reads a walk-in interview ("just turn up with your ID") as an invitation', () => {
    expect(
      verdictOf(
        'Hello, thanks for applying. We are holding interviews on Thursday between 9am and 1pm at the depot. Just ' +
          'turn up with your ID.\nSite Manager',
        { subject: 'Delivery Driver', fromName: 'Depot Manager', fromEmail: 'depot@fastline.example' },
      ),
    ).toBe('invitation');
  });

  it('reads "please find attached your interview invitation" as an invitation', () => {
    expect(
      verdictOf(
        'Dear Applicant, please find attached your interview invitation for the post of Staff Nurse. Interviews are ' +
          'on 14 June at the Trust HQ.\nRecruitment Team',
        { subject: 'Staff Nurse - interview', fromName: 'NHS Jobs', fromEmail: 'recruitment@trust.example' },
      ),
    ).toBe('invitation');
  });

  it('keeps "a role that matches your profile, are you available for a quick call tomorrow?" cold outreach', () => {
    expect(
      verdictOf(
        'Hi, I have a role that matches your profile. Are you available for a quick call tomorrow? Sam',
        {
          subject: 'Role for you',
          fromName: 'Sam Cole',
          fromEmail: 'sam@apexrecruitment.example',
        },
      ),
    ).toBe('not-invitation');
  });
});

describe('reader asks: call letters, bare wishes and panel briefings', () => {
  it('reads an agency call letter ("pleased to call you for a face to face interview") as an invitation', () => {
    expect(
      verdictOf(
        'Dear Candidate, Greetings from Vistaline! With reference to your application, we are pleased to call you ' +
          'for a face to face interview on 12-Aug at 10:30 AM. Kindly carry your resume and ID proof.',
        { subject: 'Interview Call Letter', fromName: 'Vistaline HR', fromEmail: 'hr@vistaline.example' },
      ),
    ).toBe('invitation');
  });

  it('reads a bare "would love for you to meet the kids - does sat morning work?" in a reply about the job', () => {
    expect(
      verdictOf('would love for you to meet the kids - does sat morning work?', {
        subject: 'Re: Nanny',
        fromName: 'Claire',
        fromEmail: 'claire.b@gmail.com',
      }),
    ).toBe('invitation');
  });

  it('keeps a briefing asking panel members to arrive early the interviewer side', () => {
    expect(
      verdictOf(
        'Dear colleagues, the interviews for the Lecturer in Law post are on 3 July. Please could panel members ' +
          'arrive at 8:45 for a briefing. Candidates will present at 9:30.',
        {
          subject: 'Lecturer interviews - panel briefing',
          fromName: 'Faculty Office',
          fromEmail: 'office@uni.example',
        },
      ),
    ).toBe('not-invitation');
  });
});

describe('reader asks: the steps after an offer, feedback and helping with interviews', () => {
  it.each([
    [
      'Induction',
      'Dear Sam, congratulations on your new role as Barista. Your induction is on Saturday at 8am. Please let me know if that works.',
    ],
    [
      'Your interview feedback',
      'Hi Sam, here is the feedback from the panel: strong answers, less depth on stakeholders.',
    ],
    [
      'Re: Payroll',
      'Hi Sam, your application for the cycle-to-work scheme is approved. Can you come to HR on Friday at 2 to collect the voucher?',
    ],
    [
      'Recruitment day',
      'Hi Sam, we are hiring 20 store assistants. Could you help run the interviews on Saturday 10am-2pm?',
    ],
  ])('keeps "%s" with an ask and a time out of the invitations', (subject, body) => {
    expect(verdictOf(body, { subject, fromName: 'Jo Platt', fromEmail: 'jo@northway.example' })).toBe(
      'not-invitation',
    );
  });

  it('still reads an ask to come back for a second interview after thanking the reader for coming in', () => {
    expect(
      verdictOf(
        'Hi Sam, thanks for coming in yesterday. We would like you to come back for a second interview with the ' +
          'director. Are you free Thursday at 3?',
        { subject: 'Second interview', fromName: 'Jo Platt', fromEmail: 'jo@northway.example' },
      ),
    ).toBe('invitation');
  });
});

describe('reader asks: services sold to job seekers', () => {
  it('keeps a career coach asking to go through CV notes on a call a service, not an invitation', () => {
    expect(
      verdictOf(
        "Hi Sam, thanks for booking a CV review with me. I've looked over your CV. Can we jump on a call Thursday " +
          'at 5 to go through my notes? Lily, career coach',
        { subject: 'Your CV review', fromName: 'Lily Hart', fromEmail: 'lily@cvclinic.example' },
      ),
    ).toBe('not-invitation');
  });

  it('still reads a tutor agency owner asking to meet on Zoom about the CV sent for the position', () => {
    expect(
      verdictOf(
        'Hi Mia, thank you for the CV. Could we meet on Zoom on Thursday 5pm for 20 minutes? It is just an ' +
          'informal conversation.',
        { subject: 'Re: Tutor position', fromName: 'Ben Ito', fromEmail: 'ben@brighttutors.example' },
      ),
    ).toBe('invitation');
  });
});

describe('reader asks: an interview stated, not asked, in reply to the application', () => {
  it('reads "received your application … interview is at our office Wed 10am" as an invitation', () => {
    expect(
      verdictOf(
        'Hi Dan\n\nReceived your application for Door Supervisor. Interview is at our office Wed 10am, 4 Mill Lane. ' +
          'Also a short numeracy test. Bring your licence and passport.\n\nKofi Mensah\nOperations Manager',
        { subject: 'Re: Door Supervisor', fromName: 'Kofi Mensah', fromEmail: 'kofi@guardline.example' },
      ),
    ).toBe('invitation');
  });

  it('keeps a reminder of the same interview, which does not answer an application, logistics', () => {
    expect(
      verdictOf(
        'Hi Dan\n\nJust a reminder: your interview is at our office Wed 10am, 4 Mill Lane. Bring your licence.\n\nKofi',
        {
          subject: 'Reminder: interview tomorrow',
          fromName: 'Kofi Mensah',
          fromEmail: 'kofi@guardline.example',
        },
      ),
    ).toBe('interview-logistics');
  });
});

describe('reader asks: an agency writing that the client shortlisted the reader', () => {
  it('reads "the client has shortlisted your profile, the interview is scheduled on Monday" as an invitation', () => {
    expect(
      verdictOf(
        'Hi Kiran, as per our call, the client has shortlisted your profile. The interview is scheduled on Monday ' +
          '11 AM on Teams. Please confirm your availability.',
        { subject: 'Java Developer - interview', fromName: 'Priya S', fromEmail: 'priya@talentbay.example' },
      ),
    ).toBe('invitation');
  });

  it('keeps "we will call you if the client has shortlisted your profile" a condition', () => {
    expect(
      verdictOf(
        'Hi Kiran, thanks, your CV has been shared with the client. We will call you if the client has shortlisted ' +
          'your profile.',
        { subject: 'Java Developer', fromName: 'Priya S', fromEmail: 'priya@talentbay.example' },
      ),
    ).toBe('not-invitation');
  });
});
