/**
 * Turns a language's signal table into ready-to-run matchers, once per table. Each group becomes one
 * alternation regex, so a region of text is scanned once per group rather than once per phrase.
 */

import type { PhraseSignal, SignalGroup } from './signals/signal-table';

/** A phrase found in the text: which signal, and where. */
export interface SignalHit {
  signal: PhraseSignal;
  reason: string;
  index: number;
  length: number;
}

export interface CompiledGroup {
  reason: string;
  signals: PhraseSignal[];
  regex: RegExp;
}

function countCaptureGroups(source: string): number {
  const probe = new RegExp(`${source}|`).exec('');
  return probe === null ? 0 : probe.length - 1;
}

export function compileGroup(group: SignalGroup): CompiledGroup {
  for (const signal of group.signals) {
    if (countCaptureGroups(signal.pattern) !== 0) {
      throw new Error(`Signal pattern must use only non-capturing groups: ${signal.pattern}`);
    }
  }
  const source = group.signals.map((signal) => `(${signal.pattern})`).join('|');
  return { reason: group.reason, signals: group.signals, regex: new RegExp(`\\b(?:${source})\\b`, 'gi') };
}

/**
 * Finds every signal of the group in `text`, keeping each signal's first occurrence only, so a phrase
 * repeated twenty times counts once.
 */
export function findSignals(group: CompiledGroup, text: string, limit = 1000): SignalHit[] {
  const hits: SignalHit[] = [];
  if (text.length === 0) return hits;
  const seen: boolean[] = [];
  const regex = group.regex;
  regex.lastIndex = 0;
  let match: RegExpExecArray | null;
  let scanned = 0;
  while ((match = regex.exec(text)) !== null) {
    if (match[0].length === 0) {
      regex.lastIndex += 1;
      continue;
    }
    if (++scanned > limit) break;
    let alternative = -1;
    for (let i = 1; i < match.length; i++) {
      if (match[i] !== undefined) {
        alternative = i - 1;
        break;
      }
    }
    if (alternative < 0 || seen[alternative] === true) continue;
    seen[alternative] = true;
    const signal = group.signals[alternative];
    if (signal === undefined) continue;
    hits.push({ signal, reason: signal.reason ?? group.reason, index: match.index, length: match[0].length });
  }
  return hits;
}
