import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from '@/utils/ship/markdown';

describe('markdown for the privacy page', () => {
  it('reads headings, paragraphs joined across lines, and lists with continuation lines', () => {
    const blocks = parseMarkdown(
      '# Title\n\nFirst line\nsecond line.\n\n<!-- hidden -->\n- one\n  more\n- `two`\n\n## Next',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, inlines: [{ kind: 'text', text: 'Title' }] },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'First line second line.' }] },
      {
        kind: 'list',
        items: [[{ kind: 'text', text: 'one more' }], [{ kind: 'code', text: 'two' }]],
      },
      { kind: 'heading', level: 2, inlines: [{ kind: 'text', text: 'Next' }] },
    ]);
  });

  it('reads code, bold, italic and links; HTML stays text', () => {
    expect(parseInline('a `x_y` **b** _c_ [d](e.md) <img src=x onerror=alert(1)> snake_case_name')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'code', text: 'x_y' },
      { kind: 'text', text: ' ' },
      { kind: 'strong', text: 'b' },
      { kind: 'text', text: ' ' },
      { kind: 'em', text: 'c' },
      { kind: 'text', text: ' ' },
      { kind: 'link', text: 'd', href: 'e.md' },
      { kind: 'text', text: ' <img src=x onerror=alert(1)> snake_case_name' },
    ]);
  });

  it('reads both privacy policies without losing a section', () => {
    for (const file of ['PRIVACY.md', 'docs/PRIVACY.hi.md']) {
      const blocks = parseMarkdown(readFileSync(file, 'utf8'));
      expect(blocks.filter((b) => b.kind === 'heading')).toHaveLength(6);
      expect(JSON.stringify(blocks)).not.toMatch(/<!--|^#/);
    }
  });
});
