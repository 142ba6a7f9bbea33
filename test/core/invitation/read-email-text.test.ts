import { describe, expect, it } from 'vitest';
import { normalizeBody, readEmailText } from '../../../src/core/invitation/read-email-text';
import { englishSignals } from '../../../src/core/invitation/signals/en';

const read = (body: string) => readEmailText(normalizeBody(body), englishSignals);

describe('readEmailText', () => {
  it('separates the author’s words from a Gmail-style quoted reply', () => {
    const text = read(
      'Sounds good!\n\nOn Mon, 2 Mar 2026 at 09:00, Maya <maya@x.io> wrote:\n> Hi Sam,\n> Can you do Tuesday?',
    );
    expect(text.own.trim()).toBe('Sounds good!');
    expect(text.quoted).toContain('Can you do Tuesday?');
    expect(text.quotedAddressee).toBe('Sam');
  });

  it('treats an Outlook "From: … Sent: …" block as the start of quoted history', () => {
    const text = read(
      'Thanks!\n\nFrom: Maya Ortiz\nSent: Monday, 2 March 2026 09:00\nTo: Sam\nSubject: Interview\n\nHi Sam, are you free?',
    );
    expect(text.own.trim()).toBe('Thanks!');
    expect(text.quotedFirst).toContain('are you free?');
  });

  it('recognises a quote header wrapped over two lines', () => {
    const text = read('Great.\n\nOn Mon, 2 Mar 2026 at 09:00, Maya Ortiz <\nmaya@x.io> wrote:\n> Hello');
    expect(text.own.trim()).toBe('Great.');
  });

  it('reads a forwarded message in place of an almost empty note, remembering who it was sent to', () => {
    const text = read(
      'FYI\n\n---------- Forwarded message ---------\nFrom: Maya <maya@x.io>\nDate: Mon\nSubject: Interview\nTo: Sam Patel <sam@y.com>\n\nHi Sam, we would like to invite you.',
    );
    expect(text.isForward).toBe(true);
    expect(text.own).toContain('we would like to invite you');
    expect(text.forwardedTo).toBe('Sam Patel <sam@y.com>');
  });

  it('finds the greeting’s addressee and the signature under the sign-off', () => {
    const text = read(
      'Hi Jordan,\n\nSee you soon.\n\nKind regards,\nPriya Raman\nTechnical Recruiter | Northwind',
    );
    expect(text.addressee).toBe('Jordan');
    expect(text.signOff).toBe('Kind regards,');
    expect(text.signature).toEqual(['Priya Raman', 'Technical Recruiter | Northwind']);
  });

  it('reads a name written on the sign-off line itself', () => {
    expect(read('Can you do Friday?\n\nThanks, Tom').signOffName).toBe('Tom');
    expect(read('Can you do Friday?\n\n— Tom').signOffName).toBe('Tom');
  });

  it('normalises CRLF line endings, non-breaking spaces and HTML entities', () => {
    expect(normalizeBody('a\r\nb&nbsp;c &amp; d\u00a0e')).toBe('a\nb c & d e');
  });

  it('reads at most the first 64 KB', () => {
    expect(normalizeBody('x'.repeat(100_000)).length).toBe(65_536);
  });
});
