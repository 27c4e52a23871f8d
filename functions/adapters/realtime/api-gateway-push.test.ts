import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ApiGatewayManagementApiClient, DeleteConnectionCommand, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { ApiGatewayRealtimePush } from './api-gateway-push.ts';

const management = mockClient(ApiGatewayManagementApiClient);
afterEach(() => management.reset());
// Unit test files share a worker's modules (isolate: false): leave the real client behind.
afterAll(() => management.restore());

describe('ApiGatewayRealtimePush', () => {
  it('posts the message as JSON to the connection', async () => {
    // Arrange
    management.on(PostToConnectionCommand).resolves({});
    const push = new ApiGatewayRealtimePush(new ApiGatewayManagementApiClient({ region: 'eu-central-1' }));
    // Act
    const delivered = await push.post('conn-1', { type: 'pong' });
    // Assert
    expect(delivered).toBe(true);
    const input = management.commandCalls(PostToConnectionCommand)[0]!.args[0].input;
    expect(input.ConnectionId).toBe('conn-1');
    expect(JSON.parse(Buffer.from(input.Data as Uint8Array).toString())).toEqual({ type: 'pong' });
  });

  it('answers false for a connection that is gone (410)', async () => {
    // Arrange
    management.on(PostToConnectionCommand).rejects(new GoneException({ message: 'gone', $metadata: {} }));
    const push = new ApiGatewayRealtimePush(new ApiGatewayManagementApiClient({ region: 'eu-central-1' }));
    // Act / Assert
    await expect(push.post('conn-1', { type: 'pong' })).resolves.toBe(false);
  });

  it('passes other failures on, so the stream record is retried', async () => {
    // Arrange
    management.on(PostToConnectionCommand).rejects(new Error('throttled'));
    const push = new ApiGatewayRealtimePush(new ApiGatewayManagementApiClient({ region: 'eu-central-1' }));
    // Act / Assert
    await expect(push.post('conn-1', { type: 'pong' })).rejects.toThrow('throttled');
  });

  it('closes a connection with DeleteConnection, and a connection already gone is fine', async () => {
    // Arrange
    management.on(DeleteConnectionCommand).rejectsOnce(new GoneException({ message: 'gone', $metadata: {} })).resolves({});
    const push = new ApiGatewayRealtimePush(new ApiGatewayManagementApiClient({ region: 'eu-central-1' }));
    // Act
    await push.disconnect('conn-1');
    await push.disconnect('conn-2');
    // Assert
    expect(management.commandCalls(DeleteConnectionCommand).map((c) => c.args[0].input.ConnectionId)).toEqual(['conn-1', 'conn-2']);
  });
});
