import { describe, expect, it } from 'vitest';
import { analyzeInvitation } from '../../../src/core/invitation/analyze-invitation';
import type { EmailInput } from '../../../src/core/invitation/email-input';

function companyOf(input: Partial<EmailInput> & { body: string }) {
  return analyzeInvitation({ subject: null, fromName: null, fromEmail: null, ...input }).fields.company;
}

// The company comes from what the email writes; a name found only in the sender's address is a last resort,
// and only when short enough to be one brand, since "northwindanalytics" does not say how the employer writes
// its name.
describe('extraction: the company and the sender’s domain', () => {
  it('leaves the company unknown when only the address names it, instead of "Northwindanalytics"', () => {
    const company = companyOf({
      subject: 'Phone screen',
      body: 'Hi Jordan,\n\nCould you do a call on Tuesday at 3pm?\n\nPriya',
      fromName: 'Priya Raman',
      fromEmail: 'priya.raman@northwindanalytics.com',
    });
    expect(company).toEqual({ value: null, evidence: null });
  });

  it('falls back to a short sender domain as one brand name, with evidence saying so', () => {
    const company = companyOf({
      subject: 'Phone screen',
      body: 'Hi Jordan,\n\nCould you do a call on Tuesday at 3pm?\n\nPriya',
      fromName: 'Priya Raman',
      fromEmail: 'priya.raman@orbitpay.com',
    });
    expect(company.value).toBe('Orbitpay');
    expect(company.evidence).toContain('only the sender');
    // Never a free-mail or hiring-platform domain.
    expect(
      companyOf({ body: 'Could you do a call on Tuesday?', fromEmail: 'priya@gmail.com' }).value,
    ).toBeNull();
    expect(
      companyOf({ body: 'Could you do a call on Tuesday?', fromEmail: 'no-reply@greenhouse.io' }).value,
    ).toBeNull();
  });

  it('takes the name as the signature writes it, in any case', () => {
    const company = companyOf({
      subject: 'intervew',
      body: 'hey Jamal got ur application for the roofer job. can u come by the yard monday 7am\n\ndave\nkowalczyk roofing',
      fromName: 'Dave Kowalczyk',
      fromEmail: 'dave@kowalczykroofing.com',
    });
    expect(company.value).toBe('kowalczyk roofing');
    expect(company.evidence).toContain('kowalczykroofing.com');
  });

  it('reads "&" as "and" and keeps it as written', () => {
    const company = companyOf({
      body: 'Hi Jess, fancy a trial shift at Bean & Leaf on Thursday morning?\n\nKate',
      fromName: 'Kate',
      fromEmail: 'kate@beanandleaf.co',
    });
    expect(company.value).toBe('Bean & Leaf');
  });

  it('finds the name further up the thread when the reply itself does not write it', () => {
    const company = companyOf({
      subject: 'Re: Phone screen – Senior Data Engineer',
      body: [
        'Perfect — you are down for Tuesday at 3:30. Talk then!',
        '',
        'Priya',
        '',
        'On Mon, Mar 2, 2026 at 2:40 PM Jordan Lee <jordan.lee@gmail.com> wrote:',
        '> Tuesday works for me.',
        '>',
        '> On Mon, Mar 2, 2026 at 9:15 AM Priya Raman <priya.raman@northwindanalytics.com> wrote:',
        '>> Thanks for applying for the Senior Data Engineer position at Northwind Analytics.',
      ].join('\n'),
      fromName: 'Priya Raman',
      fromEmail: 'priya.raman@northwindanalytics.com',
    });
    expect(company.value).toBe('Northwind Analytics');
  });

  it('does not take a lower-case common word in the running text for the company', () => {
    const company = companyOf({
      body: 'Hi Mo, are you free for a student ambassador interview on Friday at 10am?\n\nHana',
      fromName: 'Hana Kobayashi',
      fromEmail: 'hana@student.example.ac.uk',
    });
    expect(company.value).toBeNull();
  });
});
