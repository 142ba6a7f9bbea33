import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/core/decline/escape-html';

describe('escapeHtml', () => {
  it('escapes every character that can open a tag, an entity or end an attribute', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;',
    );
  });

  it('leaves ordinary text, including non-ASCII names, untouched', () => {
    expect(escapeHtml('Zoë Åkesson – 面接')).toBe('Zoë Åkesson – 面接');
  });

  it('escapes an existing entity again, so it shows literally', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});
