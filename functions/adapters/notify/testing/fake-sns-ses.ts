/**
 * Amazon SNS and Amazon SES as their APIs answer, on loopback, for the notifier's tests: SNS `Publish` in the AWS
 * Query protocol (a form-encoded POST, an XML `PublishResponse`, an `ErrorResponse` with `InvalidParameter` for a
 * number that is not E.164) and SES v2 `SendEmail` (`POST /v2/email/outbound-emails`, JSON, `{ MessageId }`; a
 * `MessageRejected` 400 for an unverified sender, as the sandbox answers).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSms { phoneNumber: string; message: string; attributes: Record<string, string> }
export interface FakeEmail { from: string; to: string[]; subject: string; text: string; configurationSet?: string }

const read = (req: IncomingMessage) => new Promise<string>((resolve) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  req.on('end', () => resolve(body));
});

/** SNS Query parameters `MessageAttributes.entry.N.Name` / `.Value.StringValue` as a map. */
function attributesOf(form: URLSearchParams): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (let n = 1; form.has(`MessageAttributes.entry.${n}.Name`); n++) attributes[form.get(`MessageAttributes.entry.${n}.Name`)!] = form.get(`MessageAttributes.entry.${n}.Value.StringValue`) ?? '';
  return attributes;
}

export async function startFakeSnsSes(options: { verifiedSenders: string[] }) {
  const sms: FakeSms[] = [];
  const emails: FakeEmail[] = [];
  let counter = 0;
  const server: Server = createServer(async (req, res) => {
    const body = await read(req);
    if (req.method === 'POST' && req.url === '/v2/email/outbound-emails') {
      const input = JSON.parse(body) as { FromEmailAddress: string; Destination: { ToAddresses: string[] }; Content: { Simple: { Subject: { Data: string }; Body: { Text: { Data: string } } } }; ConfigurationSetName?: string };
      res.setHeader('content-type', 'application/json');
      if (!options.verifiedSenders.includes(input.FromEmailAddress)) {
        res.statusCode = 400;
        res.setHeader('x-amzn-errortype', 'MessageRejected');
        return res.end(JSON.stringify({ message: `Email address is not verified. The following identities failed the check in region EU-CENTRAL-1: ${input.FromEmailAddress}` }));
      }
      emails.push({ from: input.FromEmailAddress, to: input.Destination.ToAddresses, subject: input.Content.Simple.Subject.Data, text: input.Content.Simple.Body.Text.Data, ...(input.ConfigurationSetName && { configurationSet: input.ConfigurationSetName }) });
      return res.end(JSON.stringify({ MessageId: `ses-${++counter}` }));
    }
    const form = new URLSearchParams(body);
    res.setHeader('content-type', 'text/xml');
    if (req.method === 'POST' && form.get('Action') === 'Publish') {
      const phoneNumber = form.get('PhoneNumber') ?? '';
      if (!/^\+[1-9]\d{6,14}$/.test(phoneNumber)) {
        res.statusCode = 400;
        return res.end(`<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>InvalidParameter</Code><Message>Invalid parameter: PhoneNumber Reason: ${phoneNumber} is not valid to publish to</Message></Error><RequestId>r-${counter}</RequestId></ErrorResponse>`);
      }
      sms.push({ phoneNumber, message: form.get('Message') ?? '', attributes: attributesOf(form) });
      return res.end(`<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>sns-${++counter}</MessageId></PublishResult><ResponseMetadata><RequestId>r-${counter}</RequestId></ResponseMetadata></PublishResponse>`);
    }
    res.statusCode = 400;
    res.end('<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>Unknown action</Message></Error></ErrorResponse>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, sms, emails, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
