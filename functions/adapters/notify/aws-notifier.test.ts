import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsAlertNotifier } from './aws-notifier.ts';
import { startFakeSnsSes } from './testing/fake-sns-ses.ts';

let fake: Awaited<ReturnType<typeof startFakeSnsSes>>;
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
const notifier = (from?: string) => new AwsAlertNotifier(
  new SNSClient({ region: 'eu-central-1', endpoint: fake.url, credentials, maxAttempts: 1 }),
  new SESv2Client({ region: 'eu-central-1', endpoint: fake.url, credentials, maxAttempts: 1 }),
  { ...(from && { from }), configurationSet: 'cc-alerts', smsSenderId: 'Romashka' },
);

beforeAll(async () => {
  fake = await startFakeSnsSes({ verifiedSenders: ['alerts@romashka.example'] });
});
afterAll(() => fake.stop());

describe('alert SMS and e-mail through SNS and SES', () => {
  it('publishes an SMS to the phone number as a transactional message with the sender id', async () => {
    // Act
    const sent = await notifier().send({ channel: 'sms', to: '+79161234567', subject: 'Тревога', text: 'Тревога: Ожидают в очереди — очередь «VIP». Сейчас 3, порог > 0.' });
    // Assert
    expect(sent.providerId).toMatch(/^sns-\d+$/);
    expect(fake.sms.at(-1)).toEqual({ phoneNumber: '+79161234567', message: 'Тревога: Ожидают в очереди — очередь «VIP». Сейчас 3, порог > 0.', attributes: { 'AWS.SNS.SMS.SMSType': 'Transactional', 'AWS.SNS.SMS.SenderID': 'Romashka' } });
  });

  it('sends a plain-text e-mail from the verified sender with the configuration set', async () => {
    // Act
    const sent = await notifier('alerts@romashka.example').send({ channel: 'email', to: 'duty@romashka.example', subject: 'Alert: Contacts waiting', text: 'Now 3, threshold > 0.' });
    // Assert
    expect(sent.providerId).toMatch(/^ses-\d+$/);
    expect(fake.emails.at(-1)).toEqual({ from: 'alerts@romashka.example', to: ['duty@romashka.example'], subject: 'Alert: Contacts waiting', text: 'Now 3, threshold > 0.', configurationSet: 'cc-alerts' });
  });

  it('passes on the providers’ refusals: an unverified sender, a number SNS will not publish to, no sender at all', async () => {
    await expect(notifier('someone@else.example').send({ channel: 'email', to: 'duty@romashka.example', subject: 's', text: 't' })).rejects.toThrow(/not verified/);
    await expect(notifier().send({ channel: 'sms', to: '+0123', subject: 's', text: 't' })).rejects.toThrow(/Invalid parameter: PhoneNumber/);
    await expect(notifier().send({ channel: 'email', to: 'duty@romashka.example', subject: 's', text: 't' })).rejects.toThrow(/ALERT_EMAIL_FROM/);
  });
});
