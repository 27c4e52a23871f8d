// PLACEHOLDER (replaced in this session by the amazon-chime-sdk-js adapter): keeps the dispatcher compiling.
import type { AudioTicket } from '@cc/shared/voice/call-audio';
import type { CallAudio, CallAudioOptions } from './call-audio.ts';

export async function joinChimeMeeting(_ticket: AudioTicket, _options: CallAudioOptions): Promise<CallAudio> {
  throw new Error('Chime SDK call audio is not built yet');
}
