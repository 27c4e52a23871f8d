import { describe, expect, it } from 'vitest';
import type { Agent } from '@cc/shared/agents/model';
import { applyAgentList, applyAgentUpdate, countByStatus, filterAgents, sortAgents } from './agent-board.ts';

const agent = (agentId: string, overrides: Partial<Agent> = {}): Agent => ({
  tenantId: 't',
  agentId,
  name: agentId,
  status: 'offline',
  statusSince: '2026-01-01T09:00:00Z',
  skills: [],
  queueIds: [],
  version: 1,
  ...overrides,
});

describe('applyAgentUpdate', () => {
  it('replaces an agent with a newer version', () => {
    // Arrange
    const board = new Map([['a', agent('a')]]);
    // Act
    const next = applyAgentUpdate(board, agent('a', { status: 'break', breakReason: 'lunch', version: 2 }));
    // Assert
    expect(next.get('a')).toMatchObject({ status: 'break', breakReason: 'lunch' });
  });

  it('ignores a push older than what the board holds', () => {
    const board = new Map([['a', agent('a', { status: 'available', version: 5 })]]);
    const next = applyAgentUpdate(board, agent('a', { status: 'offline', version: 4 }));
    expect(next).toBe(board);
  });

  it('adds an agent it has not seen', () => {
    expect(applyAgentUpdate(new Map(), agent('b')).has('b')).toBe(true);
  });
});

describe('applyAgentList', () => {
  it('takes the list but keeps a pushed copy that is newer than the listed one', () => {
    // Arrange
    const board = new Map([
      ['a', agent('a', { status: 'busy', version: 7 })],
      ['gone', agent('gone')],
    ]);
    // Act
    const next = applyAgentList(board, [agent('a', { status: 'available', version: 6 }), agent('b')]);
    // Assert
    expect([...next.keys()].sort()).toEqual(['a', 'b']);
    expect(next.get('a')?.status).toBe('busy');
  });
});

describe('countByStatus', () => {
  it('counts every status, zero included', () => {
    expect(countByStatus([agent('a', { status: 'break' }), agent('b', { status: 'break' }), agent('c', { status: 'available' })])).toEqual({
      available: 1,
      busy: 0,
      'after-contact-work': 0,
      break: 2,
      offline: 0,
    });
  });
});

describe('sortAgents and filterAgents', () => {
  const collator = new Intl.Collator('ru-RU');
  const people = [
    agent('1', { name: 'Мария', status: 'offline' }),
    agent('2', { name: 'Анна', status: 'break' }),
    agent('3', { name: 'Дмитрий', status: 'available' }),
    agent('4', { name: 'Алексей', status: 'available' }),
  ];

  it('orders by status, available first, then by name', () => {
    expect(sortAgents(people, collator).map((a) => a.name)).toEqual(['Алексей', 'Дмитрий', 'Анна', 'Мария']);
  });

  it('filters by status and by a case-insensitive name search', () => {
    expect(filterAgents(people, 'available', '').map((a) => a.name)).toEqual(['Дмитрий', 'Алексей']);
    expect(filterAgents(people, undefined, 'ан').map((a) => a.name)).toEqual(['Анна']);
  });
});
