import { describe, expect, it } from 'vitest';
import { analyzeInvitation } from '../../../src/core/invitation/analyze-invitation';
import type { EmailInput } from '../../../src/core/invitation/email-input';

function fieldsOf(input: Partial<EmailInput> & { body: string }) {
  return analyzeInvitation({ subject: null, fromName: null, fromEmail: null, ...input }).fields;
}

describe('hiring manager: booking-tool layouts and names in capitals', () => {
  it('reads "Host:" with the name on the next line, and never takes a label line for a name', () => {
    const fields = fieldsOf({
      subject: 'Confirmed: Intro call',
      body: 'Hi Andre Silva,\n\nA new event has been scheduled.\n\nEvent Type:\nIntro call – Mobile Engineer (30 min)\n\nInvitee:\nAndre Silva\n\nHost:\nMarta Kowalczyk\n\nEvent Date/Time:\n10:30am',
      fromName: 'Calendly',
      fromEmail: 'notifications@calendly.com',
    });
    expect(fields.hiringManager.value).toBe('Marta Kowalczyk');
    expect(fields.jobTitle.value).toBe('Mobile Engineer');
    // Without a host, the labels themselves are no one.
    expect(
      fieldsOf({ body: 'Event Type:\nIntro call\n\nEvent Date/Time:\n10:30am', fromName: 'Calendly' })
        .hiringManager.value,
    ).toBeNull();
  });

  it('takes a whole name written in capitals, but not an acronym among words', () => {
    expect(
      fieldsOf({
        body: 'PLEASE COME FOR INTERVIEW ON WEDNESDAY AT 4PM.\n\nREGARDS\nRAJESH PATEL',
        fromName: 'RAJESH PATEL',
        fromEmail: 'rpatel.cornerstores@yahoo.co.uk',
      }).hiringManager.value,
    ).toBe('RAJESH PATEL');
    expect(fieldsOf({ body: 'Can you do Monday?', fromName: 'HR Team' }).hiringManager.value).toBeNull();
    expect(fieldsOf({ body: 'Can you do Monday?', fromName: 'Priya CTC' }).hiringManager.value).toBeNull();
  });
});

describe('hiring manager: the host a booking tool names in the subject', () => {
  it('takes "… with Hannah Goldberg" when a system sends, but not the sender’s own company', () => {
    expect(
      fieldsOf({
        subject: 'Canceled: Intro call – Tandem Loop with Hannah Goldberg',
        body: 'The event below has been canceled.\n\nEvent Type: Intro call – Tandem Loop',
        fromName: 'Calendly',
        fromEmail: 'notifications@calendly.com',
      }).hiringManager.value,
    ).toBe('Hannah Goldberg');
    expect(
      fieldsOf({
        subject: 'Interview with Brightline Rail – please book',
        body: 'Please choose your preferred slot.\n\nBrightline Rail Recruitment Team',
        fromName: 'Brightline Rail Recruitment',
        fromEmail: 'recruitment@brightlinerail.co.uk',
      }).hiringManager.value,
    ).toBeNull();
  });
});

describe('company and title: look-alikes of the rules above', () => {
  it('reads the line under the signer’s first name, not a line that only starts with it', () => {
    expect(
      fieldsOf({
        body: 'Pop in this Saturday around 10?\n\nJade\nJade’s Hair Studio, 5 Bridge St\n\nSent from my iPhone',
        fromName: 'Jade Whitmore',
        fromEmail: 'jade.whitmore@icloud.com',
      }).company.value,
    ).toBe('Jade’s Hair Studio');
  });

  it('prefers an institution’s full name to its kind word alone ("Institut" → "Institut für …")', () => {
    expect(
      fieldsOf({
        body: 'Could you come for an interview on Monday?\n\nBest regards,\nMatthias Krüger\nResearch Group Leader\nInstitut für Zellbiologie Heidelberg\nIm Neuenheimer Feld 555',
        fromEmail: 'm.krueger@institut-zellbio.de',
      }).company.value,
    ).toBe('Institut für Zellbiologie Heidelberg');
  });

  it('reads a role over a field word alone in a subject ("Design exercise – Brand Designer")', () => {
    expect(
      fieldsOf({ subject: 'Design exercise & panel – Brand Designer', body: 'Can you do Monday?' }).jobTitle
        .value,
    ).toBe('Brand Designer');
    // A field word is still read when it is all the subject names.
    expect(fieldsOf({ subject: 'Interview – Marketing', body: 'Can you do Monday?' }).jobTitle.value).toBe(
      'Marketing',
    );
  });
});

describe('look-alikes across lines and slashes', () => {
  it('keeps the sender’s full name when the signature line under it starts with "Recruiting"', () => {
    expect(
      fieldsOf({
        body: 'Could you come onsite on Thursday?\n\nBest,\nWen\nWen Zhao\nRecruiting Coordinator | Pellucid Medical',
        fromName: 'Wen Zhao',
        fromEmail: 'wen.zhao@pellucidmedical.com',
      }).hiringManager.value,
    ).toBe('Wen Zhao');
    // On one line, "Pellucid Recruiting" still names the organisation, not a person.
    expect(
      fieldsOf({
        body: 'Could you come onsite on Thursday? Pellucid Recruiting will send the details.',
        fromName: 'Pellucid Recruiting',
        fromEmail: 'jobs@pellucid.com',
      }).hiringManager.value,
    ).toBeNull();
  });

  it('reads "picker/packer" as a role but not "before/after"', () => {
    expect(fieldsOf({ body: 'Thanks for applying for the picker/packer job.' }).jobTitle.value).toBe(
      'picker/packer',
    );
    expect(
      fieldsOf({ body: 'Your Lighthouse before/after screenshots from the candle shop job are great.' })
        .jobTitle.value,
    ).toBeNull();
  });
});

describe('hiring manager: a first name alone over a title line', () => {
  it('takes "Marco" over "Head Chef - The Copper Pot", but not a word over a sentence', () => {
    expect(
      fieldsOf({
        body: 'Come in for a trial shift Thursday, 4pm start.\n\nMarco\nHead Chef - The Copper Pot\n\nSent from my phone',
        fromName: 'Chef Marco',
        fromEmail: 'marco.ridley@thecopperpot.co.uk',
      }).hiringManager.value,
    ).toBe('Marco');
    expect(
      fieldsOf({
        body: 'Come in on Thursday at 4pm.\n\nDirections\nHead Office is on the left after the bridge.',
        fromName: 'Copper Pot Jobs',
        fromEmail: 'jobs@thecopperpot.co.uk',
      }).hiringManager.value,
    ).toBeNull();
  });
});
