import { describe, expect, it } from 'vitest';
import { CHANNEL_KINDS, isVoiceKind } from '@cc/shared/channels/catalog';
import { en } from './en.ts';
import { dictionaries, LOCALES, translate, translatePlural } from './messages.ts';
import { ru } from './ru.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('dictionaries', () => {
  it('have exactly the same keys in every language', () => {
    // Arrange
    const ruKeys = Object.keys(ru).sort();
    // Act / Assert
    for (const locale of LOCALES) expect(Object.keys(dictionaries[locale]).sort()).toEqual(ruKeys);
  });

  it('have no empty message', () => {
    for (const locale of LOCALES) {
      for (const [key, text] of Object.entries(dictionaries[locale])) expect(text.trim(), `${locale}:${key}`).not.toBe('');
    }
  });

  it('use the same placeholders for a key in every language', () => {
    for (const [key, text] of Object.entries(ru)) expect(placeholders(en[key as keyof typeof ru]), key).toEqual(placeholders(text));
  });

  it('name every channel kind, and title every kind of call, in every language', () => {
    // Arrange
    const keys = [...CHANNEL_KINDS.map((kind) => `channel.${kind}`), ...CHANNEL_KINDS.filter(isVoiceKind).map((kind) => `voice.title.${kind}`)];
    // Act / Assert
    for (const locale of LOCALES) for (const key of keys) expect(dictionaries[locale], `${locale}:${key}`).toHaveProperty([key]);
    expect(ru['channel.webcall']).toBe('Звонок с сайта');
  });

  it('keep Russian text in the Russian dictionary', () => {
    expect(ru['nav.workspace']).toBe('Рабочее место');
    expect(ru['nav.supervisor']).toBe('Супервизор');
    expect(ru['nav.admin']).toBe('Администрирование');
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('ru', 'workspace.since', { time: '14:05' })).toBe('с 14:05');
    expect(translate('en', 'workspace.since')).toBe('since {time}');
  });

  it('picks the Russian plural form by count', () => {
    expect(translatePlural('ru', 'supervisor.agents', 1)).toBe('1 агент');
    expect(translatePlural('ru', 'supervisor.agents', 3)).toBe('3 агента');
    expect(translatePlural('ru', 'supervisor.agents', 5)).toBe('5 агентов');
    expect(translatePlural('ru', 'supervisor.agents', 21)).toBe('21 агент');
    expect(translatePlural('en', 'supervisor.agents', 1)).toBe('1 agent');
    expect(translatePlural('en', 'supervisor.agents', 2)).toBe('2 agents');
  });
});
