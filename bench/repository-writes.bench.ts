/**
 * Repository write rate vs raw DynamoDB Local `PutItem` at the same concurrency, in one run, so
 * the ratio shows what the repository layer (document client, key building, entity tagging) costs.
 */
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { createTableInput } from '@cc/shared/db/table';
import type { Agent } from '@cc/shared/agents/model';
import { createRepositories } from '../functions/composition/root.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from '../functions/local/dynamodb-local.ts';
import type { BenchResult } from './types.ts';

const CONCURRENCY = 20;
const WRITES = 800;
const ROUNDS = 4;

async function rate(write: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < WRITES) await write(next++);
  }));
  return WRITES / ((performance.now() - started) / 1000);
}

const agent = (i: number, round: number): Agent => ({ tenantId: 'bench', agentId: `a-${round}-${i}`, name: `Агент ${i}`, status: 'available', statusSince: new Date().toISOString(), skills: [{ skill: 'sales', level: 5 }], queueIds: ['sales'], version: 1 });

export default async function (): Promise<BenchResult[]> {
  const dynamo = await startDynamoDbLocal();
  try {
    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 10 });
    await client.send(new CreateTableCommand(createTableInput('bench-writes')));
    const repos = createRepositories(client, 'bench-writes');
    // Warm up the JIT and connections on both paths before measuring.
    await rate((i) => repos.agents.put(agent(i, -1)));
    const raw: number[] = [];
    const repo: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const measureRaw = async () => raw.push(await rate((i) => client.send(new PutItemCommand({ TableName: 'bench-writes', Item: marshall({ pk: 'T#bench#RAW', sk: `RAW#${round}-${i}`, entity: 'agent', ...agent(i, round) }) }))));
      const measureRepo = async () => repo.push(await rate((i) => repos.agents.put(agent(i, round))));
      // Alternate which goes first so DynamoDB Local's own warm-up favours neither.
      if (round % 2 === 0) await measureRaw().then(measureRepo);
      else await measureRepo().then(measureRaw);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const rawRate = Math.round(median(raw));
    const repoRate = Math.round(median(repo));
    client.destroy();
    return [
      { name: 'dynamodb-local.put-item.rate', value: rawRate, unit: 'writes/s', notes: `Raw PutItem on DynamoDB Local, ${CONCURRENCY} concurrent, ${WRITES} writes x ${ROUNDS} rounds (median).` },
      {
        name: 'repository.agent-put.rate',
        value: repoRate,
        unit: 'writes/s',
        baseline: rawRate,
        ratio: Number((repoRate / rawRate).toFixed(3)),
        notes: `DynamoAgentRepository.put at the same concurrency, interleaved with the raw rounds; ratio = repository / raw (goal ≥ 0.9).`,
      },
    ];
  } finally {
    await dynamo.stop();
  }
}
