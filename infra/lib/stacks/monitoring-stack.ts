import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, MathExpression, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { CcFunction } from '../constructs/cc-function.ts';

/** Props of {@link MonitoringStack}. */
export interface MonitoringStackProps extends StackProps {
  readonly stage: string;
  readonly functions: ReadonlyMap<string, CcFunction>;
  readonly streamFailureQueues: ReadonlyMap<string, IQueue>;
  /** The routing timers' queue and its dead-letter queue. */
  readonly timerQueue: { readonly queue: IQueue; readonly deadLetterQueue: IQueue };
  readonly table: ITable;
  readonly httpApi: HttpApi;
  /** Subscribed to the alarm topic when given. */
  readonly alarmEmail?: string;
}

/** Oldest record a stream consumer may leave unread before it pages someone: routing is live. */
const MAX_ITERATOR_AGE = Duration.minutes(1);

/**
 * Oldest timer message that is still normal: a timer may be sent with the full 900 s delay, and SQS does not
 * document whether a delayed message's age starts at `SendMessage` (assumed); a minute on top for the poll
 * and the firing. Older means unconsumed (docs/adr/0004-routing-timers.md).
 */
const MAX_TIMER_MESSAGE_AGE = Duration.minutes(16);

/**
 * Alarms into one encrypted SNS topic: errors and throttles of every function, the stream
 * consumers' iterator age and failure queues, the routing timer queue's oldest message and
 * dead-letter queue, table throttling and HTTP API 5xx.
 */
export class MonitoringStack extends Stack {
  readonly alarmTopic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringStackProps) {
    super(scope, id, props);

    const topicKey = new Key(this, 'AlarmTopicKey', { enableKeyRotation: true, description: 'Encrypts the alarm topic' });
    // CloudWatch publishes alarm notifications into the encrypted topic.
    topicKey.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.alarmTopic = new Topic(this, 'AlarmTopic', { displayName: `Contact center ${props.stage} alarms`, masterKey: topicKey, enforceSSL: true });
    if (props.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));
    const action = new SnsAction(this.alarmTopic);

    const alarm = (id: string, description: string, metric: IMetric, threshold: number, evaluationPeriods = 1) => {
      const created = new Alarm(this, id, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods,
        datapointsToAlarm: evaluationPeriods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(action);
      created.addOkAction(action);
      this.alarms.push(created);
      return created;
    };

    for (const [name, fn] of props.functions) {
      const id = CcFunction.idFor(fn.definition).replace(/Function$/, '');
      alarm(`${id}Errors`, `${name}: invocations failed`, fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }), 1);
      alarm(`${id}Throttles`, `${name}: invocations throttled`, fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }), 1);
      if (fn.definition.trigger === 'dynamodb-stream') {
        alarm(
          `${id}IteratorAge`,
          `${name}: table stream records wait longer than ${MAX_ITERATOR_AGE.toMinutes()} min`,
          fn.metric('IteratorAge', { period: Duration.minutes(1), statistic: 'Maximum' }),
          MAX_ITERATOR_AGE.toMilliseconds(),
          3,
        );
      }
    }

    for (const [name, queue] of props.streamFailureQueues) {
      const id = name.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase());
      alarm(
        `${id}FailureQueueDepth`,
        `${name}: stream records gave up after retries and wait in the failure queue`,
        queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
        1,
      );
    }

    alarm(
      'RoutingTimersOldestMessage',
      `routing-timers: a timer message is older than ${MAX_TIMER_MESSAGE_AGE.toMinutes()} min (the longest delay is 15 min): timers are not consumed`,
      props.timerQueue.queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1), statistic: 'Maximum' }),
      MAX_TIMER_MESSAGE_AGE.toSeconds(),
      3,
    );
    alarm(
      'RoutingTimersDeadLetterQueueDepth',
      'routing-timers: timers failed every firing and wait in the dead-letter queue',
      props.timerQueue.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      1,
    );

    alarm(
      'TableThrottles',
      'Table: read or write requests throttled',
      new MathExpression({
        expression: 'reads + writes',
        usingMetrics: {
          reads: props.table.metric('ReadThrottleEvents', { statistic: 'Sum' }),
          writes: props.table.metric('WriteThrottleEvents', { statistic: 'Sum' }),
        },
        period: Duration.minutes(5),
        label: 'Throttle events',
      }),
      1,
    );

    alarm('HttpApiServerErrors', 'HTTP API: 5xx answers', props.httpApi.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }), 5);
  }
}
