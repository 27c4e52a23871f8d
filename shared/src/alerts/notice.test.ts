import { describe, expect, it } from 'vitest';
import { metricById } from '../metrics/catalog/index.ts';
import { noticeMessage, type AlertNotice } from './notice.ts';

const notice = (over: Partial<AlertNotice> = {}): AlertNotice => ({ tenantId: 't', noticeId: 'n', alertId: 'a', kind: 'fired', at: '2026-12-03T09:00:00.000Z', metric: 'oldest_contact_age', scope: { dimension: 'queue', value: 'vip', name: 'VIP' }, value: 185, comparison: 'gt', threshold: 120, recipients: [], ...over });

describe('alert messages', () => {
  it('tells in Russian by default: the metric, where, the value and the threshold in the metric’s unit', () => {
    const message = noticeMessage(notice(), metricById('oldest_contact_age')!, { phone: '+79161234567' });
    expect(message.channel).toBe('sms');
    expect(message.to).toBe('+79161234567');
    expect(message.text).toBe(`Тревога: ${metricById('oldest_contact_age')!.name.ru} — очередь «VIP». Сейчас 3 мин 5 с, порог > 2 мин 0 с.`);
  });

  it('tells a recovery in English to an English recipient, naming the rule', () => {
    const message = noticeMessage(notice({ kind: 'recovered', metric: 'service_level', value: 91.25, threshold: 80, comparison: 'lt', scope: { dimension: 'tenant', value: '*' }, ruleName: 'SLA' }), metricById('service_level')!, { email: 'duty@romashka.example', language: 'en' });
    expect(message).toEqual({ channel: 'email', to: 'duty@romashka.example', subject: `Recovered: ${metricById('service_level')!.name.en} — whole contact center`, text: `Recovered: ${metricById('service_level')!.name.en} — whole contact center. Now 91.3 %, back within the threshold (< 80 %). Rule: SLA.` });
  });
});
