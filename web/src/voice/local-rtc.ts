// PLACEHOLDER (replaced in this session by the local WebRTC client): keeps the dispatcher compiling.
import type { AudioTicket } from '@cc/shared/voice/call-audio';
import type { CallAudio, CallAudioOptions } from './call-audio.ts';

export async function joinLocalRtc(_ticket: AudioTicket, _options: CallAudioOptions): Promise<CallAudio> {
  throw new Error('Local call audio is not built yet');
}
