/**
 * Recording call-script steps on DynamoDB Local: each step is one transaction (the run, its stage counter, the
 * answer's counter, the path at an outcome), against raw `PutItem` at the same concurrency in the same run, so the
 * ratio shows what keeping the funnel exact costs. Also the funnel read of a version after those runs.
 */
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { createTableInput } from '@cc/shared/db/table';
import { buildFunnel } from '@cc/shared/scripts/funnel';
import { moveRun } from '@cc/shared/scripts/run';
import { salesVersion } from '@cc/shared/scripts/test-scripts';
import type { ScriptRun } from '@cc/shared/scripts/values';
import { createRepositories } from '../functions/composition/root.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from '../functions/local/dynamodb-local.ts';
import { rng } from './random.ts';
import type { BenchResult } from './types.ts';

const CONCURRENCY = 20;
/** Runs per round; each has 4 or 5 steps, so about 800 writes a round, as the repository bench. */
const RUNS = 180;
const ROUNDS = 3;
const NOW = new Date('2026-12-04T10:00:00.000Z');
const script = salesVersion();

/** One random way through the sales flowchart, as moves. */
function walk(random: () => number): { stepId: string; answerId?: string }[] {
  const moves: { stepId: string; answerId?: string }[] = [{ stepId: script.start }];
  for (let step = script.steps.find((s) => s.id === script.start)!; step.kind !== 'outcome';) {
    const answer = step.kind === 'question' ? step.answers![Math.floor(random() * step.answers!.length)]! : undefined;
    const next = answer ? answer.next : step.next!;
    moves.push({ stepId: next, ...(answer && { answerId: answer.id }) });
    step = script.steps.find((s) => s.id === next)!;
  }
  return moves;
}

export default async function (): Promise<BenchResult[]> {
  const dynamo = await startDynamoDbLocal();
  try {
    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 10 });
    await client.send(new CreateTableCommand(createTableInput('bench-scripts')));
    const repos = createRepositories(client, 'bench-scripts');
    const random = rng(7);

    /** Steps a second over `RUNS` runs followed `CONCURRENCY` at a time; each run's steps one after another. */
    const stepRate = async (round: number) => {
      let next = 0;
      let steps = 0;
      const started = performance.now();
      await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        while (next < RUNS) {
          const contactId = `c-${round}-${next++}`;
          let run: ScriptRun | undefined;
          for (const [seq, move] of walk(random).entries()) {
            const decision = moveRun(run, script, { contactId, agentId: 'anna' }, { seq, ...move }, NOW);
            if (decision.kind === 'moved') await repos.scripts.recordMove(decision.run, decision.previous, decision.counts);
            run = decision.run;
            steps += 1;
          }
        }
      }));
      return steps / ((performance.now() - started) / 1000);
    };
    const putRate = async (round: number, writes: number) => {
      let next = 0;
      const started = performance.now();
      await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        while (next < writes) {
          const i = next++;
          await client.send(new PutItemCommand({ TableName: 'bench-scripts', Item: marshall({ pk: `T#bench#RAW#${round}`, sk: `RAW#${i}`, entity: 'scriptRun', path: [{ stepId: 'greet', via: 'start', at: NOW.toISOString() }] }) }));
        }
      }));
      return writes / ((performance.now() - started) / 1000);
    };

    await stepRate(-1);
    await putRate(-1, 400);
    const steps: number[] = [];
    const puts: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) { steps.push(await stepRate(round)); puts.push(await putRate(round, 800)); }
      else { puts.push(await putRate(round, 800)); steps.push(await stepRate(round)); }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const stepsPerSecond = Math.round(median(steps));
    const putsPerSecond = Math.round(median(puts));

    const reads: number[] = [];
    let started = 0;
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const funnel = buildFunnel(script, await repos.scripts.funnelCounters('t1', script.scriptId, script.version));
      reads.push(performance.now() - t0);
      started = funnel.started;
    }
    client.destroy();
    return [
      { name: 'dynamodb-local.put-item.rate.scripts', value: putsPerSecond, unit: 'writes/s', notes: `Raw PutItem on DynamoDB Local, ${CONCURRENCY} concurrent, 800 writes x ${ROUNDS} rounds (median): the floor of the script-step figure.` },
      {
        name: 'scripts.step-record.rate',
        value: stepsPerSecond,
        unit: 'steps/s',
        baseline: putsPerSecond,
        ratio: Number((stepsPerSecond / putsPerSecond).toFixed(3)),
        notes: `Script steps recorded through moveRun + DynamoScriptRepository.recordMove (one transaction: the run, its stage and answer counters, the path at the outcome), ${RUNS} random runs of the sales flowchart x ${ROUNDS} rounds, ${CONCURRENCY} concurrent (median); ratio = steps / raw puts (goal ≥ 0.25: a step is a 2–4-item transaction).`,
      },
      { name: 'scripts.funnel-read.median', value: Number(median(reads).toFixed(1)), unit: 'ms', notes: `Reading and building the funnel of a version after ${started} runs: one query of its counters (median of 20).` },
    ];
  } finally {
    await dynamo.stop();
  }
}
