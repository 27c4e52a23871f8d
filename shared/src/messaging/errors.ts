import { InvalidRequestError } from '../errors.ts';

/** A webhook body that is not what the provider documents (not JSON, or the wrong shape); answer 400. */
export class MalformedWebhookError extends InvalidRequestError {
  constructor(provider: string, message: string, details: Record<string, unknown> = {}) {
    super(`${provider} webhook: ${message}`, { provider, ...details });
  }
}
