import { describe, expect, it } from 'vitest';
import { ru } from './ru.ts';

/** Placeholders that stand for a person, whose grammatical gender the console does not know. */
const PERSON = /\{(?:name|agent)\}/;
/** A Russian past-tense verb or short participle, whose ending depends on the subject's gender («изменил», «изменила», «установлен»). */
const GENDERED = /^(?:[а-яё]+(?:ил|ал|ял|ел|ул|ыл)а?|[а-яё]+(?:ан|ен|ён)а?)$/i;

describe('Russian messages about a person', () => {
  it('never put a gendered verb next to the person’s name (e.g. «Статус установил {name}»)', () => {
    // Act: the word before each person placeholder («установил {name}»), and after one that opens the message
    // («{name} изменила…»); `{name}` may also be a queue's name, whose noun comes first («Очередь «{name}» создана»).
    const offenders = Object.entries(ru).flatMap(([key, text]) => {
      if (!PERSON.test(text)) return [];
      const words = text.split(/\s+/).map((word) => word.replace(/[«»“”":,.!?()]/g, ''));
      return words.flatMap((word, index) => (PERSON.test(word) ? [words[index - 1], index === 0 ? words[1] : undefined] : [])).filter((word): word is string => !!word && GENDERED.test(word)).map((word) => `${key}: ${word}`);
    });
    // Assert
    expect(offenders).toEqual([]);
  });

  it('tell the agent who set their status without guessing that person’s gender', () => {
    // Act / Assert
    expect(ru['statusChange.setBy']).toBe('Статус изменён — {name}: «{comment}»');
  });
});
