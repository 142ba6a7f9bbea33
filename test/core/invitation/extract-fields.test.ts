import { describe, expect, it } from 'vitest';
import { analyzeInvitation } from '../../../src/core/invitation/analyze-invitation';
import type { EmailInput } from '../../../src/core/invitation/email-input';

function fieldsOf(input: Partial<EmailInput> & { body: string }) {
  return analyzeInvitation({ subject: null, fromName: null, fromEmail: null, ...input }).fields;
}

describe('extraction: hiring manager', () => {
  it('takes the person who signs, with the evidence line', () => {
    const fields = fieldsOf({
      body: 'Hi Jordan,\n\nCould we talk on Tuesday about the Analyst role?\n\nBest regards,\nPriya Raman\nTalent Partner',
      fromName: 'Acme Careers',
      fromEmail: 'careers@acme.com',
    });
    expect(fields.hiringManager.value).toBe('Priya Raman');
    expect(fields.hiringManager.evidence).toContain('Priya Raman');
  });

  it('completes a first-name signature from the sender’s full name', () => {
    const fields = fieldsOf({ body: 'Are you free Thursday?\n\nThanks,\nPriya', fromName: 'Priya Raman' });
    expect(fields.hiringManager.value).toBe('Priya Raman');
  });

  it('never offers the greeted reader or the known candidate as the hiring manager', () => {
    const greeted = fieldsOf({
      body: 'Hi Jordan,\n\nCan you do Tuesday?\n\nJordan Lee',
      fromName: 'Jordan Lee',
    });
    expect(greeted.hiringManager.value).toBeNull();
    const known = fieldsOf({
      body: 'Can you do Tuesday?',
      fromName: 'Sam Patel',
      candidateName: 'Sam Patel',
    });
    expect(known.hiringManager.value).toBeNull();
  });

  it('never offers a {{placeholder}} or a system sender', () => {
    const fields = fieldsOf({
      body: 'Hi {{first_name}},\n\nPlease book a time.\n\nRegards,\n{{recruiter_name}}',
      fromName: 'noreply',
      fromEmail: 'noreply@hire.example-ats.com',
    });
    expect(fields.hiringManager.value).toBeNull();
    const team = fieldsOf({ body: 'Please book a time.', fromName: 'Talent Team' });
    expect(team.hiringManager.value).toBeNull();
  });

  it('drops courtesy titles and credentials', () => {
    expect(fieldsOf({ body: 'See you then.\n\nKind regards,\nDr. Anna Weber' }).hiringManager.value).toBe(
      'Anna Weber',
    );
    expect(
      fieldsOf({ body: 'See you then.\n\nThank you,\nDenise Harlow, BSN\nNurse Recruiter' }).hiringManager
        .value,
    ).toBe('Denise Harlow');
  });

  it('keeps a name that contains <script> as plain text for the pane to escape', () => {
    const fields = fieldsOf({ body: 'Can you do Tuesday?', fromName: '<script>alert(1)</script>' });
    expect(fields.hiringManager.value).toBeNull();
  });
});

describe('extraction: job title', () => {
  it('reads the title from "the … role" and from the subject', () => {
    expect(
      fieldsOf({ body: 'We would like to interview you for the Senior Data Engineer role.' }).jobTitle.value,
    ).toBe('Senior Data Engineer');
    expect(
      fieldsOf({ subject: 'Phone screen – Product Designer', body: 'Are you free Monday?' }).jobTitle.value,
    ).toBe('Product Designer');
  });

  it('keeps a lower-case title when the email writes it that way', () => {
    expect(fieldsOf({ body: 'quick chat about the ops analyst role?' }).jobTitle.value).toBe('ops analyst');
  });

  it('keeps "Head of …" and a specialisation after a comma', () => {
    expect(fieldsOf({ body: 'An interview for the position of Head of Data at Kiln.' }).jobTitle.value).toBe(
      'Head of Data',
    );
    expect(
      fieldsOf({ body: 'Your interview for the Software Engineer, Payments role.' }).jobTitle.value,
    ).toBe('Software Engineer, Payments');
  });

  it('returns null rather than guessing when no role is named', () => {
    const fields = fieldsOf({ body: 'Can we talk tomorrow?' });
    expect(fields.jobTitle).toEqual({ value: null, evidence: null });
  });
});

describe('extraction: company', () => {
  it('reads the company from the text', () => {
    expect(
      fieldsOf({ body: 'Thanks for applying to the Analyst role here at Brightwater Finance.' }).company
        .value,
    ).toBe('Brightwater Finance');
  });

  it('reads the company from the signature and trims the legal suffix', () => {
    const fields = fieldsOf({
      body: 'Can you do Monday?\n\nBest,\nAna Ruiz\nRecruiter | Kestrel Labs Ltd',
      fromEmail: 'ana@kestrel-labs.com',
    });
    expect(fields.company.value).toBe('Kestrel Labs');
  });

  it('takes the company from the text where it spells the sender’s domain, never a free-mail domain', () => {
    expect(
      fieldsOf({ body: 'Can you do Monday?\n\nAna\nQuillfield', fromEmail: 'ana@quillfield.com' }).company
        .value,
    ).toBe('Quillfield');
    expect(
      fieldsOf({ body: 'Can you do Monday?\n\nAna\nGmail', fromEmail: 'ana.ruiz@gmail.com' }).company.value,
    ).toBeNull();
  });

  it('prefers the employer an agency writes about over the agency itself', () => {
    const fields = fieldsOf({
      body: 'Hi Jo,\n\nMy client Fernhill Foods would like to meet you.\n\nRob\nKale Recruitment',
      fromEmail: 'rob@kalerecruitment.co.uk',
    });
    expect(fields.company.value).toBe('Fernhill Foods');
  });

  it('does not take a hiring platform in the footer for the employer', () => {
    const fields = fieldsOf({
      body: 'Cobalt Commerce has invited you to schedule an interview.\n\nPowered by Hirestack',
      fromName: 'Cobalt Commerce via Hirestack',
      fromEmail: 'no-reply@hirestack.io',
    });
    expect(fields.company.value).toBe('Cobalt Commerce');
  });
});
