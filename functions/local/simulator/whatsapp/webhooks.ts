/** What Meta POSTs to a WhatsApp Cloud API webhook and how it signs it; the subscription check. */
import { hmacSha256Hex } from '@cc/shared/messaging/signature';
import { type Forgery, type WebhookRequest, forgedSecret } from '../wire.ts';

/** The business account and number a WhatsApp channel speaks for (entry.id, metadata). */
export interface WhatsAppBusiness {
  wabaId: string;
  displayPhoneNumber: string;
  phoneNumberId: string;
}

/** The envelope Meta wraps every Cloud API notification in: one entry, one `messages` change. */
function whatsAppNotification(business: WhatsAppBusiness, value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: business.wabaId,
        changes: [
          {
            value: { messaging_product: 'whatsapp', metadata: { display_phone_number: business.displayPhoneNumber, phone_number_id: business.phoneNumberId }, ...value },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

/** A `messages` webhook with one message from a customer (text or an interactive reply). */
export function whatsAppMessageWebhook(business: WhatsAppBusiness, customer: { name: string; waId: string }, message: Record<string, unknown>) {
  return whatsAppNotification(business, { contacts: [{ profile: { name: customer.name }, wa_id: customer.waId }], messages: [message] });
}

/** A `messages` webhook carrying delivery statuses of our messages (sent, delivered, read). */
export function whatsAppStatusWebhook(business: WhatsAppBusiness, statuses: Array<{ id: string; recipientId: string; status: 'sent' | 'delivered' | 'read'; timestamp: number; conversationId: string }>) {
  return whatsAppNotification(business, {
    statuses: statuses.map((s) => ({
      id: s.id,
      recipient_id: s.recipientId,
      status: s.status,
      timestamp: String(s.timestamp),
      // Meta stops sending conversation and pricing with `read`.
      ...(s.status === 'read'
        ? {}
        : { conversation: { id: s.conversationId, origin: { type: 'service' } }, pricing: { billable: true, pricing_model: 'CBP', category: 'service' } }),
    })),
  });
}

/** Meta signs the raw body: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 keyed with the app secret>`. */
export function whatsAppWebhook(url: string, payload: unknown, appSecret: string | undefined, forgery?: Forgery): WebhookRequest {
  const rawBody = JSON.stringify(payload);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (forgery !== 'missing-signature') headers['x-hub-signature-256'] = `sha256=${hmacSha256Hex(forgery === 'bad-signature' || !appSecret ? forgedSecret() : appSecret, rawBody)}`;
  return { method: 'POST', url, headers, rawBody };
}

/** The subscription check Meta makes when a webhook is saved: a GET that must echo `hub.challenge`. */
export function whatsAppVerification(url: string, verifyToken: string, challenge: string): WebhookRequest {
  const query = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.challenge': challenge, 'hub.verify_token': verifyToken });
  return { method: 'GET', url: `${url}?${query.toString()}`, headers: {} };
}
