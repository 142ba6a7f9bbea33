import { describe, expect, it } from 'vitest';
import { analyzeInvitation } from '../../../src/core/invitation/analyze-invitation';

// Anonymised and test mail uses the reserved names of RFC 2606. As a top-level name ("acme.example") the
// reserved label stands where ".com" would: the sender's domain still names the employer.
const body =
  'Hi Sam,\n\nThanks for applying for the Data Analyst role. Are you free on Tuesday for a 30 minute call with ' +
  'our team lead?\n\nBest,\nPriya\nWe are Brightwell Foods, growing since 1998.';

function companyFrom(fromEmail: string): string | null {
  return analyzeInvitation({ subject: 'Your application', fromName: 'Priya Natarajan', fromEmail, body })
    .fields.company.value;
}

describe('reserved domain names in sender addresses', () => {
  it('reads "brightwellfoods.example" as it reads "brightwellfoods.com"', () => {
    expect(companyFrom('priya@brightwellfoods.com')).toBe('Brightwell Foods');
    expect(companyFrom('priya@brightwellfoods.example')).toBe('Brightwell Foods');
  });

  it('keeps free mail free under a reserved name, so the text alone must name the company', () => {
    expect(companyFrom('priya@gmail.example')).toBeNull();
    expect(companyFrom('priya@outlook.example.com')).toBeNull();
  });
});
