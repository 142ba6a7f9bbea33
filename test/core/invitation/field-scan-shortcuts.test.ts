import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  leadingLiteral,
  leadingLiterals,
  requiredLiteral,
  stripDecoration,
} from '../../../src/core/invitation/extract-fields';

// The field scans skip a pattern in a text that lacks characters every match must contain; these are the
// cases that decide whether such characters are really required. The equivalence over every corpus is in
// word-gate-equivalence.test.ts.
describe('requiredLiteral', () => {
  it('takes the longest top-level run of characters without case', () => {
    expect(requiredLiteral("[\\w&’']+ @ (X)")).toBe(' @ ');
    expect(requiredLiteral('x{2} - y')).toBe(' - ');
    expect(requiredLiteral('ref: 12/34')).toBe(': 12/34');
  });

  it('leaves out what a quantifier may skip, and what groups, classes and escapes hold', () => {
    expect(requiredLiteral('a @+b')).toBeNull();
    expect(requiredLiteral('x: ?y')).toBe(':');
    expect(requiredLiteral('(?:a @ b) c')).toBeNull();
    expect(requiredLiteral('[@]x')).toBeNull();
    expect(requiredLiteral('\\@ x')).toBeNull();
  });

  it('refuses alternatives at the top level and lone spaces', () => {
    expect(requiredLiteral('a|b @ c')).toBeNull();
    expect(requiredLiteral(' (?:has|have)? ?(?:invited)')).toBeNull();
  });

  it('never keeps a character that has another case, which the i flag would also match', () => {
    expect(requiredLiteral('x é@ y')).toBe('@ ');
    expect(requiredLiteral('Ⓐ-Ⓑ')).toBe('-');
  });
});

describe('leadingLiteral', () => {
  it('takes the words a self-introduction starts with, lower-cased', () => {
    expect(leadingLiteral('my name is {name}')).toBe('my name is');
    expect(leadingLiteral('Message from {name}')).toBe('message from');
    expect(leadingLiteral('your (?:recruiter|contact),? {name}')).toBe('your');
  });

  it('drops a letter a quantifier may leave out, and refuses a start it cannot read', () => {
    expect(leadingLiteral('messages? from {name}')).toBe('message');
    expect(leadingLiteral("(?:i[’']m|i am) {name}")).toBeNull();
    expect(leadingLiteral('hi {name}')).toBeNull();
  });
});

describe('leadingLiterals', () => {
  it('spells out a leading group of literal alternatives, apostrophe classes included', () => {
    expect(leadingLiterals("(?:i[’']m|i am|this is) {name}(?:,| from)")).toEqual([
      'i’m',
      "i'm",
      'i am',
      'this is',
    ]);
    expect(leadingLiterals('my name is {name}')).toEqual(['my name is']);
    expect(leadingLiterals('(?:hi|hello) {name}')).toBeNull();
    expect(leadingLiterals('(?:i am|[a-z]+ here) {name}')).toBeNull();
  });
});

describe('stripDecoration', () => {
  it('removes what the regex /^[|*\\s>]+|[|*\\s]+$/g removes, on any line (property)', () => {
    const pieces = [
      '|',
      '*',
      '>',
      ' ',
      '\t',
      '\u00a0',
      '\u3000',
      '\u200b',
      'Ana',
      'Lee',
      '-',
      '\ufeff',
      '\u2028',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), (parts) => {
        const line = parts.join('');
        expect(stripDecoration(line)).toBe(line.replace(/^[|*\s>]+|[|*\s]+$/g, ''));
      }),
      { numRuns: 500 },
    );
  });
});
