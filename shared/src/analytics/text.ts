/**
 * Words of a conversation as the analytics engine reads them: each token's place in the text, its normalised form
 * (lower case, ё as е, Latin look-alikes inside Cyrillic words read as Cyrillic, letters stretched for emphasis
 * squeezed), and its stem from the Snowball stemmer of its script (Russian for Cyrillic, English for Latin), so
 * «претензия», «претензию» and «претензии» meet on one stem. Stems are memoised: a conversation's vocabulary is small.
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- nlp.js ships no types, and the console's type check reaches this file too
/// <reference path="./nlpjs.d.ts" />
import StemmerEn from '@nlpjs/lang-en-min/src/stemmer-en.js';
import StemmerRu from '@nlpjs/lang-ru/src/stemmer-ru.js';
import { isSwearWord } from './profanity.ts';

export type Script = 'cyrillic' | 'latin' | 'other';

export interface Token {
  /** Offsets into the segment's text. */
  start: number;
  end: number;
  norm: string;
  stem: string;
  script: Script;
  /** The word hides letters behind `*`, `#`, `@`, `$`, `%` (a masked swear word: «х*й», «f**k»). */
  masked: boolean;
  /** A swear word by root or masked spelling (`profanity.ts`). */
  swear: boolean;
}

/** Letters, digits, apostrophes inside words, and the characters people mask letters with. */
const WORD = /[\p{L}\p{N}]+(?:['’*#@$%][\p{L}\p{N}*#@$%]*)*|[*#@$%]+[\p{L}][\p{L}\p{N}*#@$%]*/gu;
const MASK = /[*#@$%]/;
const CYRILLIC = /[а-яё]/;
const LATIN = /[a-z]/;
/** Latin letters and digits that stand in for Cyrillic ones in «xуй», «6лядь», «пи3дец». */
const LOOKALIKES: Readonly<Record<string, string>> = { a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у', u: 'и', '3': 'з', '0': 'о', '6': 'б' };

const russian = new StemmerRu();
const english = new StemmerEn();

interface WordForm {
  norm: string;
  stem: string;
  script: Script;
  masked: boolean;
  swear: boolean;
}

/** Memoised forms; bounded so a flood of distinct words cannot grow it without end. */
const forms = new Map<string, WordForm>();
const FORMS_MAX = 100_000;

function scriptOf(norm: string): Script {
  if (CYRILLIC.test(norm)) return 'cyrillic';
  if (LATIN.test(norm)) return 'latin';
  return 'other';
}

/** Lower case, ё as е, look-alikes fixed in Cyrillic words, three or more of the same letter squeezed to one. */
export function normalise(raw: string): string {
  let word = raw.toLowerCase().replaceAll('ё', 'е').replaceAll('’', "'");
  if (CYRILLIC.test(word) && /[a-z0-9]/.test(word)) word = [...word].map((ch) => LOOKALIKES[ch] ?? ch).join('');
  return word.replace(/(\p{L})\1{2,}/gu, '$1');
}

/** The stem of a normalised word in its script's stemmer (a masked word keeps its form: a stemmer cannot read it). */
export function stemOf(norm: string, script: Script = scriptOf(norm)): string {
  if (MASK.test(norm)) return norm;
  if (script === 'cyrillic') return russian.stemWord(norm);
  if (script === 'latin') return english.stemWord(norm.replaceAll("'", ''));
  return norm;
}

export function wordForm(raw: string): WordForm {
  const known = forms.get(raw);
  if (known) return known;
  const norm = normalise(raw);
  const script = scriptOf(norm);
  const masked = MASK.test(norm);
  const form = { norm, stem: stemOf(norm, script), script, masked, swear: isSwearWord(norm, masked) };
  if (forms.size >= FORMS_MAX) forms.clear();
  forms.set(raw, form);
  return form;
}

/** The tokens of one text, in order. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const last = match[0].at(-1);
    const raw = last === "'" || last === '’' ? match[0].replace(/['’]+$/, '') : match[0];
    const form = wordForm(raw);
    tokens.push({ start: match.index, end: match.index + raw.length, norm: form.norm, stem: form.stem, script: form.script, masked: form.masked, swear: form.swear });
  }
  return tokens;
}

/** Share of Cyrillic among the letters of `texts`: the language when none is given. */
export function cyrillicShare(texts: readonly string[]): number {
  let cyrillic = 0;
  let latin = 0;
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      // А–я, Ё, ё; then A–Z, a–z.
      if ((code >= 0x410 && code <= 0x44f) || code === 0x401 || code === 0x451) cyrillic += 1;
      else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin += 1;
    }
  }
  return cyrillic + latin === 0 ? 0 : cyrillic / (cyrillic + latin);
}
