import { describe, expect, it } from 'vitest';
import { analyzeInvitation } from '../../../src/core/invitation/analyze-invitation';
import { englishSignals } from '../../../src/core/invitation/signals/en';
import type { InvitationSignalTable, SignalGroup } from '../../../src/core/invitation/signals/signal-table';

function groupsOf(table: InvitationSignalTable): [string, SignalGroup][] {
  return [
    ['interviewContext', table.interviewContext],
    ['meetingProposal', table.meetingProposal],
    ['jobContext', table.jobContext],
    ['invite', table.invite],
    ['timeRequest', table.timeRequest],
    ['subjectInvite', table.subjectInvite],
    ...Object.entries(table.negatives),
    ...Object.entries(table.subjectNegatives).map(([k, g]) => [`subject:${k}`, g] as [string, SignalGroup]),
    ...Object.entries(table.logistics),
    ...Object.entries(table.subjectLogistics).map(([k, g]) => [`subject:${k}`, g] as [string, SignalGroup]),
  ];
}

describe('the English signal table', () => {
  it('has only patterns that compile, capture nothing and carry a positive weight', () => {
    for (const [name, group] of groupsOf(englishSignals)) {
      expect(group.signals.length, name).toBeGreaterThan(0);
      expect(group.reason.length, name).toBeGreaterThan(0);
      for (const signal of group.signals) {
        const probe = new RegExp(`${signal.pattern}|`, 'i').exec('');
        expect(probe?.length, `${name}: ${signal.pattern}`).toBe(1);
        expect(signal.weight, signal.pattern).toBeGreaterThan(0);
      }
    }
  });

  it('describes asks to the reader with patterns that compile and capture nothing (the engine numbers its own groups)', () => {
    const shape = englishSignals.readerAsk;
    expect(shape).toBeDefined();
    if (shape === undefined) return;
    const lists = [
      shape.questions,
      shape.requests,
      shape.offers,
      shape.visits,
      shape.meetings,
      shape.slots,
      shape.dates,
      shape.notAsks,
      shape.otherApplications,
      shape.clauseOpeners,
      [shape.applicationObjectLead],
    ];
    for (const list of lists) {
      expect(list.length).toBeGreaterThan(0);
      for (const pattern of list) {
        const probe = new RegExp(`${pattern}|`, 'i').exec('');
        expect(probe?.length, pattern).toBe(1);
      }
    }
  });

  it('lists free of duplicates where duplicates would double-count', () => {
    const duplicates = (items: string[]) => items.filter((item, i) => items.indexOf(item) !== i);
    expect(duplicates(englishSignals.signOffs)).toEqual([]);
    expect(duplicates(englishSignals.roleNouns)).toEqual([]);
    expect(duplicates(englishSignals.companySuffixes)).toEqual([]);
  });
});

describe('another language is added as data', () => {
  it('detects an invitation written in the phrases of a table the engine was never coded for', () => {
    const germanPhrases: InvitationSignalTable = {
      ...englishSignals,
      language: 'de',
      interviewContext: {
        ...englishSignals.interviewContext,
        signals: [...englishSignals.interviewContext.signals, { pattern: 'vorstellungsgespräch', weight: 3 }],
      },
      invite: {
        ...englishSignals.invite,
        signals: [
          ...englishSignals.invite.signals,
          {
            pattern: 'laden (?:sie|dich) (?:gerne )?zu einem',
            weight: 5,
            reason: 'lädt Sie zum Gespräch ein',
          },
        ],
      },
    };
    const email = {
      subject: 'Einladung',
      fromName: 'Jana Vogel',
      fromEmail: 'jana.vogel@beispiel-firma.de',
      body: 'Hallo Max,\n\nwir laden Sie gerne zu einem Vorstellungsgespräch am Dienstag ein.\n\nViele Grüße\nJana Vogel',
    };
    expect(analyzeInvitation(email).verdict).toBe('not-invitation');
    const withGerman = analyzeInvitation(email, germanPhrases);
    expect(withGerman.verdict).toBe('invitation');
    expect(withGerman.reasons[0]).toContain('lädt Sie zum Gespräch ein');
  });
});
