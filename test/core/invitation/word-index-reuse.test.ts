import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anchorPositionsIn,
  DIGIT_WORD,
  indexWords,
  numberAnchorWords,
} from '../../../src/core/invitation/anchor-words';

/** Anchor words that overlap one another, so a cut word can turn into another anchor ("interviews" → "inter"). */
const WORDS = [
  'interview',
  'interviews',
  'inter',
  'view',
  'call',
  'calls',
  'a',
  'ab',
  'x_1',
  'zoom',
  DIGIT_WORD,
];
const PIECES = [
  'interview',
  'interviews',
  'inter',
  'Inter',
  'VIEW',
  'call',
  'a',
  'ab',
  'x_1',
  '9am',
  '10',
  ' ',
  ' ',
  '\n',
  '-',
  '’',
  'é',
  'zoom',
];

describe('indexWords: an index reused for the same text or derived for a prefix is the index of that text', () => {
  it('finds every anchor word where the full word map finds it, for the text and for every prefix', () => {
    const numbers = numberAnchorWords(WORDS);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { minLength: 200, maxLength: 400 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        (pieces, cuts) => {
          const text = pieces.join('');
          const lengths = [text.length, ...cuts.map((cut) => cut % (text.length + 1))];
          indexWords(text);
          for (const length of lengths) {
            const part = text.slice(0, length);
            const words = indexWords(part);
            WORDS.forEach((word, i) => {
              const found = anchorPositionsIn(words, [numbers[i] ?? -1]).flat();
              // `get` reads the map of every word, built from the text itself: the reference.
              expect({ length, word, found }).toEqual({ length, word, found: [...(words.get(word) ?? [])] });
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
