// The two Snowball stemmers we load from nlp.js (its packages ship no types). Only `stemWord` is used.
declare module '@nlpjs/lang-ru/src/stemmer-ru.js' {
  export default class StemmerRu {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-en-min/src/stemmer-en.js' {
  export default class StemmerEn {
    stemWord(word: string): string;
  }
}
