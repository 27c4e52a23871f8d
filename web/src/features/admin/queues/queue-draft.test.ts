import { describe, expect, it } from 'vitest';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { ProblemError } from '../../../api/errors.ts';
import { copyMondayToWeekdays, createBody, serverErrors, toDraft, updateBody } from './queue-draft.ts';

const stored: TenantQueue = {
  tenantId: 't', queueId: 'q', name: 'Q', priority: 1, serviceLevel: { targetPercent: 90, thresholdSeconds: 10 }, timeZone: 'UTC', offerTimeoutSeconds: 20, afterContactWorkSeconds: 0,
  requiredSkills: { byChannel: { voice: [{ skill: 'ru', level: 3 }], telegram: [{ skill: 'sales', level: 5 }] }, byMenuChoice: { '1': [{ skill: 'billing', level: 2 }] } },
  ageingPerMinute: 1, maxWaitSeconds: 60, overflowQueueId: 'x', version: 4,
};

describe('queue form drafts', () => {
  it('turns a new draft into a create body with weekday hours and leaves empty optional fields out', () => {
    const draft = { ...toDraft(undefined, 'Europe/Moscow'), name: 'Продажи', priority: '5', holidays: ['2026-12-31'] };
    const body = createBody(draft);
    expect(body).toMatchObject({ name: 'Продажи', priority: 5, serviceLevel: { targetPercent: 80, thresholdSeconds: 20 }, timeZone: 'Europe/Moscow', offerTimeoutSeconds: 20 });
    const nineToSix = [{ open: '09:00', close: '18:00' }];
    expect(body.businessHours).toEqual({ weekly: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix }, holidays: ['2026-12-31'] });
    expect(Object.keys(body)).not.toContain('overflowQueueId');
    expect(Object.keys(body)).not.toContain('maxWaitSeconds');
  });

  it('clears emptied optional fields with null on an edit, sends the version, and keeps menu-choice skills', () => {
    const draft = toDraft(stored, 'Europe/Moscow');
    expect(draft.alwaysOpen).toBe(true);
    expect(draft.skills).toEqual([{ channel: 'voice', skill: 'ru', level: '3' }, { channel: 'telegram', skill: 'sales', level: '5' }]);
    const body = updateBody({ ...draft, maxWaitSeconds: '', overflowQueueId: '', skills: [...draft.skills, { channel: 'voice', skill: ' en ', level: '4' }] }, stored);
    expect(body).toMatchObject({ version: 4, maxWaitSeconds: null, overflowQueueId: null, businessHours: null, serviceLevel: { targetPercent: 90, thresholdSeconds: 10 } });
    expect(body.requiredSkills).toEqual({ byChannel: { voice: [{ skill: 'ru', level: 3 }, { skill: 'en', level: 4 }], telegram: [{ skill: 'sales', level: 5 }] }, byMenuChoice: stored.requiredSkills.byMenuChoice });
  });

  it('copies Monday to the other weekdays and leaves the weekend', () => {
    const weekly = copyMondayToWeekdays({ mon: [{ open: '08:00', close: '12:00' }, { open: '13:00', close: '17:00' }], tue: [], wed: [], thu: [], fri: [], sat: [{ open: '10:00', close: '14:00' }], sun: [] });
    expect(weekly.fri).toEqual(weekly.mon);
    expect(weekly.sat).toEqual([{ open: '10:00', close: '14:00' }]);
  });

  it('puts each refused path next to its field, finding a skill row by its channel and index', () => {
    const draft = toDraft(stored, 'UTC');
    const problem = (errors: { path: string; message: string }[]) => new ProblemError(400, { type: 'urn:problem:validation', title: 'Bad Request', status: 400, detail: '', errors });
    expect(serverErrors(problem([
      { path: 'businessHours.weekly.mon.0', message: 'open must be before close' },
      { path: 'serviceLevel.targetPercent', message: 'Too big' },
      { path: 'requiredSkills.byChannel.telegram.0.level', message: 'Too big' },
      { path: 'overflowQueueId', message: 'A queue cannot overflow into itself' },
      { path: 'businessHours.holidays.1', message: 'Invalid ISO date' },
    ]), draft)).toEqual({
      'hours.mon': 'admin.queues.error.hours', serviceLevel: 'admin.queues.error.serviceLevel', 'skills.1': 'admin.queues.error.skill',
      overflowQueueId: 'admin.queues.error.overflowSelf', holidays: 'admin.queues.error.holidays', form: 'admin.queues.form.fix',
    });
    expect(serverErrors(new ProblemError(409, undefined), draft)).toEqual({ form: 'admin.queues.error.changed' });
    expect(serverErrors(new ProblemError(409, { type: 'urn:problem:conflict', title: 'Conflict', status: 409, detail: 'A queue named «Q» exists already', reason: 'queue_name_taken' }), draft)).toEqual({ name: 'admin.queues.error.nameTaken', form: 'admin.queues.form.fix' });
  });
});
