import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@cc/shared/db/keys';
import type { QaEvaluationRepository, QaFormRepository } from '@cc/shared/qa/ports';
import { splitEvaluationId, type QaEvaluation, type QaForm, type QaSettings } from '@cc/shared/qa/values';
import { fromItem, translateConflict, type DynamoTable } from './table.ts';

const versioned = (expected: number) => ({ expression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expected } });

/** QA forms and settings in the tenant's QA partition (pattern 45): one query lists the forms, writes conditional on `version`. */
export class DynamoQaFormRepository implements QaFormRepository {
  constructor(private readonly table: DynamoTable) {}

  list(tenantId: string) {
    return this.table.queryAll<QaForm>(keys.qaFormsOf(tenantId));
  }

  get(tenantId: string, formId: string) {
    return this.table.get<QaForm>(keys.qaForm(tenantId, formId));
  }

  create(form: QaForm) {
    return this.table.put('qaForm', { ...form, ...keys.qaForm(form.tenantId, form.formId) }, { expression: 'attribute_not_exists(pk)' });
  }

  replace(form: QaForm, expectedVersion: number) {
    return this.table.put('qaForm', { ...form, ...keys.qaForm(form.tenantId, form.formId) }, versioned(expectedVersion));
  }

  async delete(tenantId: string, formId: string, expectedVersion: number) {
    const condition = versioned(expectedVersion);
    try {
      await this.table.documents.send(new DeleteCommand({ TableName: this.table.tableName, Key: keys.qaForm(tenantId, formId), ConditionExpression: condition.expression, ExpressionAttributeNames: condition.ExpressionAttributeNames, ExpressionAttributeValues: condition.ExpressionAttributeValues }));
    } catch (error) {
      throw translateConflict(error, { entity: 'qaForm' });
    }
  }

  async settings(tenantId: string) {
    const stored = await this.table.get<QaSettings & { tenantId: string }>(keys.qaSettings(tenantId));
    return stored && { samplePerAgent: stored.samplePerAgent };
  }

  saveSettings(tenantId: string, settings: QaSettings) {
    return this.table.put('qaSettings', { ...settings, tenantId, ...keys.qaSettings(tenantId) });
  }
}

/**
 * Evaluations beside their contacts (pattern 45), listed through gsi1 by agent and gsi2 for the tenant, both sorted
 * by when they were made. Created on `attribute_not_exists(pk)` (one per contact and form), commented on `version`.
 */
export class DynamoQaEvaluationRepository implements QaEvaluationRepository {
  constructor(private readonly table: DynamoTable) {}

  async get(tenantId: string, evaluationId: string) {
    const id = splitEvaluationId(evaluationId);
    return id && this.table.get<QaEvaluation>(keys.qaEvaluation(tenantId, id.contactId, id.formId));
  }

  ofContact(tenantId: string, contactId: string) {
    return this.table.queryAll<QaEvaluation>(keys.qaEvaluationsOfContact(tenantId, contactId));
  }

  create(evaluation: QaEvaluation) {
    return this.table.put('qaEvaluation', this.item(evaluation), { expression: 'attribute_not_exists(pk)' });
  }

  replace(evaluation: QaEvaluation, expectedVersion: number) {
    return this.table.put('qaEvaluation', this.item(evaluation), versioned(expectedVersion));
  }

  async list(tenantId: string, query: { agentId?: string; from: string; to: string; limit: number }) {
    const [index, pk] = query.agentId !== undefined ? ['gsi1', keys.qaEvaluationsOfAgent(tenantId, query.agentId).gsi1pk] : ['gsi2', keys.qaEvaluationsOfTenant(tenantId).gsi2pk];
    const found: QaEvaluation[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.table.documents.send(new QueryCommand({
        TableName: this.table.tableName,
        IndexName: index,
        // `AT#<to>` sorts after every evaluation made before `to` (each id follows the `#`).
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#pk': `${index}pk`, '#sk': `${index}sk` },
        ExpressionAttributeValues: { ':pk': pk, ':from': `AT#${query.from}`, ':to': `AT#${query.to}` },
        ScanIndexForward: false,
        Limit: query.limit - found.length,
        ExclusiveStartKey,
      }));
      for (const item of page.Items ?? []) found.push(fromItem<QaEvaluation>(item)!);
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey && found.length < query.limit);
    return found;
  }

  private item(evaluation: QaEvaluation) {
    const sk = keys.qaEvaluatedAt(evaluation.evaluatedAt, evaluation.evaluationId);
    return {
      ...evaluation,
      ...keys.qaEvaluation(evaluation.tenantId, evaluation.contactId, evaluation.formId),
      ...keys.qaEvaluationsOfAgent(evaluation.tenantId, evaluation.agentId), gsi1sk: sk,
      ...keys.qaEvaluationsOfTenant(evaluation.tenantId), gsi2sk: sk,
    };
  }
}
