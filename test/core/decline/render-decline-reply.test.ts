import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DECLINE_REASONS } from '../../../src/core/decline/decline-reasons';
import type { DeclineReasonId } from '../../../src/core/decline/decline-reasons';
import {
  REPLY_HTML_LIMIT_BYTES,
  composeDeclineText,
  getDeclineReason,
  renderDeclineReply,
  splitParagraphs,
  suggestDeclineSubject,
} from '../../../src/core/decline/render-decline-reply';
import type { DeclineValues } from '../../../src/core/decline/render-decline-reply';

const allValues: DeclineValues = {
  hiringManager: 'Dana Whitfield',
  jobTitle: 'Senior Product Designer',
  company: 'Northwind Labs',
  yourName: 'Alex Rivera',
};
const noValues: DeclineValues = { hiringManager: null, jobTitle: null, company: null, yourName: null };

function renderOrFail(input: Parameters<typeof renderDeclineReply>[0]) {
  const result = renderDeclineReply(input);
  if (!result.ok) throw new Error(`expected a reply, got ${result.error.kind}`);
  return result.reply;
}

describe('the six decline reasons', () => {
  it('has six distinct reasons, each reachable by id, with a label', () => {
    const ids = DECLINE_REASONS.map((reason) => reason.id);
    expect(new Set(ids).size).toBe(6);
    for (const reason of DECLINE_REASONS) {
      expect(getDeclineReason(reason.id)).toBe(reason);
      expect(reason.label.length).toBeGreaterThan(5);
    }
  });

  it('has wording of its own for each reason (no two bodies alike)', () => {
    const bodies = DECLINE_REASONS.map((reason) => composeDeclineText(reason.id, allValues));
    expect(new Set(bodies).size).toBe(6);
  });

  it.each(DECLINE_REASONS.map((reason) => [reason.id] as [DeclineReasonId]))(
    '%s: greets the hiring manager, names the role and company, says no, and signs with the user’s name',
    (id) => {
      const text = composeDeclineText(id, allValues);
      expect(text.startsWith('Hi Dana Whitfield,\n\n')).toBe(true);
      expect(text).toContain('Senior Product Designer');
      expect(text).toMatch(/decline|withdraw/i);
      expect(text).toMatch(/thank/i);
      expect(text.endsWith('\nAlex Rivera')).toBe(true);
      expect(text).not.toMatch(/[{}]/);
    },
  );

  it.each(DECLINE_REASONS.map((reason) => [reason.id] as [DeclineReasonId]))(
    '%s: with nothing known, still reads as whole sentences',
    (id) => {
      const text = composeDeclineText(id, noValues);
      expect(text.startsWith('Hi there,\n\n')).toBe(true);
      expect(text).not.toMatch(/[{}]|Hi ,| the {2}| at \.| for the role at| ,|\s\./);
      expect(text).toMatch(/decline|withdraw/i);
      // Sign-off with no name: the closing word alone ends the text.
      expect(text.endsWith(getDeclineReason(id).closing)).toBe(true);
      expect(suggestDeclineSubject(id, noValues)).not.toMatch(/[{}]|^ /);
    },
  );

  it('rephrases around a missing job title rather than leaving a gap', () => {
    const text = composeDeclineText('accepted-offer', { ...allValues, jobTitle: null });
    expect(text).toContain('Thank you for inviting me to interview with Northwind Labs.');
  });

  it('rephrases around a missing company', () => {
    const text = composeDeclineText('open-to-future', { ...allValues, company: '  ' });
    expect(text).toContain('for the Senior Product Designer role.');
    expect(text).toContain('future openings on your team');
  });

  it('treats whitespace-only values as missing and collapses line breaks inside a value', () => {
    const text = composeDeclineText('personal', {
      ...allValues,
      hiringManager: ' \n ',
      company: 'Acme\n  Corp',
    });
    expect(text.startsWith('Hi there,')).toBe(true);
    expect(text).toContain('Acme Corp');
  });

  it('never expands a placeholder that appears inside a value', () => {
    const text = composeDeclineText('timing', { ...allValues, hiringManager: '{your name}' });
    expect(text.startsWith('Hi {your name},')).toBe(true);
  });

  it('suggests a subject naming the role when known', () => {
    expect(suggestDeclineSubject('accepted-offer', allValues)).toBe(
      'Senior Product Designer interview: thank you, and an update',
    );
  });
});

describe('renderDeclineReply', () => {
  it('makes one <p> per paragraph and <br> between lines', () => {
    const reply = renderOrFail({
      reasonId: 'timing',
      values: allValues,
      text: 'Hi Dana,\n\nNo, thanks.\n\nBest,\nAlex',
    });
    expect(reply.html).toBe(
      '<div><p style="margin:0 0 1em 0">Hi Dana,</p><p style="margin:0 0 1em 0">No, thanks.</p>' +
        '<p style="margin:0 0 1em 0">Best,<br>Alex</p></div>',
    );
    expect(reply.text).toBe('Hi Dana,\n\nNo, thanks.\n\nBest,\nAlex');
  });

  it('uses the template text when the user has not edited it', () => {
    const reply = renderOrFail({ reasonId: 'personal', values: allValues });
    expect(reply.text).toBe(composeDeclineText('personal', allValues));
    expect(reply.html).toContain('For personal reasons');
  });

  it('escapes a <script> in any inserted value', () => {
    const reply = renderOrFail({
      reasonId: 'accepted-offer',
      values: { ...allValues, hiringManager: '<script>alert(1)</script>', company: 'A&B "Labs"' },
    });
    expect(reply.html).not.toContain('<script>');
    expect(reply.html).toContain('Hi &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(reply.html).toContain('A&amp;B &quot;Labs&quot;');
  });

  it('escapes the user’s edited text', () => {
    const reply = renderOrFail({
      reasonId: 'timing',
      values: allValues,
      text: 'Hi <b>Dana</b>\n\n<img src=x onerror=alert(1)>',
    });
    expect(reply.html).not.toMatch(/<b>|<img/);
    expect(reply.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('never lets any text produce a tag of its own (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (name, text) => {
        const result = renderDeclineReply({
          reasonId: 'personal',
          values: { ...allValues, hiringManager: name },
          text: text.trim() === '' ? null : text,
        });
        if (!result.ok) return result.error.kind === 'too-large';
        const tags = result.reply.html.match(/<[a-z/][^>]*>/g) ?? [];
        return tags.every((tag) => /^<\/?(div|p|br)( style="margin:0 0 1em 0")?>$/.test(tag));
      }),
    );
  });

  it('normalises CRLF, trims, and drops empty paragraphs', () => {
    const reply = renderOrFail({
      reasonId: 'timing',
      values: allValues,
      text: '\r\n  Hi\r\n\r\n\r\n \r\nBye  \r\n',
    });
    expect(reply.text).toBe('Hi\n\n\n \nBye');
    expect(splitParagraphs(reply.text)).toEqual([['Hi'], ['Bye']]);
  });

  it('reports an empty text as a typed error', () => {
    const result = renderDeclineReply({ reasonId: 'timing', values: allValues, text: ' \n\n ' });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ kind: 'empty-text' }) });
  });

  it('accepts a reply right at the 32 KB limit and refuses one byte more, without throwing', () => {
    const overhead = '<div><p style="margin:0 0 1em 0"></p></div>'.length;
    const atLimit = renderDeclineReply({
      reasonId: 'timing',
      values: allValues,
      text: 'x'.repeat(REPLY_HTML_LIMIT_BYTES - overhead),
    });
    expect(atLimit.ok && atLimit.reply.sizeBytes).toBe(REPLY_HTML_LIMIT_BYTES);

    const over = renderDeclineReply({
      reasonId: 'timing',
      values: allValues,
      text: 'x'.repeat(REPLY_HTML_LIMIT_BYTES - overhead + 1),
    });
    expect(over.ok).toBe(false);
    if (!over.ok && over.error.kind === 'too-large') {
      expect(over.error.sizeBytes).toBe(REPLY_HTML_LIMIT_BYTES + 1);
      expect(over.error.message).toMatch(/too long.*32\.0 KB/);
    } else {
      throw new Error('expected too-large');
    }
  });

  it('counts the limit in UTF-8 bytes, after escaping', () => {
    // "€" is 3 bytes of UTF-8 and "<" becomes the 4 bytes "&lt;": 18 000 + 8 000 fits; 33 000 does not.
    const fits = renderDeclineReply({
      reasonId: 'timing',
      values: allValues,
      text: '€'.repeat(6000) + '<'.repeat(2000),
    });
    expect(fits.ok).toBe(true);
    const tooBig = renderDeclineReply({ reasonId: 'timing', values: allValues, text: '€'.repeat(11_000) });
    expect(tooBig.ok).toBe(false);
  });
});

describe('renderDeclineReply with a tracking pixel (issue 5 seam)', () => {
  it('places one 1×1 image with empty alt after the sign-off, escaping the URL', () => {
    const reply = renderOrFail({
      reasonId: 'accepted-offer',
      values: allValues,
      trackingPixelUrl: 'https://track.example/p/abc.gif?x=1&y="2"',
    });
    expect(reply.html).toMatch(/Alex Rivera<\/p><img [^>]+><\/div>$/);
    expect(reply.html).toContain('src="https://track.example/p/abc.gif?x=1&amp;y=%222%22"');
    expect(reply.html).toContain('width="1" height="1" alt=""');
    expect(reply.html.match(/<img /g)).toHaveLength(1);
  });

  it('refuses a pixel URL that is not http(s)', () => {
    const result = renderDeclineReply({
      reasonId: 'timing',
      values: allValues,
      trackingPixelUrl: 'javascript:alert(1)',
    });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ kind: 'invalid-pixel-url' }) });
  });

  it('counts the pixel towards the size limit', () => {
    const overhead = '<div><p style="margin:0 0 1em 0"></p></div>'.length;
    const text = 'x'.repeat(REPLY_HTML_LIMIT_BYTES - overhead);
    expect(renderDeclineReply({ reasonId: 'timing', values: allValues, text }).ok).toBe(true);
    const withPixel = renderDeclineReply({
      reasonId: 'timing',
      values: allValues,
      text,
      trackingPixelUrl: 'https://t.example/p.gif',
    });
    expect(withPixel.ok).toBe(false);
  });
});
