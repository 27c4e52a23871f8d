import { randomUUID } from 'node:crypto';
import { hasRole, type Principal } from '@cc/shared/auth/model';
import { ConflictError, InvalidRequestError, NotFoundError } from '@cc/shared/errors';
import type { ScriptContentInput } from '@cc/shared/scripts/schema';
import { wordingIssues } from '@cc/shared/scripts/wording';
import { SCRIPT_LIMITS, type PersonalWording, type Script, type ScriptContent, type ScriptVersion } from '@cc/shared/scripts/values';
import type { Deps } from '../composition/deps.ts';
import type { AuditTrail } from '../admin/audit-trail.ts';

type LibraryDeps = Pick<Deps, 'scripts' | 'queues' | 'agents' | 'clock'>;

/** Why a save lost: the editor reloads the script and shows the reason. */
const CHANGED = 'The script was changed by someone else meanwhile; reload it and apply your change again';

/** The content as stored: optional parts present only when given, so versions compare as written. */
const contentOf = (input: ScriptContentInput): ScriptContent => ({
  name: input.name,
  ...(input.description && { description: input.description }),
  kind: input.kind,
  start: input.start,
  steps: input.steps,
  attach: { queueIds: [...new Set(input.attach.queueIds)], ...(input.attach.channels?.length && { channels: [...new Set(input.attach.channels)] }), ...(input.attach.menuChoices?.length && { menuChoices: [...new Set(input.attach.menuChoices)] }) },
  personal: input.personal,
});

/**
 * The tenant's call scripts as supervisors edit them: every save is a new version (the old ones stay as they were,
 * so a conversation keeps the version it used), changes are audited, and agents word unlocked steps their own way.
 */
export class ScriptLibrary {
  constructor(private readonly deps: LibraryDeps, private readonly audit: AuditTrail) {}

  /** Supervisors: every script (archived ones too when asked). Agents: the live scripts of the queues they serve. */
  async visible(principal: Principal, options: { archived?: boolean } = {}): Promise<Script[]> {
    const scripts = (await this.deps.scripts.list(principal.tenantId)).sort((a, b) => a.name.localeCompare(b.name) || a.scriptId.localeCompare(b.scriptId));
    if (hasRole(principal.roles, 'supervisor')) return scripts.filter((s) => options.archived || !s.archived);
    const queues = new Set((await this.deps.agents.get(principal.tenantId, principal.userId))?.queueIds ?? []);
    return scripts.filter((s) => !s.archived && s.attach.queueIds.some((q) => queues.has(q)));
  }

  /** @throws NotFoundError for a script not in the tenant, or not one an agent may see. */
  async get(principal: Principal, scriptId: string): Promise<Script> {
    const script = await this.deps.scripts.get(principal.tenantId, scriptId);
    if (!script || (!hasRole(principal.roles, 'supervisor') && !(await this.visible(principal)).some((s) => s.scriptId === scriptId))) throw new NotFoundError('Script', scriptId);
    return script;
  }

  /** One saved version. @throws NotFoundError */
  async version(principal: Principal, scriptId: string, version: number): Promise<ScriptVersion> {
    await this.get(principal, scriptId);
    const saved = await this.deps.scripts.getVersion(principal.tenantId, scriptId, version);
    if (!saved) throw new NotFoundError('Script version', `${scriptId}@${version}`);
    return saved;
  }

  async versions(principal: Principal, scriptId: string) {
    await this.get(principal, scriptId);
    return (await this.deps.scripts.listVersions(principal.tenantId, scriptId)).sort((a, b) => b.version - a.version);
  }

  async create(principal: Principal, input: ScriptContentInput): Promise<Script> {
    const content = contentOf(input);
    await this.checkQueues(principal.tenantId, content);
    const live = (await this.deps.scripts.list(principal.tenantId)).filter((s) => !s.archived);
    if (live.length >= SCRIPT_LIMITS.perTenant) throw new InvalidRequestError(`At most ${SCRIPT_LIMITS.perTenant} scripts per tenant: archive one first`, { reason: 'too_many_scripts' });
    const at = this.deps.clock.now().toISOString();
    const script: Script = { ...content, tenantId: principal.tenantId, scriptId: `scr-${randomUUID().slice(0, 8)}`, version: 1, createdAt: at, updatedAt: at, updatedBy: principal.userId };
    await this.deps.scripts.create(script, this.versionOf(script));
    await this.audit.record(principal, { target: 'script', targetId: script.scriptId, action: 'created', after: script });
    return script;
  }

  /** Saves `input` as the next version. @throws ConflictError `script_changed` when `expectedVersion` is not the current one */
  async update(principal: Principal, scriptId: string, expectedVersion: number, input: ScriptContentInput): Promise<Script> {
    const before = await this.get(principal, scriptId);
    if (before.archived) throw new ConflictError('The script is archived', { reason: 'script_archived' });
    if (before.version !== expectedVersion) throw new ConflictError(CHANGED, { reason: 'script_changed', version: before.version });
    const content = contentOf(input);
    await this.checkQueues(principal.tenantId, content);
    const after: Script = { ...content, tenantId: before.tenantId, scriptId, version: before.version + 1, createdAt: before.createdAt, updatedAt: this.deps.clock.now().toISOString(), updatedBy: principal.userId };
    await this.deps.scripts.saveVersion(after, this.versionOf(after), expectedVersion).catch((error: unknown) => {
      throw error instanceof ConflictError ? new ConflictError(CHANGED, { reason: 'script_changed' }, { cause: error }) : error;
    });
    await this.audit.record(principal, { target: 'script', targetId: scriptId, action: 'updated', before, after });
    return after;
  }

  async archive(principal: Principal, scriptId: string): Promise<void> {
    const before = await this.get(principal, scriptId);
    if (before.archived) return;
    await this.deps.scripts.archive(principal.tenantId, scriptId, before.version, this.deps.clock.now().toISOString()).catch((error: unknown) => {
      throw error instanceof ConflictError ? new ConflictError(CHANGED, { reason: 'script_changed' }, { cause: error }) : error;
    });
    await this.audit.record(principal, { target: 'script', targetId: scriptId, action: 'deleted', before });
  }

  /** The caller's own wording of the script, if any. */
  async wording(principal: Principal, scriptId: string): Promise<PersonalWording | undefined> {
    await this.get(principal, scriptId);
    return this.deps.scripts.getWording(principal.tenantId, scriptId, principal.userId);
  }

  /** Saves the caller's wording of unlocked steps. @throws InvalidRequestError, ConflictError `wording_changed` */
  async putWording(principal: Principal, scriptId: string, body: { baseVersion: number; texts: Record<string, string>; version?: number | undefined }): Promise<PersonalWording> {
    const script = await this.get(principal, scriptId);
    const base = body.baseVersion === script.version ? script : await this.deps.scripts.getVersion(principal.tenantId, scriptId, body.baseVersion);
    if (!base) throw new InvalidRequestError(`The script has no version ${body.baseVersion}`, { field: 'baseVersion' });
    const issues = wordingIssues(script, body.texts);
    if (issues.length) throw new InvalidRequestError(issues[0]!.message, { field: issues[0]!.path.join('.'), reason: 'wording_refused' });
    const stored = await this.deps.scripts.getWording(principal.tenantId, scriptId, principal.userId);
    if (stored && body.version !== stored.version) throw new ConflictError('Your wording was changed in another window; reload it', { reason: 'wording_changed', version: stored.version });
    const wording: PersonalWording = { tenantId: principal.tenantId, scriptId, agentId: principal.userId, baseVersion: body.baseVersion, texts: body.texts, version: (stored?.version ?? 0) + 1, updatedAt: this.deps.clock.now().toISOString() };
    await this.deps.scripts.putWording(wording, stored?.version).catch((error: unknown) => {
      throw error instanceof ConflictError ? new ConflictError('Your wording was changed in another window; reload it', { reason: 'wording_changed' }, { cause: error }) : error;
    });
    return wording;
  }

  /** @throws InvalidRequestError (field `attach.queueIds`) for a queue not in the tenant. */
  private async checkQueues(tenantId: string, content: ScriptContent) {
    const queues = await this.deps.queues.list(tenantId);
    const known = new Set(queues.map((q) => q.queueId));
    const unknown = content.attach.queueIds.find((id) => !known.has(id));
    if (unknown !== undefined) throw new InvalidRequestError(`No queue "${unknown}" in this tenant`, { field: 'attach.queueIds' });
  }

  private versionOf(script: Script): ScriptVersion {
    const { archived: _archived, createdAt: _created, updatedAt, updatedBy, ...content } = script;
    return { ...content, savedAt: updatedAt, savedBy: updatedBy };
  }
}
