import { describe, expect, it } from 'vitest';
import { analyzeInvitation } from '../../../src/core/invitation/analyze-invitation';
import type { EmailInput } from '../../../src/core/invitation/email-input';

function companyOf(input: Partial<EmailInput> & { body: string }): string | null {
  return analyzeInvitation({ subject: null, fromName: null, fromEmail: null, ...input }).fields.company.value;
}

describe('company: the name at its fullest, as written', () => {
  it('keeps possessives, "& Co" and the word that says what kind of organisation it is', () => {
    expect(
      companyOf({
        body: 'Can you come in on Tuesday at 10?\n\nKind regards,\n\nMrs J. Penhaligon\nHeadteacher\nSt Piran’s Community Primary School',
        fromEmail: 'head@stpiranprimary.sch.uk',
      }),
    ).toBe('St Piran’s Community Primary School');
    expect(
      companyOf({
        body: 'Could you do a trial shift on Saturday?',
        fromName: 'Hannah @ Crumb & Co',
        fromEmail: 'hello@crumbandco.co.uk',
      }),
    ).toBe('Crumb & Co');
    // A legal form after a name is still dropped.
    expect(
      companyOf({
        body: 'Can you do Monday?\n\nBest,\nAna Ruiz\nRecruiter | Kestrel Labs Co.',
        fromEmail: 'ana@kestrel-labs.com',
      }),
    ).toBe('Kestrel Labs');
    expect(
      companyOf({
        body: 'Good news! Your video interview with the FreshWay Recruitment Team is ready.',
        fromName: 'FreshWay Supermarkets',
        fromEmail: 'no-reply@freshway-careers.com',
      }),
    ).toBe('FreshWay Supermarkets');
  });

  it('keeps "The" where the name stands on its own, not where "The" starts a sentence', () => {
    expect(
      companyOf({
        body: 'Thanks for your message, can you come in Friday at 6?',
        fromName: 'The Red Lion',
        fromEmail: 'theredlion.ashby@btinternet.com',
      }),
    ).toBe('The Red Lion');
    expect(
      companyOf({
        subject: 'Housekeeping position - The Harbour View Hotel',
        body: 'We would like to invite you to an interview on Monday.',
        fromEmail: 'hr@harbourviewhotel.com',
      }),
    ).toBe('The Harbour View Hotel');
    expect(
      companyOf({
        body: 'The Marlowe & Finch team would like to invite you to interview.\n\nBest,\nAna Ruiz\nThe Marlowe & Finch Recruitment Team',
        fromEmail: 'ana@marloweandfinch.com',
      }),
    ).toBe('Marlowe & Finch');
  });

  it('reads a small employer named under the signer’s first name or in a self-introduction', () => {
    expect(
      companyOf({
        body: 'Could u do Friday lunchtime 1pm?\nFarah\nSmile Dental Clinic',
        fromName: 'Dr Farah Iqbal',
        fromEmail: 'farah.iqbal.smiledental@gmail.com',
      }),
    ).toBe('Smile Dental Clinic');
    expect(
      companyOf({
        body: 'Hello, I am Agnieszka from CleanPro Services. Can you come on Monday?',
        fromEmail: 'aga@wp.pl',
      }),
    ).toBe('CleanPro Services');
    // "Head of Procurement" names a role, not an employer.
    expect(
      companyOf({ body: 'You will meet our Head of Procurement on Monday.', fromEmail: 'a@gmail.com' }),
    ).toBeNull();
  });
});

describe('company: names that are not the employer', () => {
  it('never takes a hiring platform’s sender name, and reads the employer it names', () => {
    expect(
      companyOf({
        body: 'Your interview itinerary is below.',
        fromName: 'GoodTime Scheduling for Halcyon',
        fromEmail: 'scheduling@goodtime.io',
      }),
    ).toBe('Halcyon');
    expect(
      companyOf({
        body: 'Thank you for your interest in Brookvale Foods. We would like you to attend an interview.',
        fromName: 'Taleo',
        fromEmail: 'do-not-reply@taleo.net',
      }),
    ).toBe('Brookvale Foods');
    // An employer whose name starts like a platform is still the employer.
    expect(
      companyOf({
        body: 'Can you come in on Monday?',
        fromName: 'Greenhouse Creative',
        fromEmail: 'hello@greenhousecreative.agency',
      }),
    ).toBe('Greenhouse Creative');
  });

  it('skips a unit named after the signer’s role and a footer naming the platform', () => {
    expect(
      companyOf({
        body: 'Could you give a seminar on 10 December?\n\nKind regards,\nIngrid Haugland\nAssociate Professor, Department of Geosciences\nUniversity of Tromsdal',
        fromEmail: 'ingrid.haugland@uni-tromsdal.no',
      }),
    ).toBe('University of Tromsdal');
    expect(
      companyOf({
        body: 'We would like to invite you to the assessment.\n\nBest regards,\nBruno Marchetti\nTechnical Recruiter\nVellora Travel B.V.\nPowered by SmartRecruiters',
        fromName: 'Bruno Marchetti via SmartRecruiters',
        fromEmail: 'bruno.marchetti@smartrecruiters.com',
      }),
    ).toBe('Vellora Travel');
  });

  it('reads documentation and test addresses ("gmail.example.com") as the domain they stand for', () => {
    expect(companyOf({ body: 'Can you do Monday?', fromEmail: 'gemma@gmail.example.com' })).toBeNull();
    expect(
      companyOf({
        body: 'Can you do Monday?\n\nGem x\nOps & People @ Little Loom Studio',
        fromEmail: 'gemma@gmail.example.com',
      }),
    ).toBe('Little Loom Studio');
  });

  it('lets a "Where:" line give the full name, but never name a company alone', () => {
    expect(
      companyOf({
        subject: 'Interview: Teaching Assistant',
        body: 'When: Wednesday 13:15\nWhere: St Mark’s C of E Primary School, Main Office\n\nDear Ms Gallagher, see you then.',
        fromEmail: 'head@stmarksprimary.sch.uk',
      }),
    ).toBe('St Mark’s C of E Primary School');
    expect(
      companyOf({
        body: 'When: Wednesday 13:15\nWhere: Manchester\n\nSee you then.',
        fromEmail: 'a@gmail.com',
      }),
    ).toBeNull();
  });
});
