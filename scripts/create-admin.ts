/**
 * Creates a tenant's first admin in a deployment (every other user is then created in the console):
 * the tenant record if it is missing, then the admin through the same retry-safe flow as `POST /api/users`
 * (Cognito e-mails the invitation with a temporary password). Safe to run again with the same values.
 *
 *   npx tsx scripts/create-admin.ts --stage dev --region eu-central-1 --user-pool-id <UserPoolId output> \
 *     --tenant romashka --tenant-name 'ООО «Ромашка»' --login admin@romashka.ru --name 'Ирина Смирнова'
 */
import { parseArgs } from 'node:util';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TABLE_BASE_NAME } from '@cc/shared/db/table';
import { CreateUserSchema } from '@cc/shared/users/model';
import { createRepositories } from '../functions/composition/repositories.ts';
import { systemClock } from '../functions/composition/deps.ts';
import { CognitoUserIdentities } from '../functions/adapters/identity/cognito-user-identities.ts';
import { UserAdmin } from '../functions/users/user-admin.ts';

const { values } = parseArgs({
  options: {
    stage: { type: 'string', default: 'dev' },
    region: { type: 'string', default: process.env.AWS_REGION ?? 'eu-central-1' },
    'user-pool-id': { type: 'string' },
    tenant: { type: 'string' },
    'tenant-name': { type: 'string' },
    login: { type: 'string' },
    name: { type: 'string' },
  },
});
const required = (name: keyof typeof values) => values[name] ?? (console.error(`--${name} is required`), process.exit(2));
const tenantId = required('tenant');
const repositories = createRepositories(new DynamoDBClient({ region: values.region }), `${TABLE_BASE_NAME}-${values.stage}`);
const identities = new CognitoUserIdentities(new CognitoIdentityProviderClient({ region: values.region }), required('user-pool-id'));

if (!(await repositories.directory.getTenant(tenantId))) {
  await repositories.directory.putTenant({ tenantId, name: values['tenant-name'] ?? tenantId, timeZone: 'Europe/Moscow', locale: 'ru', createdAt: new Date().toISOString() });
}
// Disabling (which pushes) is not used here: no realtime client is needed.
const admin = new UserAdmin({ ...repositories, clock: systemClock, identities, push: { post: async () => false } });
const created = await admin.create(tenantId, CreateUserSchema.parse({ login: required('login'), name: required('name'), roles: ['admin'] }));
console.log(`Created admin ${created.login} (${created.userId}) in tenant ${tenantId}; Cognito has e-mailed the invitation.`);
