import { ContactSchema } from '@cc/shared/contacts/model';
import type { ChangeReaction } from '../streams/app.ts';
import type { ChatSurveys } from './chat-surveys.ts';

/** Surveys off the stream: a chat contact that has just closed gets its survey (the service decides whether). */
export function surveyReactions(surveys: ChatSurveys): ChangeReaction[] {
  return [
    {
      name: 'surveys: send the chat survey when a handled chat closes',
      entity: 'contact',
      react: async (change) => {
        if (!change.newImage) return;
        const after = ContactSchema.parse(change.newImage);
        const before = change.oldImage ? ContactSchema.parse(change.oldImage) : undefined;
        if (after.status !== 'closed' || before?.status === 'closed' || after.conversationId === undefined) return;
        await surveys.sendAfterClose(after);
      },
    },
  ];
}
