import { describe, expect, it } from 'vitest';
import { toPositionView } from './position-view.ts';

describe('toPositionView', () => {
  it('says «Вы третий в очереди, ~2 мин» and its English twin', () => {
    // Act
    const view = toPositionView('c1', 'q', 5, { contactId: 'c1', position: 3, estimatedWaitSeconds: 95 });
    // Assert
    expect(view).toMatchObject({ position: 3, waiting: 5, estimatedWaitMinutes: 2, message: { key: 'queue.position', params: { position: 3, minutes: 2 } }, text: { ru: 'Вы третий в очереди, ~2 мин', en: 'You are 3rd in the queue, ~2 min' } });
  });

  it('leaves the wait out when it is unknown and numbers places past ten', () => {
    // Act
    const view = toPositionView('c1', 'q', 12, { contactId: 'c1', position: 12, estimatedWaitSeconds: null });
    // Assert
    expect(view.text).toEqual({ ru: 'Вы 12-й в очереди', en: 'You are 12th in the queue' });
    expect(view.message.key).toBe('queue.position.unknownWait');
  });

  it('tells a contact that is not waiting', () => {
    // Act / Assert
    expect(toPositionView('c1', 'q', 0, undefined)).toMatchObject({ position: null, message: { key: 'queue.notWaiting' } });
  });
});
