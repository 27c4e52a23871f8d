import type { Role } from '@cc/shared/auth/model';
import type { TenantQueue } from '@cc/shared/queues/ports';
import type { CreateUserBody, UpdateUserBody, UserAdminView } from '@cc/shared/users/model';
import { DEFAULT_CAPACITY, USER_LIMITS } from '@cc/shared/users/values';
import type { ProblemError } from '../../../api/errors.ts';
import type { MessageKey } from '../../../i18n/messages.ts';

/** One queue row of the form: served or not, with its routing bonus and delay as typed. */
export interface QueueDraft {
  queueId: string;
  name: string;
  selected: boolean;
  priority: string;
  delaySeconds: string;
}

/** The user form as typed: text stays text until it is sent. */
export interface UserDraft {
  login: string;
  name: string;
  roles: Role[];
  skills: { skill: string; level: string }[];
  queues: QueueDraft[];
  voice: string;
  chat: string;
}

/** Field → message; `form` for what belongs to no one field. */
export type FieldErrors = Partial<Record<string, MessageKey>>;

/** A fresh draft (new user) or one filled from `user` (edit), over the tenant's queues. */
export function draftOf(queues: TenantQueue[], user?: UserAdminView): UserDraft {
  const profile = new Map((user?.agent?.profile ?? []).map((p) => [p.queueId, p]));
  return {
    login: user?.login ?? '',
    name: user?.name ?? '',
    roles: user?.roles ?? ['agent'],
    skills: (user?.agent?.skills ?? []).map((s) => ({ skill: s.skill, level: String(s.level) })),
    queues: queues.map((q) => {
      const entry = profile.get(q.queueId);
      return { queueId: q.queueId, name: q.name, selected: Boolean(entry), priority: String(entry?.priority ?? 0), delaySeconds: String(entry?.delaySeconds ?? 0) };
    }),
    voice: String(user?.agent?.capacity.voice ?? DEFAULT_CAPACITY.voice),
    chat: String(user?.agent?.capacity.chat ?? DEFAULT_CAPACITY.chat),
  };
}

const integer = (text: string, min: number, max: number) => {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
};

/** What the form catches before sending (the server's schema checks the same and more; its answer is mapped below). */
export function checkDraft(draft: UserDraft, mode: 'create' | 'edit'): FieldErrors {
  const errors: FieldErrors = {};
  const L = USER_LIMITS;
  if (mode === 'create' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(draft.login.trim())) errors.login = 'admin.users.error.login';
  if (!draft.name.trim()) errors.name = 'admin.users.error.name';
  if (draft.roles.length === 0) errors.roles = 'admin.users.error.roles';
  if (!draft.roles.includes('agent')) return errors;
  if (!draft.queues.some((q) => q.selected && integer(q.priority, L.priorityMin, L.priorityMax) !== undefined && integer(q.delaySeconds, 0, L.delayMaxSeconds) !== undefined)) errors['agent.queues'] = 'admin.users.error.queues';
  const names = draft.skills.map((s) => s.skill.trim().toLocaleLowerCase());
  draft.skills.forEach((s, i) => {
    if (!names[i] || names.indexOf(names[i]) !== i || integer(s.level, L.skillLevelMin, L.skillLevelMax) === undefined) errors[`agent.skills.${i}`] = 'admin.users.error.skill';
  });
  const voice = integer(draft.voice, 0, L.voiceCapacityMax);
  const chat = integer(draft.chat, 0, L.chatCapacityMax);
  if (voice === undefined || chat === undefined || voice + chat === 0) errors['agent.capacity'] = 'admin.users.error.capacity';
  return errors;
}

function agentOf(draft: UserDraft) {
  return {
    skills: draft.skills.map((s) => ({ skill: s.skill.trim(), level: Number(s.level) })),
    profile: draft.queues.filter((q) => q.selected).map((q) => ({ queueId: q.queueId, priority: Number(q.priority), delaySeconds: Number(q.delaySeconds) })),
    capacity: { voice: Number(draft.voice), chat: Number(draft.chat) },
  };
}

/** `POST /api/users`'s body; the agent set-up only for the agent role. */
export function createBody(draft: UserDraft): CreateUserBody {
  return { login: draft.login.trim(), name: draft.name.trim(), roles: draft.roles, ...(draft.roles.includes('agent') && { agent: agentOf(draft) }) };
}

/** `PATCH /api/users/:id`'s body: name, roles and (for agents) the whole set-up. */
export function updateBody(draft: UserDraft): UpdateUserBody {
  return { name: draft.name.trim(), roles: draft.roles, ...(draft.roles.includes('agent') && { agent: agentOf(draft) }) };
}

/** The server's refusal as field messages: a 409 for a taken login, a 400's `errors[]` by path (the same schema's paths). */
export function serverErrors(error: ProblemError): FieldErrors {
  if (error.status === 409 && error.problem?.reason === 'login_taken') return { login: 'admin.users.error.loginTaken' };
  const errors: FieldErrors = {};
  const issues = (error.problem?.errors ?? []) as { path?: unknown }[];
  for (const { path } of issues) {
    const p = typeof path === 'string' ? path : '';
    const skill = /^agent\.skills\.(\d+)/.exec(p);
    if (p === 'login') errors.login = 'admin.users.error.login';
    else if (p === 'name') errors.name = 'admin.users.error.name';
    else if (p.startsWith('roles')) errors.roles = 'admin.users.error.roles';
    else if (skill) errors[`agent.skills.${skill[1]}`] = 'admin.users.error.skill';
    else if (p.startsWith('agent.capacity')) errors['agent.capacity'] = 'admin.users.error.capacity';
    else if (p === 'agent' || p.startsWith('agent.queueIds') || p.startsWith('agent.profile')) errors['agent.queues'] = 'admin.users.error.queues';
  }
  errors.form = error.status === 400 ? 'admin.users.form.fix' : 'admin.users.error.save';
  return errors;
}
