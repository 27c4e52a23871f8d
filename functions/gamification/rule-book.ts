/**
 * The tenant's achievement rules and quests as admins and supervisors edit them: the four built-in rules (changed,
 * never deleted) beside the tenant's own, quests for the team; every change versioned and audited.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '@cc/shared/auth/model';
import { BUILT_IN_RULES, BUILT_IN_RULE_IDS, isBuiltInRule } from '@cc/shared/gamification/built-in';
import type { AchievementRuleInput, QuestInput } from '@cc/shared/gamification/schema';
import { MAX_QUESTS, MAX_RULES, type AchievementRule, type Quest } from '@cc/shared/gamification/values';
import { ConflictError, InvalidRequestError, NotFoundError } from '@cc/shared/errors';
import type { Deps } from '../composition/deps.ts';
import type { AuditTrail } from '../admin/audit-trail.ts';

const CHANGED = 'Someone changed it meanwhile: reload and edit again';

type RuleBookDeps = Pick<Deps, 'gamification' | 'queues' | 'clock'>;

const builtIn = (tenantId: string, ruleId: keyof typeof BUILT_IN_RULES): AchievementRule => ({ ...BUILT_IN_RULES[ruleId], tenantId, ruleId, builtIn: true, version: 0, updatedAt: '1970-01-01T00:00:00.000Z' });

/** How long the stream's judge keeps a tenant's rules and quests: every contact change asks, edits are rare. */
export const JUDGED_RULES_TTL_MS = 15_000;

export class RuleBook {
  /** The rules and quests the stream judges with, per tenant, for the life of the process (edits here drop them). */
  private readonly judged = new Map<string, { at: number; rules: Promise<AchievementRule[]>; quests: Promise<Quest[]> }>();

  constructor(private readonly deps: RuleBookDeps, private readonly audit: Pick<AuditTrail, 'record'>) {}

  /**
   * The rules and quests for judging a change: read at most every {@link JUDGED_RULES_TTL_MS} per tenant, so the hot
   * path of the stream adds no query per contact change; an edit in another process applies within that time. The
   * API's own reads are always fresh.
   */
  forJudging(tenantId: string): { rules: Promise<AchievementRule[]>; quests: Promise<Quest[]> } {
    const cached = this.judged.get(tenantId);
    if (cached && Date.now() - cached.at < JUDGED_RULES_TTL_MS) return cached;
    const entry = { at: Date.now(), rules: this.rules(tenantId), quests: this.quests(tenantId) };
    // A failed read is not kept: the next change asks again.
    Promise.all([entry.rules, entry.quests]).catch(() => this.judged.delete(tenantId));
    this.judged.set(tenantId, entry);
    return entry;
  }

  /** Every rule of the tenant: the built-ins (as shipped or as changed) first, then its own by name. */
  async rules(tenantId: string): Promise<AchievementRule[]> {
    const stored = await this.deps.gamification.rules(tenantId);
    const byId = new Map(stored.map((r) => [r.ruleId, r]));
    const own = stored.filter((r) => !isBuiltInRule(r.ruleId)).sort((a, b) => a.name.ru.localeCompare(b.name.ru, 'ru'));
    return [...BUILT_IN_RULE_IDS.map((id) => byId.get(id) ?? builtIn(tenantId, id)), ...own];
  }

  async rule(tenantId: string, ruleId: string): Promise<AchievementRule> {
    const rule = (await this.rules(tenantId)).find((r) => r.ruleId === ruleId);
    if (!rule) throw new NotFoundError('AchievementRule', ruleId);
    return rule;
  }

  async createRule(principal: Principal, input: AchievementRuleInput): Promise<AchievementRule> {
    const own = (await this.deps.gamification.rules(principal.tenantId)).filter((r) => !isBuiltInRule(r.ruleId));
    if (own.length >= MAX_RULES) throw new InvalidRequestError(`At most ${MAX_RULES} own achievements per tenant: delete one first`, { reason: 'too_many_rules' });
    const rule: AchievementRule = { ...input, tenantId: principal.tenantId, ruleId: `ach-${randomUUID().slice(0, 8)}`, builtIn: false, version: 1, updatedAt: this.now(), updatedBy: principal.userId };
    await this.deps.gamification.putRule(rule);
    this.judged.delete(principal.tenantId);
    await this.audit.record(principal, { target: 'achievement-rule', targetId: rule.ruleId, action: 'created', after: rule });
    return rule;
  }

  /** @throws ConflictError `rule_changed` when `expectedVersion` is not the current one (0 for a built-in never changed) */
  async updateRule(principal: Principal, ruleId: string, expectedVersion: number, input: AchievementRuleInput): Promise<AchievementRule> {
    const before = await this.rule(principal.tenantId, ruleId);
    if (before.version !== expectedVersion) throw new ConflictError(CHANGED, { reason: 'rule_changed', version: before.version });
    const after: AchievementRule = { ...input, tenantId: before.tenantId, ruleId, builtIn: before.builtIn, version: before.version + 1, updatedAt: this.now(), updatedBy: principal.userId };
    await this.deps.gamification.putRule(after, before.version === 0 ? undefined : before.version).catch(changed('rule_changed'));
    this.judged.delete(principal.tenantId);
    await this.audit.record(principal, { target: 'achievement-rule', targetId: ruleId, action: 'updated', before, after });
    return after;
  }

  async deleteRule(principal: Principal, ruleId: string): Promise<void> {
    if (isBuiltInRule(ruleId)) throw new InvalidRequestError('A built-in achievement is not deleted: switch it off instead', { reason: 'built_in_rule' });
    const before = await this.rule(principal.tenantId, ruleId);
    await this.deps.gamification.deleteRule(principal.tenantId, ruleId, before.version).catch(changed('rule_changed'));
    this.judged.delete(principal.tenantId);
    await this.audit.record(principal, { target: 'achievement-rule', targetId: ruleId, action: 'deleted', before });
  }

  async quests(tenantId: string): Promise<Quest[]> {
    return (await this.deps.gamification.quests(tenantId)).sort((a, b) => a.name.ru.localeCompare(b.name.ru, 'ru'));
  }

  async quest(tenantId: string, questId: string): Promise<Quest> {
    const quest = (await this.deps.gamification.quests(tenantId)).find((q) => q.questId === questId);
    if (!quest) throw new NotFoundError('Quest', questId);
    return quest;
  }

  async createQuest(principal: Principal, input: QuestInput): Promise<Quest> {
    await this.checkQueues(principal.tenantId, input.queueIds);
    if ((await this.deps.gamification.quests(principal.tenantId)).length >= MAX_QUESTS) throw new InvalidRequestError(`At most ${MAX_QUESTS} quests per tenant: delete one first`, { reason: 'too_many_quests' });
    const quest: Quest = { ...input, tenantId: principal.tenantId, questId: `qst-${randomUUID().slice(0, 8)}`, version: 1, createdBy: principal.userId, updatedAt: this.now() };
    await this.deps.gamification.putQuest(quest);
    this.judged.delete(principal.tenantId);
    await this.audit.record(principal, { target: 'quest', targetId: quest.questId, action: 'created', after: quest });
    return quest;
  }

  async updateQuest(principal: Principal, questId: string, expectedVersion: number, input: QuestInput): Promise<Quest> {
    const before = await this.quest(principal.tenantId, questId);
    if (before.version !== expectedVersion) throw new ConflictError(CHANGED, { reason: 'quest_changed', version: before.version });
    await this.checkQueues(principal.tenantId, input.queueIds);
    const after: Quest = { ...input, tenantId: before.tenantId, questId, version: before.version + 1, createdBy: before.createdBy, updatedAt: this.now() };
    await this.deps.gamification.putQuest(after, before.version).catch(changed('quest_changed'));
    this.judged.delete(principal.tenantId);
    await this.audit.record(principal, { target: 'quest', targetId: questId, action: 'updated', before, after });
    return after;
  }

  async deleteQuest(principal: Principal, questId: string): Promise<void> {
    const before = await this.quest(principal.tenantId, questId);
    await this.deps.gamification.deleteQuest(principal.tenantId, questId, before.version).catch(changed('quest_changed'));
    this.judged.delete(principal.tenantId);
    await this.audit.record(principal, { target: 'quest', targetId: questId, action: 'deleted', before });
  }

  /** @throws InvalidRequestError naming the first queue the tenant does not have */
  private async checkQueues(tenantId: string, queueIds: readonly string[]) {
    for (const [i, queueId] of queueIds.entries()) {
      if (!(await this.deps.queues.get(tenantId, queueId))) throw new InvalidRequestError(`Unknown queue "${queueId}"`, { field: `queueIds.${i}` });
    }
  }

  private now() {
    return this.deps.clock.now().toISOString();
  }
}

const changed = (reason: string) => (error: unknown): never => {
  throw error instanceof ConflictError ? new ConflictError(CHANGED, { reason }, { cause: error }) : error;
};
