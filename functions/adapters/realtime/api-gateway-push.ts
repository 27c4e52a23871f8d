import { ApiGatewayManagementApiClient, DeleteConnectionCommand, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import type { LiveMessage, RealtimePush } from '@cc/shared/realtime/ports';

/** Pushes through the API Gateway Management API of the WebSocket API. */
export class ApiGatewayRealtimePush implements RealtimePush {
  constructor(private readonly client: ApiGatewayManagementApiClient) {}

  async post(connectionId: string, message: LiveMessage) {
    try {
      await this.client.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: JSON.stringify(message) }));
      return true;
    } catch (error) {
      if (error instanceof GoneException) return false;
      throw error;
    }
  }

  async disconnect(connectionId: string) {
    try {
      await this.client.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
    } catch (error) {
      if (!(error instanceof GoneException)) throw error;
    }
  }
}
