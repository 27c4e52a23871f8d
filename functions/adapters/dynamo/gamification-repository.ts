import { BatchGetCommand, DeleteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mondayOf } from '@cc/shared/calendar/values';
import { keys } from '@cc/shared/db/keys';
import { ConflictError, NotFoundError } from '@cc/shared/errors';
import { settlementKey, type GamificationRepository } from '@cc/shared/gamification/ports';
import { awardSource, type AchievementRule, type Award, type GamePeriod, type Quest } from '@cc/shared/gamification/values';
import { translateConflict, type DynamoTable } from './table.ts';

/** Awards and points outlive the month they were earned in by a year: the boards read the current periods. */
const AWARD_TTL_SECONDS = 400 * 86_400;

const versionIs = (expected: number) => ({ expression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expected } });

/**
 * Gamification (pattern 48): a tenant's rules, quests and settled periods in one partition; a period's awards in a
 * partition of their own (the board reads the team's in one query), and the agents' points per day, week and month,
 * added in the award's transaction, so an award counts exactly once however often the stream delivers it.
 */
export class DynamoGamificationRepository implements GamificationRepository {
  constructor(private readonly table: DynamoTable) {}

  rules(tenantId: string) {
    const { pk, rulePrefix } = keys.gameOf(tenantId);
    return this.table.queryAll<AchievementRule>({ pk, skPrefix: rulePrefix });
  }

  putRule(rule: AchievementRule, expectedVersion?: number) {
    return this.table.put('achievementRule', { ...rule, ...keys.achievementRule(rule.tenantId, rule.ruleId) }, expectedVersion === undefined ? { expression: 'attribute_not_exists(pk)' } : versionIs(expectedVersion));
  }

  deleteRule(tenantId: string, ruleId: string, expectedVersion: number) {
    return this.delete(keys.achievementRule(tenantId, ruleId), expectedVersion, 'AchievementRule', ruleId);
  }

  quests(tenantId: string) {
    const { pk, questPrefix } = keys.gameOf(tenantId);
    return this.table.queryAll<Quest>({ pk, skPrefix: questPrefix });
  }

  putQuest(quest: Quest, expectedVersion?: number) {
    return this.table.put('quest', { ...quest, ...keys.quest(quest.tenantId, quest.questId) }, expectedVersion === undefined ? { expression: 'attribute_not_exists(pk)' } : versionIs(expectedVersion));
  }

  deleteQuest(tenantId: string, questId: string, expectedVersion: number) {
    return this.delete(keys.quest(tenantId, questId), expectedVersion, 'Quest', questId);
  }

  async award(award: Award, pointsOn: string): Promise<boolean> {
    const expiresAt = Math.floor(Date.parse(award.earnedAt) / 1000) + AWARD_TTL_SECONDS;
    const key = keys.award(award.tenantId, award.period, award.periodKey, award.agentId, awardSource(award));
    const add = (period: GamePeriod, periodKey: string) => ({
      Update: {
        TableName: this.table.tableName,
        Key: keys.agentPoints(award.tenantId, period, periodKey, award.agentId),
        UpdateExpression: 'SET entity = :entity, agentId = :agent, expiresAt = if_not_exists(expiresAt, :expires) ADD points :points',
        ExpressionAttributeValues: { ':entity': 'agentPoints', ':agent': award.agentId, ':expires': expiresAt, ':points': award.points },
      },
    });
    try {
      await this.table.documents.send(new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.table.tableName, Item: { ...award, ...key, entity: 'award', expiresAt }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ...(award.points > 0 ? [add('day', pointsOn), add('week', mondayOf(pointsOn)), add('month', `${pointsOn.slice(0, 8)}01`)] : []),
        ],
      }));
      return true;
    } catch (error) {
      const translated = translateConflict(error, { entity: 'award' });
      if (translated instanceof ConflictError) return false;
      throw translated;
    }
  }

  async awardsOf(tenantId: string, period: GamePeriod, periodKey: string, agentId?: string) {
    const { pk } = keys.awardsOf(tenantId, period, periodKey);
    return this.table.queryAll<Award>(agentId === undefined ? { pk } : { pk, skPrefix: `${agentId}#` });
  }

  async points(tenantId: string, period: GamePeriod, periodKey: string) {
    const rows = await this.table.queryAll<{ agentId: string; points?: number }>(keys.pointsOf(tenantId, period, periodKey));
    return new Map(rows.map((row) => [row.agentId, row.points ?? 0]));
  }

  async settledOf(tenantId: string, periods: readonly { period: GamePeriod; key: string }[]) {
    const settled = new Set<string>();
    if (periods.length === 0) return settled;
    let requested: Record<string, unknown>[] = periods.map(({ period, key }) => keys.gameSettlement(tenantId, period, key));
    // Unprocessed keys are asked again: a throttled batch must not read as "not settled" and settle twice for nothing.
    for (let attempt = 0; requested.length > 0 && attempt < 5; attempt += 1) {
      const result = await this.table.documents.send(new BatchGetCommand({ RequestItems: { [this.table.tableName]: { Keys: requested, ProjectionExpression: '#period, periodKey', ExpressionAttributeNames: { '#period': 'period' } } } }));
      for (const item of result.Responses?.[this.table.tableName] ?? []) settled.add(settlementKey(item['period'] as GamePeriod, item['periodKey'] as string));
      requested = result.UnprocessedKeys?.[this.table.tableName]?.Keys ?? [];
    }
    return settled;
  }

  async markSettled(tenantId: string, period: GamePeriod, periodKey: string, at: string) {
    await this.table.put('gameSettlement', { ...keys.gameSettlement(tenantId, period, periodKey), tenantId, period, periodKey, settledAt: at, expiresAt: Math.floor(Date.parse(at) / 1000) + AWARD_TTL_SECONDS });
  }

  private async delete(key: { pk: string; sk: string }, expectedVersion: number, what: string, id: string) {
    try {
      await this.table.documents.send(new DeleteCommand({ TableName: this.table.tableName, Key: key, ConditionExpression: 'attribute_exists(pk) AND #version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } }));
    } catch (error) {
      const translated = translateConflict(error, { entity: what });
      if (translated instanceof ConflictError && (await this.table.get(key)) === undefined) throw new NotFoundError(what, id);
      throw translated;
    }
  }
}
