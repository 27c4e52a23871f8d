import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_TARGETS } from '@cc/shared/audit/values';
import { translate, type Locale, type MessageKey } from '../../../i18n/messages.ts';
import { auditChangeText } from './audit-phrase.ts';

const t = (locale: Locale) => (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
const sentence = (locale: Locale, action: (typeof AUDIT_ACTIONS)[number], target: (typeof AUDIT_TARGETS)[number]) => {
  const { beforeId, afterId } = auditChangeText(t(locale), { action, target });
  return [beforeId, 'ID', afterId].filter(Boolean).join(' ');
};

describe('the change log’s sentences', () => {
  it('name the action as a noun and the target in the genitive in Russian, agreeing with every target', () => {
    // Act / Assert
    expect(sentence('ru', 'updated', 'queue')).toBe('Изменение очереди ID');
    expect(sentence('ru', 'created', 'topic')).toBe('Создание тематики ID');
    expect(sentence('ru', 'disabled', 'user')).toBe('Отключение пользователя ID');
    expect(sentence('ru', 'archived', 'quick-reply')).toBe('Перенос в архив быстрого ответа ID');
  });

  it('say the action the same way whatever the target, so nothing has to agree with a gender', () => {
    // Act
    const heads = AUDIT_ACTIONS.map((action) => new Set(AUDIT_TARGETS.map((target) => sentence('ru', action, target).slice(0, translate('ru', `audit.action.${action}`).length))));
    const words = AUDIT_ACTIONS.flatMap((action) => AUDIT_TARGETS.map((target) => sentence('ru', action, target))).flatMap((text) => text.toLowerCase().split(/\s+/));
    // Assert: one wording per action, and none of the participles the log used to show («Очередь sales создан»)
    expect(heads.map((forms) => [...forms])).toEqual(AUDIT_ACTIONS.map((action) => [translate('ru', `audit.action.${action}`)]));
    expect(words.filter((word) => /^(?:создан|изменён|отключён|включён|удалён)[аоы]?$|^(?:создана|изменена|отключена|включена|удалена)$/.test(word))).toEqual([]);
  });

  it('read as "Target id action" in English', () => {
    // Act / Assert
    expect(sentence('en', 'updated', 'queue')).toBe('Queue ID changed');
    expect(sentence('en', 'created', 'phone-number')).toBe('Phone number ID created');
  });
});
