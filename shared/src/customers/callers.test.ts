import { describe, expect, it } from 'vitest';
import { callerCustomerIdOf, callerSighting } from './callers.ts';

const AT = '2026-03-02T10:00:00.000Z';

describe('callerSighting', () => {
  it('names one customer per caller number in a tenant, whichever number was called', () => {
    // Act
    const first = callerSighting({ tenantId: 't1', number: '+74951234567', customer: '+79161234567' }, AT);
    const second = callerSighting({ tenantId: 't1', number: '+74957654321', customer: '+79161234567' }, AT);
    const elsewhere = callerSighting({ tenantId: 't2', number: '+74951234567', customer: '+79161234567' }, AT);
    // Assert
    expect(first).toEqual({ tenantId: 't1', customerId: callerCustomerIdOf('t1', '+79161234567'), channel: 'voice', channelId: '+74951234567', externalId: '+79161234567', profile: { phone: '+79161234567' }, at: AT });
    expect(second?.customerId).toBe(first?.customerId);
    expect(elsewhere?.customerId).not.toBe(first?.customerId);
  });

  it.each(['anonymous', 'Restricted', '', '2001', '+0123'])('identifies nobody for the caller %j', (customer) => {
    // Act, Assert
    expect(callerSighting({ tenantId: 't1', number: '+74951234567', customer }, AT)).toBeUndefined();
  });
});
