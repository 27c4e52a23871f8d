import { describe, expect, it } from 'vitest';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { ProblemError } from '../../../api/errors.ts';
import { checkDraft, createBody, draftOf, serverErrors } from './user-draft.ts';

const queues = [{ queueId: 'support', name: 'Поддержка' }, { queueId: 'sales', name: 'Продажи' }] as TenantQueue[];

describe('the user form', () => {
  it('sends an agent with its served queues as routing entries, skills and capacity', () => {
    // Arrange
    const draft = { ...draftOf(queues), login: ' new@romashka.ru ', name: 'Вера', skills: [{ skill: 'support', level: '5' }] };
    draft.queues[0]!.selected = true;
    draft.queues[0]!.priority = '3';
    // Act / Assert
    expect(checkDraft(draft, 'create')).toEqual({});
    expect(createBody(draft)).toEqual({ login: 'new@romashka.ru', name: 'Вера', roles: ['agent'], agent: { skills: [{ skill: 'support', level: 5 }], profile: [{ queueId: 'support', priority: 3, delaySeconds: 0 }], capacity: { voice: 1, chat: 2 } } });
  });

  it('marks the login, the queues, a repeated skill and no capacity before sending', () => {
    const draft = { ...draftOf(queues), login: 'nope', name: 'Вера', skills: [{ skill: 'a', level: '1' }, { skill: 'A', level: '2' }], voice: '0', chat: '0' };
    expect(checkDraft(draft, 'create')).toEqual({ login: 'admin.users.error.login', 'agent.queues': 'admin.users.error.queues', 'agent.skills.1': 'admin.users.error.skill', 'agent.capacity': 'admin.users.error.capacity' });
  });

  it('sends no agent set-up for a supervisor', () => {
    const draft = { ...draftOf(queues), login: 'lead@romashka.ru', name: 'Лидия', roles: ['supervisor' as const] };
    expect(checkDraft(draft, 'create')).toEqual({});
    expect(createBody(draft).agent).toBeUndefined();
  });

  it('puts the server’s field errors on the fields: a taken login, and a 400 by path', () => {
    expect(serverErrors(new ProblemError(409, { type: 'x', title: 'Conflict', status: 409, reason: 'login_taken' }))).toEqual({ login: 'admin.users.error.loginTaken' });
    const refused = new ProblemError(400, { type: 'x', title: 'Bad Request', status: 400, errors: [{ path: 'agent.queueIds.0', message: 'No queue x' }, { path: 'agent.skills.2.level', message: 'too big' }] });
    expect(serverErrors(refused)).toEqual({ 'agent.queues': 'admin.users.error.queues', 'agent.skills.2': 'admin.users.error.skill', form: 'admin.users.form.fix' });
  });
});
