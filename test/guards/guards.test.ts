import { describe, expect, it } from 'vitest';
import { startDynamoDbLocal } from '../../functions/local/dynamodb-local.ts';
import { startContactCenter } from '../../functions/local/contact-center.ts';
import { launchChromium } from '../browser.ts';
import { createTestTable } from '../dynamodb.ts';
import { NO_DYNAMODB_LOCAL } from './no-dynamodb-local.ts';
import { NO_BROWSER } from './no-browser.ts';

// This file is a unit test: the unit project's guards are on here.
describe('a test in the unit project', () => {
  it('cannot create a DynamoDB Local table, and is told to be *.int.test.ts', async () => {
    await expect(createTestTable()).rejects.toThrow(/No DynamoDB Local in this project: .*\*\.int\.test\.ts/);
  });

  it('cannot start DynamoDB Local itself, directly or through the local contact center', async () => {
    await expect(startDynamoDbLocal()).rejects.toThrow(NO_DYNAMODB_LOCAL);
    await expect(startContactCenter({ port: 0, quiet: true })).rejects.toThrow(NO_DYNAMODB_LOCAL);
  });

  it('cannot launch Chromium, and is told to be *.browser.test.ts', async () => {
    await expect(launchChromium()).rejects.toThrow(NO_BROWSER);
  });
});
