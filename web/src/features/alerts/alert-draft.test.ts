import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../api/errors.ts';
import { bodyOf, draftOf, EMPTY_DRAFT, recipientsOf, serverErrors } from './alert-draft.ts';

describe('the alert rule form', () => {
  it('turns what a supervisor typed into the API body', () => {
    const result = bodyOf({ ...EMPTY_DRAFT, name: ' VIP ждут ', queueId: 'vip', threshold: '0', recipients: 'duty@romashka.example\n+7 (916) 123-45-67' });
    expect(result).toEqual({ body: { name: 'VIP ждут', metric: 'contacts_waiting', queueId: 'vip', comparison: 'gt', threshold: 0, windowSeconds: 0, quietSeconds: 300, recipients: [{ email: 'duty@romashka.example' }, { phone: '+79161234567' }], enabled: true } });
  });

  it('names each field to fix before sending', () => {
    const result = bodyOf({ ...EMPTY_DRAFT, threshold: 'много', windowSeconds: '1.5', recipients: 'кому-нибудь', scope: 'queue', queueId: '' });
    expect(result).toEqual({ errors: { threshold: 'alerts.error.threshold', windowSeconds: 'alerts.error.seconds', recipients: 'alerts.error.recipients', scope: 'alerts.error.scope', form: 'alerts.form.fix' } });
    expect(recipientsOf('a@b.example, 8 916 123 45 67').invalid).toEqual(['8 916 123 45 67']);
  });

  it('reads a stored rule back into the form and the server’s refusal into fields', () => {
    const draft = draftOf({ tenantId: 't', alertId: 'a1', metric: 'service_level', comparison: 'lt', threshold: 80, windowSeconds: 3600, quietSeconds: 600, recipients: [{ phone: '+79161234567' }], enabled: false, createdAt: '', updatedAt: '', version: 1, watch: { firing: false } });
    expect(draft).toMatchObject({ alertId: 'a1', scope: 'tenant', threshold: '80', windowSeconds: '3600', recipients: '+79161234567', enabled: false });
    const refused = serverErrors(new ProblemError(400, { type: 'urn:problem:validation', title: 'Bad Request', status: 400, detail: 'metric: not kept per queue', errors: [{ path: 'metric', message: 'not kept per queue' }] }));
    expect(refused).toEqual({ metric: 'alerts.error.metric', form: 'alerts.error.save', detail: 'metric: not kept per queue' });
  });
});
