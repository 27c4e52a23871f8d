import type { AudioTicket } from '@cc/shared/voice/call-audio';
import type { CallAudio, CallAudioOptions } from './call-audio.ts';

/** Joins a call's audio with the client its ticket names; the Chime SDK client is loaded only for a Chime ticket. */
export async function joinCallAudio(ticket: AudioTicket, options: CallAudioOptions = {}): Promise<CallAudio> {
  if (ticket.provider === 'local') return (await import('./local-rtc.ts')).joinLocalRtc(ticket, options);
  return (await import('./chime-audio.ts')).joinChimeMeeting(ticket, options);
}
