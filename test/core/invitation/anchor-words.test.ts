import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DIGIT_WORD,
  deriveAnchorWords,
  deriveRequiredWords,
  deriveRequiredWordSets,
  findGatedSignals,
  gateGroup,
  indexWords,
} from '../../../src/core/invitation/anchor-words';
import { compileGroup, findSignals } from '../../../src/core/invitation/compile-signals';
import { englishSignals } from '../../../src/core/invitation/signals/en';
import type { SignalGroup } from '../../../src/core/invitation/signals/signal-table';

const sorted = (words: string[] | null): string[] | null => (words === null ? null : [...words].sort());

describe('deriveAnchorWords', () => {
  it('takes a leading literal word', () => {
    expect(deriveAnchorWords('hiring manager')).toEqual(['hiring']);
    expect(deriveAnchorWords('Podcast')).toEqual(['podcast']);
  });

  it('takes every word of a leading alternation, at the top level or in a group', () => {
    expect(sorted(deriveAnchorWords('(?:quick|short|google meet) call'))).toEqual([
      'google',
      'quick',
      'short',
    ]);
    expect(sorted(deriveAnchorWords('postponed|new time'))).toEqual(['new', 'postponed']);
  });

  it('reads through groups that complete a word and leading lookbehinds', () => {
    expect(sorted(deriveAnchorWords('(?<!mock |exit )interv(?:iew|ue)(?:s|ed)?'))).toEqual([
      'interview',
      'interviewed',
      'interviews',
      'intervue',
      'intervueed',
      'intervues',
    ]);
    expect(sorted(deriveAnchorWords("(?:we|i)(?:[’']d| would) like"))).toEqual(['i', 'we']);
  });

  it('counts both words when the first word is optional, never only the optional one', () => {
    expect(sorted(deriveAnchorWords('(?:the )?role'))).toEqual(['role', 'the']);
    expect(sorted(deriveAnchorWords('on-?site visit'))).toEqual(['on', 'onsite']);
    expect(sorted(deriveAnchorWords('screens? call'))).toEqual(['screen', 'screens']);
    // An optional space: the first word is "interview", or "interviewnow" when it is left out.
    expect(sorted(deriveAnchorWords('interview ?now'))).toEqual(['interview', 'interviewnow']);
  });

  it('refuses when the first word is not a fixed literal', () => {
    expect(deriveAnchorWords('(?:the )*role')).toBeNull();
    expect(deriveAnchorWords('(?:[\\w’]+\\s+){0,3}interview')).toBeNull();
    expect(deriveAnchorWords('[a-z]+ interview')).toBeNull();
    expect(deriveAnchorWords('[!-~]interview')).toBeNull();
    expect(deriveAnchorWords('.nterview')).toBeNull();
    expect(deriveAnchorWords('interviews* now')).toBeNull();
    expect(deriveAnchorWords('interview\\w')).toBeNull();
    expect(deriveAnchorWords('interview|\\w+ jobs')).toBeNull();
  });

  it('files a pattern that starts with a digit under DIGIT_WORD, unless the digit may be left out', () => {
    expect(deriveAnchorWords('\\d+ minutes')).toEqual([DIGIT_WORD]);
    expect(sorted(deriveAnchorWords('(?:two|\\d) candidates'))).toEqual(sorted([DIGIT_WORD, 'two']));
    expect(sorted(deriveAnchorWords('\\d{1,2}% off|free trial'))).toEqual(sorted([DIGIT_WORD, 'free']));
    expect(deriveAnchorWords('\\d* minutes')).toBeNull();
    expect(deriveAnchorWords('\\d? minutes')).toBeNull();
    expect(deriveAnchorWords('\\d{0,2} minutes')).toBeNull();
    // A digit inside a word: the word's start is not known.
    expect(deriveAnchorWords('q\\d results')).toBeNull();
  });

  it('spells out a class of letters, one word per member', () => {
    expect(sorted(deriveAnchorWords('finali[sz]e the list'))).toEqual(['finalise', 'finalize']);
    expect(sorted(deriveAnchorWords('organi[sS]ation'))).toEqual(['organisation']);
    expect(sorted(deriveAnchorWords('colou[r]?s'))).toEqual(['colours', 'colous']);
    expect(deriveAnchorWords('finali[sz]+e')).toBeNull();
    expect(deriveAnchorWords('finali[a-z]e')).toBeNull();
    expect(deriveAnchorWords('finali[^sz]e')).toBeNull();
  });

  it('refuses a word whose end is unknown', () => {
    expect(deriveAnchorWords('interview(?:s|ing)+ now')).toBeNull();
    expect(deriveAnchorWords('interview[a-z]')).toBeNull();
    expect(deriveAnchorWords('interview\\s* now')).toBeNull();
  });

  it('refuses case-insensitive inline modifiers, named or capturing groups and Unicode flags', () => {
    expect(deriveAnchorWords('(?i:interview) now')).toBeNull();
    expect(deriveAnchorWords('(?<kind>phone) screen')).toBeNull();
    expect(deriveAnchorWords('(phone) screen')).toBeNull();
    expect(deriveAnchorWords('interview now', 'giu')).toBeNull();
    expect(deriveAnchorWords('interview now', 'gv')).toBeNull();
  });

  it('ends a word at a non-ASCII letter, which is no word character to \\b nor to the index', () => {
    expect(deriveAnchorWords('café meeting')).toEqual(['caf']);
    expect(sorted(deriveAnchorWords('cv|resume|résumé'))).toEqual(['cv', 'r', 'resume']);
    expect(sorted(deriveAnchorWords('ré?sumé'))).toEqual(['r', 'rsum']);
    expect(deriveAnchorWords('é+cole')).toBeNull();
    expect(deriveAnchorWords('caf(?:é)* time')).toBeNull();
  });

  it('finds what the alternation finds for patterns with non-ASCII letters, on any text (property)', () => {
    const accented: SignalGroup = {
      reason: 'test',
      signals: [
        { pattern: '(?:cv|resume|résumé) (?:review|clinic)', weight: 1 },
        { pattern: 'café meeting', weight: 1 },
        { pattern: 'ré?sumé writing', weight: 1 },
        { pattern: 'naïve', weight: 1 },
      ],
    };
    const gated = gateGroup(accented, true);
    expect(gated.signals.every((signal) => signal.anchors !== null)).toBe(true);
    const full = compileGroup(accented);
    const pieces = [
      'r',
      'R',
      'é',
      'É',
      'e',
      'sum',
      'SUM',
      'résumé',
      'resume',
      'cv',
      ' ',
      'review',
      'clinic',
      'caf',
      'café',
      'CAFÉ',
      'meeting',
      'writing',
      'na',
      'ï',
      've',
      'über',
      'Über',
      'uber',
      'x',
      '_',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(findGatedSignals(gated, text, indexWords(text))).toEqual(findSignals(full, text));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a pattern with too many expansions', () => {
    const wide = Array.from({ length: 5 }, () => '(?:a|b|c|d|e)').join('');
    expect(deriveAnchorWords(wide)).toBeNull();
  });

  it('anchors most English signals, so the gate has something to skip', () => {
    const groups = [
      englishSignals.invite,
      englishSignals.timeRequest,
      ...Object.values(englishSignals.negatives),
      ...Object.values(englishSignals.logistics),
    ];
    const patterns = groups.flatMap((group) => group.signals.map((signal) => signal.pattern));
    const anchored = patterns.filter((pattern) => deriveAnchorWords(pattern) !== null);
    expect(anchored.length / patterns.length).toBeGreaterThan(0.8);
  });
});

describe('deriveRequiredWords', () => {
  it('ends a word at a literal comma, colon or dash too, also an optional one before whitespace', () => {
    expect(deriveRequiredWords('(?:my|our) client,? (?:is )?acme')).toEqual(['acme']);
    expect(deriveRequiredWords('(?:my|our) client,? ')).toEqual(['client']);
    expect(sorted(deriveRequiredWords('(?:on behalf of|client:) x'))).toEqual(['x']);
    expect(sorted(deriveRequiredWords('a (?:on behalf of|client:)'))).toEqual(['client', 'on']);
    expect(deriveRequiredWords('(?:my|our) client,?x')).toEqual(['my', 'our']);
  });

  it('takes the last mandatory word or group between whitespace, with optional letters spelled out', () => {
    expect(sorted(deriveRequiredWords('a (?:phone screen|calls?)'))).toEqual(['call', 'calls', 'phone']);
    expect(deriveRequiredWords('meet in \\d+')).toEqual(['in']);
    expect(sorted(deriveRequiredWords('a team|b (?:x|y\\d)'))).toEqual(['b', 'team']);
    expect(sorted(deriveRequiredWords('(?:your|the) (?:interview )?scorecards?'))).toEqual([
      'scorecard',
      'scorecards',
    ]);
    expect(
      deriveRequiredWords('(?:your|the) (?:[\\w’]+\\s+){0,3}interview (?:is|will be) (?:today|in \\d+)'),
    ).toEqual(['today', 'in']);
  });

  it('takes a last literal word, or the first words of a last group of literal alternatives', () => {
    expect(deriveRequiredWords('(?:our|the) sales team')).toEqual(['team']);
    expect(
      sorted(deriveRequiredWords("(?:the|this) (?:[\\w’'/&,-]+\\s+){0,6}(?:role|phone screen|job)")),
    ).toEqual(['job', 'phone', 'role']);
    expect(sorted(deriveRequiredWords('new time|moved to (?:monday|later)'))).toEqual([
      'later',
      'monday',
      'time',
    ]);
    expect(deriveRequiredWords('(?:phone screen|call)')).toEqual(['phone', 'call']);
  });

  it('needs whitespace (or the start of the match) right before that word, whatever optional parts do', () => {
    expect(deriveRequiredWords('x (?:a|b)? team')).toEqual(['team']);
    expect(deriveRequiredWords('x (?:a |b\\s+)*team')).toEqual(['team']);
    expect(deriveRequiredWords('x(?:a |b )?team')).toBeNull();
    expect(deriveRequiredWords('x(?:a |b)*team')).toBeNull();
    expect(deriveRequiredWords('x-team')).toEqual(['x']);
    expect(deriveRequiredWords('xy-?team')).toBeNull();
    expect(deriveRequiredWords('x\\s*team')).toBeNull();
  });

  it('refuses endings it cannot read as one whole word', () => {
    expect(deriveRequiredWords('post(?!s)')).toBeNull();
    expect(deriveRequiredWords('post(?!s)|team')).toBeNull();
    expect(deriveRequiredWords('a team', 'giu')).toBeNull();
  });
});

describe('deriveRequiredWordSets', () => {
  it('keeps every mandatory element of a single branch, so the rarest one can bound the matches', () => {
    expect(deriveRequiredWordSets('(?:our|the) sales team')).toEqual([['sales'], ['team'], ['our', 'the']]);
    // Smallest first, at most three, none over sixteen words: any of them bounds the matches.
    const many = Array.from({ length: 20 }, (_, i) => `w${i}`).join('|');
    expect(deriveRequiredWordSets(`a b c d (?:${many})`)).toEqual([['a'], ['b'], ['c']]);
    expect(deriveRequiredWordSets(`(?:${many}) now`)).toEqual([['now']]);
    expect(
      deriveRequiredWordSets("(?:the )?candidate[’']s? (?:resume|cv) (?:[\\w’]+\\s+){0,3}(?:attached|below)"),
    ).toEqual([
      ['resume', 'cv'],
      ['attached', 'below'],
    ]);
  });

  it('takes a word between explicit boundaries, but not a literal backslash and b', () => {
    expect(deriveRequiredWordSets('(?:can|could)\\b[^.?!\\n]{0,60}\\byou\\b(?! me)')).toEqual([
      ['you'],
      ['can', 'could'],
    ]);
    expect(deriveRequiredWordSets('a\\\\byou')).toBeNull();
  });

  it('keeps one set, each branch’s last element, for several top-level branches', () => {
    expect(deriveRequiredWordSets('a team|b (?:x|y)')).toEqual([['team', 'x', 'y']]);
    expect(deriveRequiredWordSets('post(?!s)|team')).toBeNull();
  });
});

describe('indexWords', () => {
  it('lists each word once with where it starts, lower-cased, split where \\b splits', () => {
    const words = indexWords('Interview, interview_2 and INTERVIEW-day café');
    expect(words.get('interview')).toEqual([0, 27]);
    expect(words.get('interview_2')).toEqual([11]);
    expect(words.get('caf')).toEqual([41]);
    expect(words.has('café')).toBe(false);
  });

  it('lists words that start with a digit under DIGIT_WORD too', () => {
    const words = indexWords('30 minutes, 2pm or a30 and 4_x');
    expect(words.get(DIGIT_WORD)).toEqual([0, 12, 27]);
    expect(words.get('2pm')).toEqual([12]);
    expect(indexWords('no digits here').has(DIGIT_WORD)).toBe(false);
  });

  it('does not case-fold non-ASCII letters into ASCII words (İ, the Kelvin sign)', () => {
    const words = indexWords('İnvite interview\u212A');
    expect(words.has('invite')).toBe(false);
    expect(words.has('nvite')).toBe(true);
    expect(words.has('interview')).toBe(true);
  });
});

describe('findGatedSignals', () => {
  const group: SignalGroup = {
    reason: 'test',
    signals: [
      { pattern: 'phone (?:call|screen)', weight: 1 },
      { pattern: 'call', weight: 1 },
      { pattern: '(?:video|phone) call', weight: 1 },
      { pattern: '[a-z]+ screen', weight: 1 },
    ],
  };

  it('finds exactly what the whole alternation finds, overlaps and order included', () => {
    const gated = gateGroup(group, true);
    const texts = [
      'a phone call, then a video call and a phone screen; call me',
      'call call phone screen',
      'nothing here',
      'PHONE CALL',
      '',
    ];
    for (const text of texts) {
      expect(findGatedSignals(gated, text, indexWords(text))).toEqual(findSignals(compileGroup(group), text));
    }
  });

  it('finds the same in a text indexed before the group was compiled (anchor words new to the index)', () => {
    const text = 'a zanzibarian quokka call, then a Quokkas screen';
    const words = indexWords(text);
    const late: SignalGroup = {
      reason: 'test',
      signals: [
        { pattern: 'zanzibarian quokkas?', weight: 1 },
        { pattern: 'quokkas? (?:call|screen)', weight: 1 },
      ],
    };
    const gated = gateGroup(late, true);
    expect(findGatedSignals(gated, text, words)).toEqual(findSignals(compileGroup(late), text));
    expect(findGatedSignals(gated, text, words).map((hit) => hit.index)).toEqual([2, 34]);
  });

  it('leaves out a signal whose anchor words are absent', () => {
    const gated = gateGroup(group, true);
    const text = 'a video call';
    const hits = findGatedSignals(gated, text, indexWords(text));
    expect(hits.map((hit) => hit.signal.pattern)).toEqual(['(?:video|phone) call']);
  });

  it('finds what the alternation finds for digit-led and letter-class patterns, on any text (property)', () => {
    const tricky: SignalGroup = {
      reason: 'test',
      signals: [
        { pattern: '\\d+ ?(?:minutes|mins) (?:call|chat)', weight: 1 },
        { pattern: '(?:two|three|\\d) candidates', weight: 1 },
        { pattern: '\\d{1,2}% off|free trial', weight: 1 },
        { pattern: '(?:agree|finali[sz]e) (?:the )?shortlist', weight: 1 },
        { pattern: 'colou[r]?s? call', weight: 1 },
        { pattern: '(?:the|two) (?:[\\w’,-]+\\s+){0,3}(?:candidates|shortlist)', weight: 1 },
        { pattern: '(?:three|new) (?:minutes|trial)? (?:call|chat)', weight: 1 },
        { pattern: 'two (?:candidates?|shortlist) (?:call|in \\d+)', weight: 1 },
        { pattern: 'call', weight: 1 },
      ],
    };
    const gated = gateGroup(tricky, true);
    expect(gated.signals.every((signal) => signal.anchors !== null)).toBe(true);
    expect(gated.signals.filter((signal) => signal.required !== null).length).toBeGreaterThanOrEqual(4);
    const full = compileGroup(tricky);
    const pieces = [
      'in',
      'candidate',
      '30',
      '5',
      '45min',
      'a30',
      '_3',
      ' ',
      ' ',
      '  ',
      ',',
      '.',
      '%',
      'minutes',
      'mins',
      'MINUTES',
      'call',
      'chat',
      'two',
      'Three',
      '3',
      'candidates',
      'off',
      '20% off',
      'free',
      'trial',
      'agree',
      'finalise',
      'FINALIZE',
      'finali',
      'the',
      'shortlist',
      'colour',
      'colors',
      'colous',
      'coloUrs',
      'é',
      'İ',
      '\n',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(findGatedSignals(gated, text, indexWords(text))).toEqual(findSignals(full, text));
      }),
      { numRuns: 400 },
    );
  });
});
