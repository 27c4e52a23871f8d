// Placeholder being replaced by the real HTTP entry (Hono app behind API Gateway HTTP API).
export const handler = async () => ({ statusCode: 503, body: 'starting' });
