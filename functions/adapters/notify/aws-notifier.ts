/**
 * Alert SMS through Amazon SNS (`Publish` to a phone number, transactional) and alert e-mail through Amazon SES
 * (v2 `SendEmail`, plain text, with the stack's configuration set). A new AWS account starts in both sandboxes:
 * SMS only to verified numbers and e-mail only to verified addresses until production access is granted
 * (docs/alerts.md).
 */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { OutgoingMessage } from '@cc/shared/alerts/notice';
import type { AlertNotifier } from '@cc/shared/alerts/ports';

export interface AwsNotifierOptions {
  /** The verified identity e-mails come from; without it e-mails are refused (and recorded so). */
  from?: string;
  configurationSet?: string;
  smsSenderId?: string;
}

export class AwsAlertNotifier implements AlertNotifier {
  constructor(
    private readonly sns: SNSClient,
    private readonly ses: SESv2Client,
    private readonly options: AwsNotifierOptions,
  ) {}

  async send(message: OutgoingMessage): Promise<{ providerId: string }> {
    return message.channel === 'sms' ? this.sms(message) : this.email(message);
  }

  private async sms(message: OutgoingMessage) {
    const { MessageId } = await this.sns.send(new PublishCommand({
      PhoneNumber: message.to,
      Message: message.text,
      MessageAttributes: {
        // Transactional: delivered ahead of promotional traffic and to numbers that opted out of marketing.
        'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        ...(this.options.smsSenderId && { 'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: this.options.smsSenderId } }),
      },
    }));
    return { providerId: MessageId ?? 'sns' };
  }

  private async email(message: OutgoingMessage) {
    if (!this.options.from) throw new Error('ALERT_EMAIL_FROM is not set: no verified sender for alert e-mails');
    const { MessageId } = await this.ses.send(new SendEmailCommand({
      FromEmailAddress: this.options.from,
      Destination: { ToAddresses: [message.to] },
      Content: { Simple: { Subject: { Data: message.subject, Charset: 'UTF-8' }, Body: { Text: { Data: message.text, Charset: 'UTF-8' } } } },
      ...(this.options.configurationSet && { ConfigurationSetName: this.options.configurationSet }),
    }));
    return { providerId: MessageId ?? 'ses' };
  }
}
