import { describe, expect, it } from 'vitest';
import { extractTexts, looksLikeEnglishSentence, normaliseCatalogueText } from '../../e2e/bundleText';

const texts = (src: string) => extractTexts(src).map((t) => t.text);

describe('bundle scan text extraction (tests/e2e/bundleText.ts)', () => {
  it('reads quoted strings with escapes', () => {
    expect(texts(`a("It's done.",'Say \\"hi\\"\\u2026',"line\\nbreak")`)).toEqual([
      "It's done.",
      'Say "hi"…',
      'line\nbreak',
    ]);
  });

  it('joins a template around its placeholders, nested templates included', () => {
    expect(texts('x=`Code of ${a.label} copied. ${b?`in ${c} s`:""}`')).toEqual([
      'in {} s',
      '',
      'Code of {} copied. {}',
    ]);
    expect(texts('x=`a ${{k:1}.k} b`')).toEqual(['a {} b']);
  });

  it('skips regular expressions and comments that hold quotes', () => {
    expect(texts(`/* "no" */ x=/["'\`]/g.test(s)?"yes":a/2/1; // 'not this'\ny="and this"`)).toEqual([
      'yes',
      'and this',
    ]);
    expect(texts('return/[/"]/.test(x)&&"ok"')).toEqual(['ok']);
  });

  it('matches catalogue placeholders in the same form', () => {
    expect(normaliseCatalogueText('Code of {label} copied.')).toBe('Code of {} copied.');
  });

  it('tells sentences from code', () => {
    for (const s of ['The password is not correct.', 'Code of {} copied.', 'Saved.', 'no answer within {} s'])
      expect(looksLikeEnglishSentence(s), s).toBe(true);
    for (const s of [
      'card card--danger',
      'form-message form-message--error keep-lines',
      'input, textarea, select',
      '#tot-user-id-block input',
      'smartapi-companion-history-{}.csv',
      'change click focusin focusout input keydown keyup',
      'display: none; color: red',
      'https://smartapi.angelbroking.com/docs',
      'Saved',
      'पासवर्ड सही नहीं है।',
    ])
      expect(looksLikeEnglishSentence(s), s).toBe(false);
  });
});
