import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { keys } from '@cc/shared/db/keys';
import type { FunnelCounters } from '@cc/shared/scripts/funnel';
import type { ScriptRepository, ScriptVersionSummary } from '@cc/shared/scripts/ports';
import { pathKey, type FunnelIncrement } from '@cc/shared/scripts/run';
import type { PersonalWording, Script, ScriptRun, ScriptVersion } from '@cc/shared/scripts/values';
import { ConflictError } from '@cc/shared/errors';
import { translateConflict, type DynamoTable } from './table.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The sort key of a path's counter: its key and how it ended (`~`: dropped). */
const pathCell = (steps: readonly string[], outcome: string | undefined) => `PATH#${pathKey(steps)}#${outcome ?? '~'}`;

/** A counter as stored; `cell` repeats its sort key, which reads strip. */
interface FunnelCell {
  cell: string;
  reached?: number;
  dropped?: number;
  taken?: number;
  runs?: number;
  steps?: string[];
  outcome?: string;
}

/**
 * Call scripts (pattern 46): the tenant's scripts in one partition, each script's versions and agents' wordings in
 * its own, a run beside its contact, and a version's funnel as counters in a partition of its own, added to in the
 * same transaction as the run's step, so a step is counted exactly when it is recorded.
 */
export class DynamoScriptRepository implements ScriptRepository {
  constructor(private readonly table: DynamoTable) {}

  list(tenantId: string) {
    return this.table.queryAll<Script>(keys.scriptsOf(tenantId));
  }

  get(tenantId: string, scriptId: string) {
    return this.table.get<Script>(keys.script(tenantId, scriptId));
  }

  getVersion(tenantId: string, scriptId: string, version: number) {
    return this.table.get<ScriptVersion>(keys.scriptVersion(tenantId, scriptId, version));
  }

  async listVersions(tenantId: string, scriptId: string): Promise<ScriptVersionSummary[]> {
    const versions = await this.table.queryAll<ScriptVersion>(keys.scriptVersionsOf(tenantId, scriptId));
    return versions.map(({ version, name, kind, savedAt, savedBy }) => ({ version, name, kind, savedAt, savedBy }));
  }

  async create(script: Script, first: ScriptVersion) {
    await this.transact([
      { Put: { TableName: this.table.tableName, Item: this.scriptItem(script), ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: this.table.tableName, Item: this.versionItem(first), ConditionExpression: 'attribute_not_exists(pk)' } },
    ], 'script');
  }

  async saveVersion(script: Script, saved: ScriptVersion, expectedVersion: number) {
    await this.transact([
      { Put: { TableName: this.table.tableName, Item: this.scriptItem(script), ConditionExpression: '#version = :expected AND attribute_not_exists(archived)', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } } },
      { Put: { TableName: this.table.tableName, Item: this.versionItem(saved), ConditionExpression: 'attribute_not_exists(pk)' } },
    ], 'script');
  }

  async archive(tenantId: string, scriptId: string, expectedVersion: number, at: string) {
    await this.transact([{
      Update: {
        TableName: this.table.tableName,
        Key: keys.script(tenantId, scriptId),
        UpdateExpression: 'SET archived = :true, updatedAt = :at',
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':true': true, ':at': at, ':expected': expectedVersion },
      },
    }], 'script');
  }

  getWording(tenantId: string, scriptId: string, agentId: string) {
    return this.table.get<PersonalWording>(keys.scriptWording(tenantId, scriptId, agentId));
  }

  putWording(wording: PersonalWording, expectedVersion: number | undefined) {
    const item = { ...wording, ...keys.scriptWording(wording.tenantId, wording.scriptId, wording.agentId) };
    return this.table.put('scriptWording', item, expectedVersion === undefined
      ? { expression: 'attribute_not_exists(pk)' }
      : { expression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } });
  }

  getRun(tenantId: string, contactId: string, scriptId: string) {
    return this.table.get<ScriptRun>(keys.scriptRun(tenantId, contactId, scriptId));
  }

  runsOfContact(tenantId: string, contactId: string) {
    return this.table.queryAll<ScriptRun>(keys.scriptRunsOfContact(tenantId, contactId));
  }

  async recordMove(run: ScriptRun, previous: ScriptRun | undefined, counts: FunnelIncrement) {
    const items: TransactItem[] = [{
      Put: {
        TableName: this.table.tableName,
        Item: { ...run, ...keys.scriptRun(run.tenantId, run.contactId, run.scriptId), entity: 'scriptRun' },
        ...(previous
          ? { ConditionExpression: 'size(#path) = :length AND #result = :active', ExpressionAttributeNames: { '#path': 'path', '#result': 'result' }, ExpressionAttributeValues: { ':length': previous.path.length, ':active': 'active' } }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    }];
    if (counts.reached) items.push(this.add(run, `STEP#${counts.reached}`, 'reached'));
    if (counts.edge) items.push(this.add(run, `EDGE#${counts.edge.from}#${counts.edge.via}`, 'taken'));
    if (counts.ended) items.push(this.addPath(run, counts.ended.steps, counts.ended.outcome));
    await this.transact(items, 'scriptRun');
  }

  async recordDrop(run: ScriptRun, lastStep: string, steps: string[]): Promise<boolean> {
    try {
      await this.transact([
        {
          Update: {
            TableName: this.table.tableName,
            Key: keys.scriptRun(run.tenantId, run.contactId, run.scriptId),
            UpdateExpression: 'SET #result = :dropped, endedAt = :at',
            ConditionExpression: '#result = :active',
            ExpressionAttributeNames: { '#result': 'result' },
            ExpressionAttributeValues: { ':dropped': 'dropped', ':at': run.endedAt, ':active': 'active' },
          },
        },
        this.add(run, `STEP#${lastStep}`, 'dropped'),
        this.addPath(run, steps, undefined),
      ], 'scriptRun');
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }

  async funnelCounters(tenantId: string, scriptId: string, version: number): Promise<FunnelCounters> {
    const cells = await this.table.queryAll<FunnelCell>(keys.scriptFunnelOf(tenantId, scriptId, version));
    const counters: FunnelCounters = { steps: {}, edges: {}, paths: [] };
    for (const cell of cells) {
      const [kind, first, second] = cell.cell.split('#') as [string, string, string | undefined];
      if (kind === 'STEP') counters.steps[first] = { reached: cell.reached ?? 0, dropped: cell.dropped ?? 0 };
      else if (kind === 'EDGE' && second !== undefined) (counters.edges[first] ??= {})[second] = cell.taken ?? 0;
      else if (kind === 'PATH' && cell.steps) counters.paths.push({ steps: cell.steps, ...(cell.outcome !== undefined && { outcome: cell.outcome }), runs: cell.runs ?? 0 });
    }
    return counters;
  }

  /** Adds one to a counter of the run's version, creating the cell on its first count. */
  private add(run: ScriptRun, sk: string, counter: 'reached' | 'dropped' | 'taken'): TransactItem {
    return {
      Update: {
        TableName: this.table.tableName,
        Key: keys.scriptFunnelCell(run.tenantId, run.scriptId, run.version, sk),
        UpdateExpression: 'SET entity = :entity, cell = :cell ADD #counter :one',
        ExpressionAttributeNames: { '#counter': counter },
        ExpressionAttributeValues: { ':entity': 'scriptFunnelCell', ':cell': sk, ':one': 1 },
      },
    };
  }

  private addPath(run: ScriptRun, steps: string[], outcome: string | undefined): TransactItem {
    const sk = pathCell(steps, outcome);
    return {
      Update: {
        TableName: this.table.tableName,
        Key: keys.scriptFunnelCell(run.tenantId, run.scriptId, run.version, sk),
        UpdateExpression: `SET entity = :entity, cell = :cell, steps = if_not_exists(steps, :steps)${outcome === undefined ? '' : ', outcome = :outcome'} ADD runs :one`,
        ExpressionAttributeValues: { ':entity': 'scriptFunnelCell', ':cell': sk, ':steps': steps, ':one': 1, ...(outcome !== undefined && { ':outcome': outcome }) },
      },
    };
  }

  private async transact(items: TransactItem[], entity: string) {
    try {
      await this.table.documents.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      throw translateConflict(error, { entity });
    }
  }

  private scriptItem(script: Script) {
    return { ...script, ...keys.script(script.tenantId, script.scriptId), entity: 'script' };
  }

  private versionItem(version: ScriptVersion) {
    return { ...version, ...keys.scriptVersion(version.tenantId, version.scriptId, version.version), entity: 'scriptVersion' };
  }
}
