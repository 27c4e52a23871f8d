import { beforeAll, describe, expect, it } from 'vitest';
import { Capture, Match, type Template } from 'aws-cdk-lib/assertions';
import { lambdaCatalog } from '@cc/functions/catalog';
import type { CfnElement } from 'aws-cdk-lib';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { ContactCenterStacks } from '../lib/contact-center.ts';
import { synthContactCenter } from './support.ts';

/** The catalog entries the API stack deploys: all but the SMA's function, which is the voice stack's. */
const apiCatalog = lambdaCatalog.filter(({ trigger }) => trigger !== 'sip-media-application');

describe('MonitoringStack', () => {
  let monitoring: Template;
  let topic: string;
  let stacks: ContactCenterStacks;
  beforeAll(() => {
    const synthesized = synthContactCenter();
    stacks = synthesized.stacks;
    monitoring = synthesized.templates.monitoring;
    topic = monitoring.getResourceId('AWS::SNS::Topic');
  });
  /** The api stack's logical id of `queue`, which a cross-stack reference to its name carries. */
  const apiLogicalId = (queue: IQueue) => stacks.api.getLogicalId(queue.node.defaultChild as CfnElement);

  const alarmOn = (metricName: string, namespace: string) =>
    Match.objectLike({ MetricName: metricName, Namespace: namespace, AlarmActions: [{ Ref: Match.anyValue() }] });

  it.each(['Errors', 'Throttles'])('raises %s alarms for every function', (metricName) => {
    const alarms = monitoring.findResources('AWS::CloudWatch::Alarm', { Properties: alarmOn(metricName, 'AWS/Lambda') });
    expect(Object.keys(alarms)).toHaveLength(apiCatalog.length);
  });

  it('alarms when stream records wait too long (IteratorAge)', () => {
    monitoring.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'IteratorAge',
      Namespace: 'AWS/Lambda',
      Statistic: 'Maximum',
      Threshold: 60_000,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('alarms as soon as a record lands in a stream failure queue', () => {
    monitoring.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Threshold: 1,
    });
  });

  it('alarms when a routing timer message outlives the longest SQS delay (15 min)', () => {
    const threshold = new Capture();
    const queueName = new Capture();
    monitoring.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateAgeOfOldestMessage',
      Namespace: 'AWS/SQS',
      Statistic: 'Maximum',
      Threshold: threshold,
      Dimensions: [{ Name: 'QueueName', Value: queueName }],
    });
    expect(threshold.asNumber()).toBeGreaterThan(900);
    expect(JSON.stringify(queueName.asObject())).toContain(apiLogicalId(stacks.api.timerQueue.queue));
  });

  it('alarms as soon as a routing timer lands in its dead-letter queue', () => {
    const queueNames: string[] = [];
    const queueName = new Capture();
    monitoring.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Threshold: 1,
      Dimensions: [{ Name: 'QueueName', Value: queueName }],
    });
    do queueNames.push(JSON.stringify(queueName.asObject()));
    while (queueName.next());
    expect(queueNames.some((name) => name.includes(apiLogicalId(stacks.api.timerQueue.deadLetterQueue)))).toBe(true);
  });

  it('alarms on table throttling, reads and writes', () => {
    const metrics = new Capture();
    monitoring.hasResourceProperties('AWS::CloudWatch::Alarm', { Metrics: metrics, Threshold: 1 });
    const names = JSON.stringify(metrics.asArray());
    expect(names).toContain('ReadThrottleEvents');
    expect(names).toContain('WriteThrottleEvents');
  });

  it('sends every alarm and its recovery to the topic', () => {
    monitoring.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: [{ Ref: topic }], OKActions: [{ Ref: topic }] });
  });

  it('encrypts the alarm topic with a rotating key CloudWatch may use', () => {
    monitoring.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    monitoring.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' } })]) },
    });
  });

  it('refuses non-TLS publishing to the topic', () => {
    monitoring.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });
});
