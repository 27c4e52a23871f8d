import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synthContactCenter } from './support.ts';

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };
const statementsOf = (policy: unknown) => (policy as { Properties: { PolicyDocument: { Statement: Statement[] }; Roles: unknown } }).Properties.PolicyDocument.Statement;
const rolesOf = (policy: unknown) => JSON.stringify((policy as { Properties: { Roles: unknown } }).Properties.Roles);

/** The policies granting `action`, with the roles they attach to. */
function grantsOf(api: Template, action: string) {
  return Object.values(api.findResources('AWS::IAM::Policy'))
    .flatMap((policy) => statementsOf(policy).filter((s) => [s.Action].flat().includes(action)).map((s) => ({ roles: rolesOf(policy), resource: JSON.stringify(s.Resource) })));
}

describe('KPI alert delivery in AWS', () => {
  it('lets only the stream processor send SMS, with a configuration set for e-mail and no sender until one is verified', () => {
    // Arrange
    const api = synthContactCenter().templates.api;
    // Assert
    const sms = grantsOf(api, 'sns:Publish');
    expect(sms).toHaveLength(1);
    expect(sms[0]!.roles).toMatch(/StreamProcessor/);
    expect(grantsOf(api, 'ses:SendEmail')).toEqual([]);
    api.resourceCountIs('AWS::SES::ConfigurationSet', 1);
    api.hasResourceProperties('AWS::SES::ConfigurationSet', { SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] }, ReputationOptions: { ReputationMetricsEnabled: true } });
    api.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'stream-processor', ALERT_SES_CONFIGURATION_SET: Match.anyValue() }) } });
  });

  it('sends e-mail from the verified identity only, through the configuration set', () => {
    // Arrange
    const api = synthContactCenter({ context: { alertEmailFrom: 'alerts@romashka.example', alertSmsSenderId: 'Romashka' } }).templates.api;
    // Assert
    const email = grantsOf(api, 'ses:SendEmail');
    expect(email).toHaveLength(1);
    expect(email[0]!.roles).toMatch(/StreamProcessor/);
    expect(email[0]!.resource).toContain('identity/alerts@romashka.example');
    expect(email[0]!.resource).toContain('identity/romashka.example');
    expect(email[0]!.resource).toContain('configuration-set/');
    expect(email[0]!.resource).not.toMatch(/identity\/\*/);
    api.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'stream-processor', ALERT_EMAIL_FROM: 'alerts@romashka.example', ALERT_SMS_SENDER_ID: 'Romashka' }) } });
  });

  it('refuses a sender that is not an e-mail address and a sender id SMS cannot carry', () => {
    expect(() => synthContactCenter({ context: { alertEmailFrom: 'not-an-address' } })).toThrow(/alertEmailFrom/);
    expect(() => synthContactCenter({ context: { alertSmsSenderId: 'Far-too-long-id' } })).toThrow(/alertSmsSenderId/);
  });
});
