// The AWS flow of user administration: Cognito mocked (aws-sdk-client-mock), the table real (DynamoDB Local).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  AliasExistsException,
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AgentRepository } from '@cc/shared/agents/ports';
import { ConflictError } from '@cc/shared/errors';
import { CreateUserSchema } from '@cc/shared/users/model';
import { CognitoUserIdentities } from '../adapters/identity/cognito-user-identities.ts';
import { createTestDeps } from '../../test/deps.ts';
import { UserAdmin } from './user-admin.ts';

const POOL = 'eu-central-1_TestPool1';
const SUB = '7a1c2e3f-0000-4000-8000-00000000c0de';
const cognito = mockClient(CognitoIdentityProviderClient);
let ctx: Awaited<ReturnType<typeof createTestDeps>>;

const request = (login: string) => CreateUserSchema.parse({ login, name: 'Гордей Лебедев', roles: ['agent', 'supervisor'], agent: { skills: [{ skill: 'support', level: 4 }], queueIds: ['support'], capacity: { voice: 1, chat: 2 } } });
const createdUser = (username: string, sub = SUB) => ({ User: { Username: username, Attributes: [{ Name: 'sub', Value: sub }, { Name: 'custom:tenantId', Value: 'tenant-a' }] } });
const identities = () => new CognitoUserIdentities(new CognitoIdentityProviderClient({ region: 'eu-central-1' }), POOL);

beforeAll(async () => {
  ctx = await createTestDeps();
  await ctx.deps.queues.put({ tenantId: 'tenant-a', queueId: 'support', name: 'Поддержка', priority: 1, serviceLevel: { targetPercent: 80, thresholdSeconds: 20 }, timeZone: 'Europe/Moscow', offerTimeoutSeconds: 20, afterContactWorkSeconds: 0, requiredSkills: { byChannel: {}, byMenuChoice: {} }, ageingPerMinute: 1 });
});
afterEach(() => cognito.reset());
afterAll(async () => {
  cognito.restore();
  await ctx.table.drop();
});

describe('creating a user in the Cognito user pool', () => {
  it('creates the Cognito user with its tenant, e-mail invitation and role groups, then the user and agent under its sub', async () => {
    // Arrange
    cognito.on(AdminCreateUserCommand).callsFake((input: { Username: string }) => createdUser(input.Username));
    const admin = new UserAdmin({ ...ctx.deps, identities: identities() });
    // Act
    const created = await admin.create('tenant-a', request('gordey@a.test'));
    // Assert
    const [create] = cognito.commandCalls(AdminCreateUserCommand);
    expect(create!.args[0].input).toMatchObject({
      UserPoolId: POOL,
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: expect.arrayContaining([{ Name: 'email', Value: 'gordey@a.test' }, { Name: 'email_verified', Value: 'true' }, { Name: 'custom:tenantId', Value: 'tenant-a' }, { Name: 'name', Value: 'Гордей Лебедев' }]),
    });
    expect(cognito.commandCalls(AdminAddUserToGroupCommand).map((c) => c.args[0].input)).toEqual([
      { UserPoolId: POOL, Username: create!.args[0].input.Username, GroupName: 'agent' },
      { UserPoolId: POOL, Username: create!.args[0].input.Username, GroupName: 'supervisor' },
    ]);
    expect(created).toMatchObject({ userId: SUB, status: 'invited', agent: { queueIds: ['support'] } });
    expect(created.temporaryPassword).toBeUndefined();
    expect(await ctx.deps.directory.getUser('tenant-a', SUB)).toMatchObject({ identityName: create!.args[0].input.Username, login: 'gordey@a.test' });
    expect((await ctx.deps.directory.getUser('tenant-a', SUB))?.passwordHash).toBeUndefined();
  });

  it('finishes after a crash mid-way on the retry, with the same Cognito user (UsernameExists counts as done), never a second one', async () => {
    // Arrange: the first attempt dies after Cognito created the user, before the agent record was written.
    const usernames: string[] = [];
    cognito.on(AdminCreateUserCommand).callsFakeOnce((input: { Username: string }) => {
      usernames.push(input.Username);
      return createdUser(input.Username, 'sub-retry');
    }).callsFake((input: { Username: string }) => {
      usernames.push(input.Username);
      throw new UsernameExistsException({ message: 'User account already exists', $metadata: {} });
    });
    cognito.on(AdminGetUserCommand).callsFake((input: { Username: string }) => ({ Username: input.Username, UserAttributes: createdUser(input.Username, 'sub-retry').User.Attributes }));
    let crashes = 1;
    const agents: AgentRepository = { ...ctx.deps.agents, get: (t, a) => ctx.deps.agents.get(t, a), list: (t) => ctx.deps.agents.list(t), save: (a, v) => ctx.deps.agents.save(a, v), put: async (agent) => {
      if (crashes-- > 0) throw new Error('Lambda timed out');
      return ctx.deps.agents.put(agent);
    } };
    const admin = new UserAdmin({ ...ctx.deps, agents, identities: identities() });
    // Act
    const first = await admin.create('tenant-a', request('retry@a.test')).catch((error: unknown) => error);
    const second = await admin.create('tenant-a', request('retry@a.test'));
    const third = await admin.create('tenant-a', request('retry@a.test')).catch((error: unknown) => error);
    // Assert
    expect(first).toBeInstanceOf(Error);
    expect(second).toMatchObject({ userId: 'sub-retry', login: 'retry@a.test', agent: { queueIds: ['support'] } });
    expect(new Set(usernames).size).toBe(1);
    expect(cognito.commandCalls(AdminGetUserCommand)).toHaveLength(1);
    expect(third).toBeInstanceOf(ConflictError);
    expect(cognito.commandCalls(AdminCreateUserCommand)).toHaveLength(2);
    expect((await ctx.deps.directory.listUsers('tenant-a')).filter((u) => u.login === 'retry@a.test')).toHaveLength(1);
    expect(await ctx.deps.agents.get('tenant-a', 'sub-retry')).toMatchObject({ status: 'offline', skills: [{ skill: 'support', level: 4 }] });
  });

  it('answers 409 (ConflictError) when the e-mail is another Cognito user’s alias', async () => {
    // Arrange
    cognito.on(AdminCreateUserCommand).rejects(new AliasExistsException({ message: 'An account with the email already exists.', $metadata: {} }));
    // Act
    const error = await identities().create({ tenantId: 'tenant-a', identityName: 'u-1', login: 'dup@a.test', name: 'D', roles: ['agent'] }).catch((e: unknown) => e);
    // Assert
    expect(error).toBeInstanceOf(ConflictError);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)).toHaveLength(0);
  });

  it('refuses to adopt an existing Cognito user of another tenant', async () => {
    // Arrange
    cognito.on(AdminCreateUserCommand).rejects(new UsernameExistsException({ message: 'exists', $metadata: {} }));
    cognito.on(AdminGetUserCommand).resolves({ Username: 'u-2', UserAttributes: [{ Name: 'sub', Value: 'other' }, { Name: 'custom:tenantId', Value: 'tenant-b' }] });
    // Act
    const error = await identities().create({ tenantId: 'tenant-a', identityName: 'u-2', login: 'x@a.test', name: 'X', roles: ['agent'] }).catch((e: unknown) => e);
    // Assert
    expect(error).toBeInstanceOf(ConflictError);
  });
});

describe('changing and disabling a Cognito user', () => {
  it('moves the user between role groups, and disabling disables it and signs it out everywhere', async () => {
    // Arrange
    cognito.on(AdminCreateUserCommand).callsFake((input: { Username: string }) => ({ User: { Username: input.Username, Attributes: [{ Name: 'sub', Value: 'sub-roles' }] } }));
    const admin = new UserAdmin({ ...ctx.deps, identities: identities() });
    const created = await admin.create('tenant-a', request('roles@a.test'));
    const username = cognito.commandCalls(AdminCreateUserCommand)[0]!.args[0].input.Username;
    cognito.resetHistory();
    // Act
    await admin.update('tenant-a', created.userId, { roles: ['agent', 'admin'] });
    await admin.disable('tenant-a', created.userId);
    // Assert
    expect(cognito.commandCalls(AdminAddUserToGroupCommand).map((c) => c.args[0].input)).toEqual([{ UserPoolId: POOL, Username: username, GroupName: 'admin' }]);
    expect(cognito.commandCalls(AdminRemoveUserFromGroupCommand).map((c) => c.args[0].input)).toEqual([{ UserPoolId: POOL, Username: username, GroupName: 'supervisor' }]);
    expect(cognito.commandCalls(AdminDisableUserCommand).map((c) => c.args[0].input)).toEqual([{ UserPoolId: POOL, Username: username }]);
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand).map((c) => c.args[0].input)).toEqual([{ UserPoolId: POOL, Username: username }]);
    expect(await ctx.deps.directory.getUser('tenant-a', created.userId)).toMatchObject({ status: 'disabled' });
  });
});
