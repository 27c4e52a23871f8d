import { describe, expect, it } from 'vitest';
import { changeAgentStatus, changeAgentStatusFor, statusChangeAudit } from './change-status.ts';
import type { Agent } from './model.ts';

const agent: Agent = {
  tenantId: 't1', agentId: 'a1', name: 'Анна', status: 'offline', statusSince: '2026-11-25T08:00:00.000Z',
  skills: [{ skill: 'sales', level: 5 }], queueIds: ['sales'], version: 3,
};
const now = new Date('2026-11-25T09:00:00.000Z');

describe('changeAgentStatus', () => {
  it('sets the new status, restarts its timer and bumps the version', () => {
    // Act
    const next = changeAgentStatus(agent, { status: 'break', reason: 'lunch' }, now);
    // Assert
    expect(next).toMatchObject({ status: 'break', breakReason: 'lunch', statusSince: now.toISOString(), version: 4 });
  });

  it('keeps the timer and version when the status is unchanged', () => {
    // Arrange
    const onBreak = { ...agent, status: 'break' as const, breakReason: 'lunch' as const };
    // Act
    const next = changeAgentStatus(onBreak, { status: 'break', reason: 'lunch' }, now);
    // Assert
    expect(next).toBe(onBreak);
  });

  it('clears the break reason when the agent becomes available', () => {
    // Arrange
    const onBreak = { ...agent, status: 'break' as const, breakReason: 'training' as const };
    // Act
    const next = changeAgentStatus(onBreak, { status: 'available' }, now);
    // Assert
    expect(next.breakReason).toBeUndefined();
    expect(next.status).toBe('available');
  });
});

describe('changeAgentStatus with routing state', () => {
  it('keeps an agent who still holds contacts busy when they choose available', () => {
    // Arrange
    const holding = { ...agent, status: 'break' as const, breakReason: 'lunch' as const, load: { voice: 0, chat: 2 }, wrapping: 0 };
    // Act
    const next = changeAgentStatus(holding, { status: 'available' }, now);
    // Assert
    expect(next).toMatchObject({ status: 'busy', version: 4 });
    expect(next.breakReason).toBeUndefined();
  });

  it('restarts the idle timer when the agent becomes available', () => {
    // Act
    const next = changeAgentStatus(agent, { status: 'available' }, now);
    // Assert
    expect(next.idleSince).toBe(now.toISOString());
  });
});

describe('a supervisor changing an agent’s status', () => {
  const by = { userId: 'sup', name: 'Олег Кузнецов', comment: 'Планёрка в 10:00' };

  it('signs the change with who and why, from the moment the status starts', () => {
    // Act
    const next = changeAgentStatusFor(agent, { status: 'break', reason: 'meeting' }, by, now);
    // Assert
    expect(next).toMatchObject({ status: 'break', breakReason: 'meeting', version: 4, statusSetBy: { ...by, at: now.toISOString() } });
  });

  it('changes nothing, and so signs nothing, when the agent has that status already', () => {
    // Arrange
    const onBreak = { ...agent, status: 'break' as const, breakReason: 'meeting' as const };
    // Act / Assert
    expect(changeAgentStatusFor(onBreak, { status: 'break', reason: 'meeting' }, by, now)).toBe(onBreak);
  });

  it('is forgotten when the agent sets a status themself', () => {
    // Arrange
    const set = changeAgentStatusFor(agent, { status: 'available' }, by, now);
    // Act
    const next = changeAgentStatus(set, { status: 'break', reason: 'lunch' }, new Date('2026-11-25T09:05:00.000Z'));
    // Assert
    expect(next.statusSetBy).toBeUndefined();
  });

  it('audits the status before and after, with the reason given', () => {
    // Arrange
    const next = changeAgentStatusFor(agent, { status: 'break', reason: 'meeting' }, by, now);
    // Act / Assert
    expect(statusChangeAudit(agent, next)).toEqual({ target: 'agent-status', targetId: 'a1', action: 'updated', before: { status: 'offline' }, after: { status: 'break', breakReason: 'meeting', comment: 'Планёрка в 10:00' } });
  });
});
