import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@cc/shared/db/keys';
import type { PlanRepository } from '@cc/shared/plans/ports';
import type { Plan } from '@cc/shared/plans/values';
import { translateConflict, type DynamoTable } from './table.ts';

/** KPI plans in the tenant's plan partition (pattern 42): one query lists them, every write is conditional. */
export class DynamoPlanRepository implements PlanRepository {
  constructor(private readonly table: DynamoTable) {}

  list(tenantId: string) {
    return this.table.queryAll<Plan>(keys.plansOfTenant(tenantId));
  }

  get(tenantId: string, planId: string) {
    return this.table.get<Plan>(keys.plan(tenantId, planId));
  }

  create(plan: Plan) {
    return this.table.put('plan', this.item(plan), { expression: 'attribute_not_exists(pk)' });
  }

  replace(plan: Plan, expectedVersion: number) {
    return this.table.put('plan', this.item(plan), { expression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } });
  }

  async delete(tenantId: string, planId: string, expectedVersion: number) {
    try {
      await this.table.documents.send(new DeleteCommand({
        TableName: this.table.tableName,
        Key: keys.plan(tenantId, planId),
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      }));
    } catch (error) {
      throw translateConflict(error, { entity: 'plan' });
    }
  }

  private item(plan: Plan) {
    return { ...plan, ...keys.plan(plan.tenantId, plan.planId) };
  }
}
