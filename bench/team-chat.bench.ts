/**
 * The team chat on DynamoDB Local: sending (the room's members worked out from the directory, the client id's claim
 * and the message in one transaction) against raw `PutItem` at the same concurrency in the same run; the rooms list of
 * an agent with its unread counts; and the search over a room read to its bound of 500 messages.
 */
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Principal } from '@cc/shared/auth/model';
import { createTableInput } from '@cc/shared/db/table';
import { SendTeamMessageSchema } from '@cc/shared/team-chat/schema';
import { createRepositories } from '../functions/composition/root.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from '../functions/local/dynamodb-local.ts';
import { makeTenantQueue } from '../functions/routing/testing.ts';
import { TeamChat } from '../functions/team-chat/team-chat.ts';
import type { BenchResult } from './types.ts';

const TENANT = 'bench';
const PEOPLE = 40;
const CONCURRENCY = 10;
const SENDS = 250;
const ROUNDS = 3;

export default async function (): Promise<BenchResult[]> {
  const dynamo = await startDynamoDbLocal();
  try {
    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 10 });
    await client.send(new CreateTableCommand(createTableInput('bench-team')));
    let clock = Date.parse('2026-12-06T09:00:00.000Z');
    const deps = { ...createRepositories(client, 'bench-team'), clock: { now: () => new Date((clock += 7)) } };
    const chat = new TeamChat(deps, { getContact: async () => undefined } as never);
    const queue = (i: number) => `q${i % 5}`;
    for (let q = 0; q < 5; q++) await deps.queues.put(makeTenantQueue(TENANT, `q${q}`));
    for (let i = 0; i < PEOPLE; i++) {
      await deps.directory.putUser({ tenantId: TENANT, userId: `u${i}`, login: `u${i}@bench`, name: `Агент ${i}`, roles: ['agent'] });
      await deps.agents.put({ tenantId: TENANT, agentId: `u${i}`, name: `Агент ${i}`, status: 'available', statusSince: new Date(clock).toISOString(), skills: [], queueIds: [queue(i)], version: 1 });
    }
    const as = (i: number): Principal => ({ tenantId: TENANT, userId: `u${i}`, roles: ['agent'], name: `Агент ${i}`, login: `u${i}@bench` });
    let sent = 0;
    const sendRate = async (count: number) => {
      let next = 0;
      const started = performance.now();
      await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        while (next < count) {
          const i = next++;
          const body = SendTeamMessageSchema.parse({ text: `Коллеги, кто возьмёт клиента ${i}? @u${(i + 5) % PEOPLE}`, clientMessageId: `m-${sent++}` });
          await chat.send(as(i % PEOPLE), `queue:${queue(i % PEOPLE)}`, body);
        }
      }));
      return count / ((performance.now() - started) / 1000);
    };
    const putRate = async (round: number, count: number) => {
      let next = 0;
      const started = performance.now();
      await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        while (next < count) {
          const i = next++;
          await client.send(new PutItemCommand({ TableName: 'bench-team', Item: marshall({ pk: `T#bench#RAW#${round}`, sk: `MSG#${i}`, entity: 'teamMessage', text: 'Коллеги, кто возьмёт клиента?' }) }));
        }
      }));
      return count / ((performance.now() - started) / 1000);
    };

    await sendRate(60);
    await putRate(-1, 200);
    const sends: number[] = [];
    const puts: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) { sends.push(await sendRate(SENDS)); puts.push(await putRate(round, SENDS)); }
      else { puts.push(await putRate(round, SENDS)); sends.push(await sendRate(SENDS)); }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const sendsPerSecond = Math.round(median(sends));
    const putsPerSecond = Math.round(median(puts));

    const lists: number[] = [];
    const searches: number[] = [];
    for (let i = 0; i < 15; i++) {
      let t0 = performance.now();
      const view = await chat.rooms(as(i));
      lists.push(performance.now() - t0);
      if (view.rooms.length < 2) throw new Error('An agent sees the team and their queue');
      t0 = performance.now();
      await chat.search(as(0), `клиента ${i}`);
      searches.push(performance.now() - t0);
    }
    client.destroy();
    return [
      { name: 'dynamodb-local.put-item.rate.team-chat', value: putsPerSecond, unit: 'writes/s', notes: `Raw PutItem on DynamoDB Local, ${CONCURRENCY} concurrent, ${SENDS} writes x ${ROUNDS} rounds (median): the floor of the send figure.` },
      {
        name: 'team-chat.send.rate',
        value: sendsPerSecond,
        unit: 'messages/s',
        baseline: putsPerSecond,
        ratio: Number((sendsPerSecond / putsPerSecond).toFixed(3)),
        notes: `TeamChat.send into queue rooms with a mention (${PEOPLE} people: users, agents and connections read per send, the client id's claim and the message in one transaction), ${CONCURRENCY} concurrent, ${SENDS} x ${ROUNDS} rounds (median); ratio = sends / raw puts (goal ≥ 0.1: a send is three directory reads and a two-item transaction, about five round trips to one put's one).`,
      },
      { name: 'team-chat.rooms.median', value: Number(median(lists).toFixed(1)), unit: 'ms', notes: `An agent's rooms with unread and mention counts after ${sent} messages (median of 15).` },
      { name: 'team-chat.search.median', value: Number(median(searches).toFixed(1)), unit: 'ms', notes: 'A two-word search over the rooms an agent reads, each read to its bound of 500 newest messages (median of 15).' },
    ];
  } finally {
    await dynamo.stop();
  }
}
