import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { toEmailInput, type CorpusEmail } from '../../../scripts/eval-detect';
import type { EmailInput, InvitationAnalysis } from '../../../src/core/invitation/email-input';

// Extraction remembers the answers of its pure per-phrase steps across emails (trimTitle, leadingCompany,
// trailingCompany, name comparison). What an email gets must not depend on which emails were read before
// it: read every corpus in order and in reverse, each time with freshly loaded modules (empty memory), and
// each email read with empty memory alone must get the same analysis as in both runs.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const CORPUS_DIRS = ['test/fixtures/emails', 'test/fixtures/holdout', 'test/core/invitation/fixtures'];

function corpusInputs(): EmailInput[] {
  return CORPUS_DIRS.flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((name) => name.endsWith('.json'))
      .flatMap((name) => JSON.parse(readFileSync(join(root, dir, name), 'utf8')) as CorpusEmail[])
      .map(toEmailInput),
  );
}

async function freshAnalyzer(): Promise<(input: EmailInput) => InvitationAnalysis> {
  vi.resetModules();
  const module = await import('../../../src/core/invitation/analyze-invitation');
  return module.analyzeInvitation;
}

describe('remembered extraction answers', () => {
  const inputs = corpusInputs();

  it('give every email the same analysis whatever was read before it', async () => {
    expect(inputs.length).toBeGreaterThan(300);
    const forwardAnalyze = await freshAnalyzer();
    const forward = inputs.map((input) => JSON.stringify(forwardAnalyze(input)));
    const backwardAnalyze = await freshAnalyzer();
    const backward = inputs
      .slice()
      .reverse()
      .map((input) => JSON.stringify(backwardAnalyze(input)))
      .reverse();
    expect(backward).toEqual(forward);
    // Read again by the warm forward analyzer: every answer is now remembered.
    expect(inputs.map((input) => JSON.stringify(forwardAnalyze(input)))).toEqual(forward);
  }, 60_000);

  it('give an email read first the same analysis as when read after all the others', async () => {
    const warmAnalyze = await freshAnalyzer();
    for (const input of inputs) warmAnalyze(input);
    // Every 100th email, each with empty memory: loading the modules costs far more than reading an email.
    for (const input of inputs.filter((_, index) => index % 100 === 0)) {
      const coldAnalyze = await freshAnalyzer();
      expect(JSON.stringify(coldAnalyze(input))).toBe(JSON.stringify(warmAnalyze(input)));
    }
  }, 60_000);

  it('keep a title read for one sender apart from the same phrase read for another', async () => {
    // "– Lumen" after the role is a specialisation unless the sender's domain or name says Lumen.
    const body =
      'Hi Sam,\n\nThanks for applying. We would like to invite you to a video interview next week. ' +
      'Could you share your availability?\n\nPosition: Data Analyst – Lumen\n\nBest,\nMaya Chen\n';
    const senders = [
      { fromEmail: 'maya@northwind.com', fromName: 'Maya Chen', title: 'Data Analyst – Lumen' },
      { fromEmail: 'maya@lumen.com', fromName: 'Maya Chen', title: 'Data Analyst' },
      { fromEmail: 'maya@northwind.com', fromName: 'Maya Chen (Lumen)', title: 'Data Analyst' },
    ];
    for (const order of [senders, senders.slice().reverse()]) {
      const analyze = await freshAnalyzer();
      for (const { fromEmail, fromName, title } of order) {
        const input: EmailInput = {
          subject: 'Interview invitation',
          fromName,
          fromEmail,
          body,
          itemClass: 'IPM.Note',
        };
        expect(analyze(input).fields.jobTitle.value).toBe(title);
      }
    }
  }, 60_000);
});
