/**
 * The six decline reasons as data. Every sentence is a list of variants ordered from most to least
 * specific; rendering picks the first variant whose placeholders all have values, so a missing job title
 * or company rephrases the sentence instead of leaving a gap.
 */

export type DeclineReasonId =
  'accepted-offer' | 'different-direction' | 'timing' | 'committed-elsewhere' | 'open-to-future' | 'personal';

/** The placeholders a template may use, written in braces: `{hiring manager}`. */
export type Placeholder = 'hiring manager' | 'job title' | 'company' | 'your name';

/** One sentence or line: variants from most to least specific. The last variant should need nothing. */
export type Phrase = readonly string[];

export interface DeclineReason {
  id: DeclineReasonId;
  /** Short label for the reason picker. */
  label: string;
  subject: Phrase;
  /** Paragraphs of sentences; the sentences of a paragraph are joined with a space. */
  paragraphs: readonly (readonly Phrase[])[];
  /** Sign-off word(s) placed above the user's name. */
  closing: string;
}

export const GREETING: Phrase = ['Hi {hiring manager},', 'Hi there,'];

const THANKS_FOR_INVITING: Phrase = [
  'Thank you for inviting me to interview for the {job title} role at {company}.',
  'Thank you for inviting me to interview for the {job title} role.',
  'Thank you for inviting me to interview with {company}.',
  'Thank you for inviting me to interview.',
];

export const DECLINE_REASONS: readonly DeclineReason[] = [
  {
    id: 'accepted-offer',
    label: 'I accepted another job offer',
    subject: [
      '{job title} interview: thank you, and an update',
      'Your interview invitation: thank you, and an update',
    ],
    paragraphs: [
      [
        THANKS_FOR_INVITING,
        [
          "I've just accepted an offer elsewhere, so I'm withdrawing from the process and won't take up the interview.",
        ],
        ['I wanted to tell you straight away so the time can go to another candidate.'],
      ],
      [
        [
          'I enjoyed learning about {company}, and I hope our paths cross again.',
          'I hope our paths cross again.',
        ],
      ],
    ],
    closing: 'Best wishes,',
  },
  {
    id: 'different-direction',
    label: "The role doesn't fit my direction",
    subject: ['{job title} interview: thank you', 'Your interview invitation: thank you'],
    paragraphs: [
      [
        THANKS_FOR_INVITING,
        [
          "Having thought it over, I've decided the role isn't the right fit for where I want to take my career, so I'll respectfully decline the interview.",
        ],
      ],
      [
        [
          "If a role at {company} comes up that's closer to where I'm heading, I'd be glad to hear about it.",
          "If a role comes up that's closer to where I'm heading, I'd be glad to hear about it.",
        ],
      ],
    ],
    closing: 'Best wishes,',
  },
  {
    id: 'timing',
    label: 'Timing or a scheduling conflict',
    subject: ['{job title} interview: thank you', 'Your interview invitation: thank you'],
    paragraphs: [
      [
        THANKS_FOR_INVITING,
        [
          "Unfortunately the timing doesn't work for me: I can't give the process the time and attention it deserves right now, so I have to decline the interview.",
        ],
      ],
      [
        [
          "I'm sorry to miss the chance. If the timing lines up better later on, I'd be happy to talk with {company} again.",
          "I'm sorry to miss the chance. If the timing lines up better later on, I'd be happy to talk again.",
        ],
      ],
    ],
    closing: 'Best wishes,',
  },
  {
    id: 'committed-elsewhere',
    label: "I've already started or committed to another role",
    subject: ['{job title} interview: thank you', 'Your interview invitation: thank you'],
    paragraphs: [
      [
        THANKS_FOR_INVITING,
        [
          "I've recently committed to another role, so I'm not in a position to move and will decline the interview.",
        ],
      ],
      [
        [
          'I appreciate you thinking of me, and I wish you and the team at {company} every success in filling the position.',
          'I appreciate you thinking of me, and I wish you every success in filling the position.',
        ],
      ],
    ],
    closing: 'Best wishes,',
  },
  {
    id: 'open-to-future',
    label: 'Not now, but open to future roles',
    subject: [
      '{job title} interview: thank you, and staying in touch',
      'Your interview invitation: thank you',
    ],
    paragraphs: [
      [
        THANKS_FOR_INVITING,
        ["I'm not in a position to make a move right now, so I'll decline this interview."],
      ],
      [
        [
          "I'd genuinely like to stay in touch, though: I think highly of {company} and would welcome hearing about future openings.",
          "I'd genuinely like to stay in touch, though, and would welcome hearing about future openings on your team.",
        ],
        ['Please feel free to keep my details on file.'],
      ],
    ],
    closing: 'Best wishes,',
  },
  {
    id: 'personal',
    label: 'Personal reasons',
    subject: ['{job title} interview: thank you', 'Your interview invitation: thank you'],
    paragraphs: [
      [
        THANKS_FOR_INVITING,
        [
          "For personal reasons I'm not able to move forward at the moment, so I need to decline the interview.",
        ],
      ],
      [
        [
          "I appreciate your understanding, and I hope there's a chance to connect with {company} again in future.",
          "I appreciate your understanding, and I hope there's a chance to connect again in future.",
        ],
      ],
    ],
    closing: 'With thanks,',
  },
];

export const DEFAULT_DECLINE_REASON_ID: DeclineReasonId = 'accepted-offer';

export function findDeclineReason(id: string): DeclineReason | undefined {
  return DECLINE_REASONS.find((reason) => reason.id === id);
}
