/**
 * Pulls the text out of built (minified) JavaScript for the bundle scan (bundleScan.e2e.ts):
 * a small tokenizer that knows comments, '…' and "…" strings, `…${…}…` templates (nested) and
 * regular-expression literals, so quotes inside a regex or a comment never start a "string".
 *
 * Minifiers join `'a ' + b + ' c'` into the template `a ${b} c`, so every template is reported
 * as one text with each `${…}` replaced by PLACEHOLDER; catalogue texts get the same treatment
 * for their `{name}` placeholders (normaliseCatalogueText), and the two compare as equal.
 */

/** Stands for an interpolated value in both bundle texts and catalogue texts. */
export const PLACEHOLDER = '{}';

export interface FoundText {
  /** The decoded text (escapes resolved), `${…}` replaced by PLACEHOLDER. */
  text: string;
  /** Byte offset of the literal in the file (for the report). */
  offset: number;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Reads one escape after a backslash at `i` (pointing at the backslash); returns [text, next index]. */
function readEscape(src: string, i: number): [string, number] {
  const c = src[i + 1]!;
  if (c in ESCAPES && !(c === '0' && /\d/.test(src[i + 2] ?? ''))) return [ESCAPES[c]!, i + 2];
  if (c === 'x') return [String.fromCharCode(parseInt(src.slice(i + 2, i + 4), 16)), i + 4];
  if (c === 'u') {
    if (src[i + 2] === '{') {
      const end = src.indexOf('}', i + 3);
      return [String.fromCodePoint(parseInt(src.slice(i + 3, end), 16)), end + 1];
    }
    return [String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16)), i + 6];
  }
  if (c === '\r' && src[i + 2] === '\n') return ['', i + 3];
  if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') return ['', i + 2];
  return [c, i + 2];
}

// After these a '/' starts a regular expression, not a division.
const REGEX_AFTER_WORD = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
]);

/** Every string and template literal of `src`, decoded. */
export function extractTexts(src: string): FoundText[] {
  const out: FoundText[] = [];
  // Stack of template states: each entry is the brace depth at which its `${` was opened.
  const templates: { depth: number; parts: string[]; offset: number }[] = [];
  let depth = 0;
  // Whether a '/' here would start a regex (no value just before it).
  let regexAllowed = true;
  let i = 0;
  const n = src.length;

  /** Reads template characters from i up to '`' (end) or '${' (an expression starts). */
  const readTemplateChunk = (): void => {
    const t = templates[templates.length - 1]!;
    let text = '';
    while (i < n) {
      const c = src[i]!;
      if (c === '\\') {
        const [s, next] = readEscape(src, i);
        text += s;
        i = next;
      } else if (c === '`') {
        t.parts.push(text);
        i++;
        templates.pop();
        out.push({ text: t.parts.join(PLACEHOLDER), offset: t.offset });
        regexAllowed = false;
        return;
      } else if (c === '$' && src[i + 1] === '{') {
        t.parts.push(text);
        i += 2;
        t.depth = depth;
        depth++;
        regexAllowed = true;
        return;
      } else {
        text += c;
        i++;
      }
    }
    throw new Error(`unterminated template literal at ${t.offset}`);
  };

  while (i < n) {
    const c = src[i]!;
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '/' && src[i + 1] === '/') {
      const end = src.indexOf('\n', i);
      i = end < 0 ? n : end;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === '"' || c === "'") {
      const start = i;
      let text = '';
      i++;
      while (i < n && src[i] !== c) {
        if (src[i] === '\\') {
          const [s, next] = readEscape(src, i);
          text += s;
          i = next;
        } else text += src[i++];
      }
      i++;
      out.push({ text, offset: start });
      regexAllowed = false;
    } else if (c === '`') {
      templates.push({ depth: -1, parts: [], offset: i });
      i++;
      readTemplateChunk();
    } else if (c === '/' && regexAllowed) {
      // A regular expression literal: skip it, classes ([...]) may hold an unescaped '/'.
      i++;
      let inClass = false;
      while (i < n) {
        const r = src[i]!;
        if (r === '\\') i += 2;
        else {
          if (r === '[') inClass = true;
          else if (r === ']') inClass = false;
          else if (r === '/' && !inClass) break;
          else if (r === '\n') break;
          i++;
        }
      }
      i++;
      while (i < n && /[a-z]/i.test(src[i]!)) i++;
      regexAllowed = false;
    } else if (c === '{' || c === '(' || c === '[') {
      if (c === '{') depth++;
      i++;
      regexAllowed = true;
    } else if (c === '}') {
      depth--;
      i++;
      const t = templates[templates.length - 1];
      if (t && t.depth === depth) readTemplateChunk();
      else regexAllowed = true;
    } else if (c === ')' || c === ']') {
      i++;
      regexAllowed = false;
    } else if (/[\p{L}\p{N}_$]/u.test(c)) {
      const start = i;
      while (i < n && /[\p{L}\p{N}_$]/u.test(src[i]!)) i++;
      regexAllowed = REGEX_AFTER_WORD.has(src.slice(start, i));
    } else {
      // Operators and punctuation: after them a value (so possibly a regex) comes next.
      i++;
      regexAllowed = !(c === '.' && /\d/.test(src[i] ?? ''));
    }
  }
  return out;
}

/** A catalogue text with its `{name}` placeholders in the bundle texts' form. */
export function normaliseCatalogueText(text: string): string {
  return text.replace(/\{[A-Za-z_][\w]*\}/g, PLACEHOLDER);
}

// Short words that make a run of lowercase words a sentence rather than a list of names.
const FUNCTION_WORDS = new Set(
  'a an the to of and or is are was in on at by for from with not no be this that it its your you can could'.split(
    ' ',
  ),
);

/**
 * Does this text read like an English sentence a user would see? Three or more words, or a
 * capitalised text ending in . ! ? — and not code: CSS classes, HTML, selectors, URLs, file
 * names, identifiers, lists of event or property names.
 */
export function looksLikeEnglishSentence(raw: string): boolean {
  const text = raw.split(PLACEHOLDER).join('X').trim();
  if (text.length < 4 || text.length > 2_000) return false;
  // Hindi (Devanagari) texts are the Hindi catalogues; the scan is about English.
  if (/[\u0900-\u097F]/.test(text)) return false;
  // Code, markup, styles, selectors, URLs, paths.
  if (/[<>{};=|\\^~]|=>|\/\/|\b(function|return|var|const|let)\b|\w\(|:\s*\d+px|^[#.[]/.test(text))
    return false;
  const tokens = text.split(/\s+/);
  // A selector list: "input, textarea, select".
  if (text.includes(',') && text.split(/,\s*/).every((part) => /^[\w#.[\]="'-]+$/.test(part))) return false;
  // Words proper: letters only (an apostrophe or closing punctuation allowed); CSS classes
  // (card--danger, step__badge), file names and camelCase identifiers are not words.
  const words = tokens.filter((t) => /^[("']?[A-Za-z][a-z]*(?:'[a-z]+)?[)"',.:!?]*$/.test(t));
  const letters = (text.match(/[A-Za-z]/g) ?? []).length;
  if (letters < text.replace(/\s/g, '').length * 0.6) return false;
  // A long run of lowercase names without a single function word is a list, not a sentence.
  if (tokens.length >= 5 && !/[.!?:,]/.test(text) && !tokens.some((t) => FUNCTION_WORDS.has(t.toLowerCase())))
    return false;
  if (words.length >= 3) return true;
  return words.length >= 1 && /^[A-Z]/.test(text) && /[.!?]$/.test(text);
}
