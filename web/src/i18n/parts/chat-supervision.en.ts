import type { chatSupervisionRu } from './chat-supervision.ru.ts';

/** Supervisors in live chats, in English. */
export const chatSupervisionEn: { readonly [K in keyof typeof chatSupervisionRu]: string } = {
  'chatSupervision.title': 'Chats now',
  'chatSupervision.empty': 'No chats in progress',
  'chatSupervision.col.agent': 'Agent',
  'chatSupervision.col.queue': 'Queue',
  'chatSupervision.col.channel': 'Channel',
  'chatSupervision.col.since': 'Connected',
  'chatSupervision.col.actions': 'Actions',
  'chatSupervision.open': 'Open',
  'chatSupervision.close': 'Close',
  'chatSupervision.yours': 'Your chat',
  'chatSupervision.viewTitle': 'Chat: {agent}',
  'chatSupervision.readOnly': 'View only: neither the customer nor the agent sees you.',
  'chatSupervision.whisperLabel': 'Whisper to the agent (the customer will not see it)',
  'chatSupervision.whisperSend': 'Whisper',
  'chatSupervision.barge': 'Join the chat',
  'chatSupervision.barged': 'You are in the chat: the customer sees your replies, signed with your name.',
  'chatSupervision.leave': 'Leave the chat',
  'chatSupervision.takeOver': 'Take over',
  'chatSupervision.takenOver': 'The chat is yours now',
  'chatSupervision.error': 'That did not work: {reason}',
  'chatSupervision.whisperMark': 'Whisper from supervisor {name} · hidden from the customer',
} as const;
