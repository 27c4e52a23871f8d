import { beforeAll, describe, expect, it } from 'vitest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { GLOBAL_INDEXES, TABLE_DEFINITION, TTL_ATTRIBUTE } from '@cc/shared/db/table';
import { DataStack } from '../lib/stacks/data-stack.ts';
import { createTestApp } from './support.ts';

const synth = (tableEncryption?: 'aws-managed' | 'customer-managed') =>
  Template.fromStack(new DataStack(createTestApp(), 'Data', { stage: 'test', tableEncryption }));

describe('DataStack', () => {
  let template: Template;
  beforeAll(() => {
    template = synth();
  });

  it('builds one pay-per-request table keyed as the shared definition says', () => {
    // Assert
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: TABLE_DEFINITION.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_DEFINITION.sortKey, KeyType: 'RANGE' },
      ],
    });
  });

  it('streams new and old images', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' } });
  });

  it('enables point-in-time recovery', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } });
  });

  it('encrypts the table at rest', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { SSESpecification: { SSEEnabled: true } });
  });

  it('expires items by the shared TTL attribute', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true } });
  });

  it('creates every GSI of the shared definition with its keys and ALL projection', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: GLOBAL_INDEXES.map((gsi) =>
        Match.objectLike({
          IndexName: gsi.indexName,
          KeySchema: [
            { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
            { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        }),
      ),
    });
  });

  it('keeps the table when the stack goes and refuses deletion', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
  });

  it('keeps a rotating KMS key for channel secrets', () => {
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ EnableKeyRotation: true }) });
  });

  it('encrypts with its own rotating key when asked for a customer-managed key', () => {
    // Arrange
    const customer = synth('customer-managed');
    // Assert
    customer.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
    });
    expect(Object.keys(customer.findResources('AWS::KMS::Key', { Properties: { EnableKeyRotation: true } }))).toHaveLength(2);
  });
});
