// Zod-free: who hears whom in a call's audio, so the browser applies the same policy as the server.
/** Who an attendee of a call's audio is: the caller, the agent, or a supervisor listening, whispering or barging in. */
export type MeetingRole = 'caller' | 'agent' | 'listen' | 'whisper' | 'barge';

/** Whether `listener` hears `speaker`. A listener only hears; a whisper is heard by the agent alone; a barge joins the conversation. */
export function hears(listener: MeetingRole, speaker: MeetingRole): boolean {
  if (listener === speaker && listener !== 'listen') return listener !== 'caller'; // two agents (a transfer's overlap) hear each other
  switch (speaker) {
    case 'listen':
      return false;
    case 'whisper':
      return listener === 'agent';
    case 'caller':
    case 'agent':
    case 'barge':
      return true;
  }
}

/** The audio between two attendees: who sends to whom. `none` when neither hears the other, so no link is needed. */
export function audioLink(a: MeetingRole, b: MeetingRole): { aToB: boolean; bToA: boolean } {
  return { aToB: hears(b, a), bToA: hears(a, b) };
}
