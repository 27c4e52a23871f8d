import { Stack } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { ConfigurationSet, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import type { WildcardAllowance } from '../nag.ts';
import type { CcFunction } from './cc-function.ts';

/** Props of {@link AlertDelivery}. */
export interface AlertDeliveryProps {
  /** The function that sends alert notices (the stream processor). */
  readonly sender: CcFunction;
  /** A verified SES identity alert e-mails come from (`-c alertEmailFrom=…`); without it e-mails are recorded as not sent. */
  readonly emailFrom?: string;
  /** The sender id SMS show where the country allows one (`-c alertSmsSenderId=…`). */
  readonly smsSenderId?: string;
}

/** The one wildcard SMS needs: publishing to a phone number names no resource. */
export const SMS_WILDCARD: WildcardAllowance = {
  finding: /^Resource::\*$/,
  actions: ['dynamodb:ListStreams', 'sns:Publish'],
  reason: 'sns:Publish to a phone number (SMS alerts) and dynamodb:ListStreams (the event source mapping) support no resource-level permissions; stream reads are limited to this table\'s stream ARN and no topic is granted.',
};

/**
 * KPI alert notices (docs/alerts.md): SMS through Amazon SNS, e-mail through Amazon SES with a configuration set
 * that suppresses bounces and complaints and keeps reputation metrics. New accounts start in both sandboxes.
 */
export class AlertDelivery extends Construct {
  readonly configurationSet: ConfigurationSet;

  constructor(scope: Construct, id: string, props: AlertDeliveryProps) {
    super(scope, id);
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', { reputationMetrics: true, suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS });
    const { sender } = props;
    sender.addEnvironment('ALERT_SES_CONFIGURATION_SET', this.configurationSet.configurationSetName);
    if (props.smsSenderId) sender.addEnvironment('ALERT_SMS_SENDER_ID', props.smsSenderId);
    sender.executionRole.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['sns:Publish'], resources: ['*'] }));
    if (props.emailFrom) {
      sender.addEnvironment('ALERT_EMAIL_FROM', props.emailFrom);
      const stack = Stack.of(this);
      // The identity may be the address itself or its domain: both are named, nothing else may be sent from.
      const domain = props.emailFrom.split('@')[1]!;
      const identity = (name: string) => stack.formatArn({ service: 'ses', resource: 'identity', resourceName: name });
      const configurationSet = stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName });
      sender.executionRole.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['ses:SendEmail'], resources: [identity(props.emailFrom), identity(domain), configurationSet] }));
    }
  }
}
