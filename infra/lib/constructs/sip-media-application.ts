import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  AwsCustomResource,
  AwsCustomResourcePolicy,
  type AwsSdkCall,
  PhysicalResourceId,
  PhysicalResourceIdReference,
} from 'aws-cdk-lib/custom-resources';
import { Construct, type IConstruct } from 'constructs';
import { acknowledgeManagedPolicies, acknowledgeWildcards } from '../nag.ts';

/** Props of {@link SipMediaApplication}. */
export interface SipMediaApplicationProps {
  /** Name of the SMA, unique in the account and region. */
  readonly name: string;
  /** The function the SMA invokes for every call event; it must already allow `voiceconnector.chime.amazonaws.com`. */
  readonly handler: IFunction;
  /** The existing Chime SDK number (E.164, product type SIP media application dial-in) whose calls reach the SMA. */
  readonly phoneNumber: string;
}

/** The Chime SDK Voice API as the custom resources call it (the SDK v3 client of the Lambda runtime). */
const VOICE_API = '@aws-sdk/client-chime-sdk-voice';

/**
 * A SIP media application and the SIP rule that sends one phone number's calls to it, made with the Chime SDK
 * Voice API through CDK custom resources (CloudFormation has no resource types for them), after setting the
 * number's product type to SIP media application dial-in. The number itself is never ordered or released here:
 * it must exist in the account, since ordering one is a purchase.
 *
 * Deleting: CloudFormation removes dependents first, so the rule is disabled (the API deletes only disabled
 * rules), then deleted, then the SMA. A new number gets a new rule (its id holds the number) before the old
 * rule goes, as a rule's trigger cannot be changed in place.
 */
export class SipMediaApplication extends Construct {
  /** The SMA id (`SipMediaApplicationId`), from the API's answer. */
  readonly sipMediaApplicationId: string;
  /** `arn:…:chime:<region>:<account>:sma/<id>`, as IAM and `aws:SourceArn` name it. */
  readonly sipMediaApplicationArn: string;
  /** The SIP rule id, from the API's answer. */
  readonly sipRuleId: string;

  constructor(scope: Construct, id: string, props: SipMediaApplicationProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const region = stack.region;
    const arn = (resource: string, resourceName: string) => stack.formatArn({ service: 'chime', resource, resourceName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
    const endpoints = [{ LambdaArn: props.handler.functionArn }];

    const smaId = new PhysicalResourceIdReference();
    const updateSma: AwsSdkCall = {
      service: VOICE_API,
      action: 'updateSipMediaApplication',
      parameters: { SipMediaApplicationId: smaId, Name: props.name, Endpoints: endpoints },
      physicalResourceId: PhysicalResourceId.fromResponse('SipMediaApplication.SipMediaApplicationId'),
      // Only the id goes back to CloudFormation, whichever call answered.
      outputPaths: ['SipMediaApplication.SipMediaApplicationId'],
    };
    const sma = new AwsCustomResource(this, 'Application', {
      resourceType: 'Custom::SipMediaApplication',
      installLatestAwsSdk: false,
      onCreate: {
        service: VOICE_API,
        action: 'createSipMediaApplication',
        parameters: { AwsRegion: region, Name: props.name, Endpoints: endpoints },
        physicalResourceId: PhysicalResourceId.fromResponse('SipMediaApplication.SipMediaApplicationId'),
        outputPaths: ['SipMediaApplication.SipMediaApplicationId'],
      },
      onUpdate: updateSma,
      onDelete: { service: VOICE_API, action: 'deleteSipMediaApplication', parameters: { SipMediaApplicationId: smaId } },
      policy: AwsCustomResourcePolicy.fromStatements([
        // Creating names no SMA yet: IAM can only scope it to the action.
        new PolicyStatement({ effect: Effect.ALLOW, actions: ['chime:CreateSipMediaApplication'], resources: ['*'] }),
        new PolicyStatement({ effect: Effect.ALLOW, actions: ['chime:UpdateSipMediaApplication', 'chime:DeleteSipMediaApplication'], resources: [arn('sma', '*')] }),
        // The service checks that the endpoint's resource policy lets it invoke the function.
        new PolicyStatement({ effect: Effect.ALLOW, actions: ['lambda:GetPolicy'], resources: [props.handler.functionArn] }),
      ]),
    });
    this.sipMediaApplicationId = sma.getResponseField('SipMediaApplication.SipMediaApplicationId');
    this.sipMediaApplicationArn = arn('sma', this.sipMediaApplicationId);

    const ruleName = `${props.name}-${props.phoneNumber.slice(1)}`;
    const targets = [{ SipMediaApplicationId: this.sipMediaApplicationId, Priority: 1, AwsRegion: region }];
    const ruleId = new PhysicalResourceIdReference();
    const ruleStatements = [
      // Creating names no rule yet, and the SIP rule's ARN form is not in our references: scoped by action only.
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['chime:CreateSipRule', 'chime:UpdateSipRule', 'chime:DeleteSipRule', 'chime:GetSipRule'], resources: ['*'] }),
    ];
    const digits = props.phoneNumber.slice(1);
    // The number's association with SMAs: its product type must be SIP media application dial-in before a
    // ToPhoneNumber rule may name it. Setting it is free and reversible; a number still associated elsewhere (a
    // Voice Connector) makes the API refuse, so the deployment stops with the API's message. Left as is on delete.
    const productType: AwsSdkCall = {
      service: VOICE_API,
      action: 'updatePhoneNumber',
      parameters: { PhoneNumberId: props.phoneNumber, ProductType: 'SipMediaApplicationDialIn' },
      physicalResourceId: PhysicalResourceId.of(props.phoneNumber),
      outputPaths: ['PhoneNumber.PhoneNumberId'],
    };
    const association = new AwsCustomResource(this, `Number${digits}`, {
      resourceType: 'Custom::PhoneNumberProductType',
      installLatestAwsSdk: false,
      onCreate: productType,
      onUpdate: productType,
      // The number's ARN form is not in our references either: scoped by action, and the call names one number.
      policy: AwsCustomResourcePolicy.fromStatements([new PolicyStatement({ effect: Effect.ALLOW, actions: ['chime:UpdatePhoneNumber'], resources: ['*'] })]),
    });
    const rule = new AwsCustomResource(this, `Rule${digits}`, {
      resourceType: 'Custom::SipRule',
      installLatestAwsSdk: false,
      onCreate: {
        service: VOICE_API,
        action: 'createSipRule',
        parameters: { Name: ruleName, TriggerType: 'ToPhoneNumber', TriggerValue: props.phoneNumber, Disabled: false, TargetApplications: targets },
        physicalResourceId: PhysicalResourceId.fromResponse('SipRule.SipRuleId'),
        outputPaths: ['SipRule.SipRuleId'],
      },
      onUpdate: {
        service: VOICE_API,
        action: 'updateSipRule',
        parameters: { SipRuleId: ruleId, Name: ruleName, Disabled: false, TargetApplications: targets },
        physicalResourceId: PhysicalResourceId.fromResponse('SipRule.SipRuleId'),
        outputPaths: ['SipRule.SipRuleId'],
      },
      onDelete: { service: VOICE_API, action: 'deleteSipRule', parameters: { SipRuleId: ruleId } },
      policy: AwsCustomResourcePolicy.fromStatements(ruleStatements),
    });
    rule.node.addDependency(association);
    this.sipRuleId = rule.getResponseField('SipRule.SipRuleId');

    // Exists only to disable the rule on stack deletion, before the rule itself is deleted (it depends on the rule).
    const disabler = new AwsCustomResource(this, `Rule${digits}DisableOnDelete`, {
      resourceType: 'Custom::SipRuleDisable',
      installLatestAwsSdk: false,
      onCreate: { service: VOICE_API, action: 'getSipRule', parameters: { SipRuleId: this.sipRuleId }, physicalResourceId: PhysicalResourceId.of(`${ruleName}-disable-on-delete`), outputPaths: ['SipRule.SipRuleId'] },
      onDelete: { service: VOICE_API, action: 'updateSipRule', parameters: { SipRuleId: this.sipRuleId, Name: ruleName, Disabled: true } },
      policy: AwsCustomResourcePolicy.fromStatements(ruleStatements),
    });

    for (const resource of [sma, association, rule, disabler]) {
      acknowledgeWildcards(resource.node.findChild('CustomResourcePolicy'), [
        {
          finding: /^Resource::\*$/,
          actions: ['chime:CreateSipMediaApplication'],
          reason: 'CreateSipMediaApplication names no SMA yet (its id comes back in the answer); this statement holds nothing else.',
        },
        {
          finding: /^Resource::arn:(<AWS::Partition>|[^:]+):chime:(<AWS::Region>|[a-z0-9-]+):(<AWS::AccountId>|[0-9]{12}):sma\/\*$/,
          actions: ['chime:UpdateSipMediaApplication', 'chime:DeleteSipMediaApplication'],
          reason: 'The SMA id exists only once it is created; the grant is limited to SMAs of this account and region, for update and delete.',
        },
        {
          finding: /^Resource::\*$/,
          actions: ['chime:CreateSipRule', 'chime:UpdateSipRule', 'chime:DeleteSipRule', 'chime:GetSipRule'],
          reason: 'A SIP rule id exists only once it is created, and the references we work from give no SIP rule ARN form to scope to; the statement holds only the four SIP rule actions.',
        },
        {
          finding: /^Resource::\*$/,
          actions: ['chime:UpdatePhoneNumber'],
          reason: 'The references we work from give no phone number ARN form to scope to; the statement holds only UpdatePhoneNumber, which the call makes for the one configured number.',
        },
      ]);
    }
    acknowledgeCustomResourceProvider(stack);
  }
}

/** CDK's singleton Lambda behind every AwsCustomResource of `stack`: acknowledged once, for what CDK gives it. */
function acknowledgeCustomResourceProvider(stack: Stack): void {
  // SingletonFunction's id: `AWS` and the UUID without dashes.
  const provider = stack.node.tryFindChild(`AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`) as IConstruct | undefined;
  if (!provider) throw new Error(`No AwsCustomResource provider found in ${stack.node.path}`);
  Validations.of(provider).acknowledge({
    id: 'AwsSolutions-L1',
    reason: 'CDK-owned AwsCustomResource handler; aws-cdk-lib pins its Node.js runtime and moves it with CDK upgrades.',
  });
  acknowledgeManagedPolicies(provider.node.findChild('ServiceRole'), [
    {
      policy: /:iam::aws:policy\/service-role\/AWSLambdaBasicExecutionRole$/,
      reason: 'CDK-owned AwsCustomResource handler: CDK attaches the basic execution policy (CloudWatch Logs only) and offers no way to replace it.',
    },
  ]);
}
