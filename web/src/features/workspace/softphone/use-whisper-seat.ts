import { useEffect, useState } from 'react';
import type { Contact } from '@cc/shared/contacts/model';
import type { AudioTicket } from '@cc/shared/voice/call-audio';
import { joinCallAudio } from '../../../voice/join-call-audio.ts';
import { useApi } from '../../auth/session.tsx';
import { WhisperSeat } from './whisper-seat.ts';

/**
 * Seats the agent in a supervisor's whisper meeting while one is on the call (Chime), following the contact as
 * pushed; `callTicket` is the agent's joined call audio (undefined until joined). Left on hang-up or unmount.
 */
export function useWhisperSeat(contact: Contact, callTicket: AudioTicket | undefined): void {
  const api = useApi();
  const [seat, setSeat] = useState<WhisperSeat | undefined>();
  useEffect(() => {
    // A receive-only seat sends nothing: an empty stream stands in for the microphone.
    const created = new WhisperSeat(contact.contactId, { requestTicket: (id) => api.callAudioTicket(id, 'agent'), join: (ticket) => joinCallAudio(ticket, { microphone: new MediaStream() }) });
    setSeat(created);
    return () => void created.leave();
  }, [api, contact.contactId]);
  useEffect(() => void seat?.follow(contact, callTicket), [seat, contact, callTicket]);
}
