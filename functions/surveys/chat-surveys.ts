import type { Contact } from '@cc/shared/contacts/model';
import type { ContactRepository } from '@cc/shared/contacts/ports';
import { newOutboundMessage } from '@cc/shared/conversations/build-message';
import { systemMessageIdOf } from '@cc/shared/conversations/ids';
import type { Conversation, StoredMessage } from '@cc/shared/conversations/model';
import type { MessagingRepository } from '@cc/shared/conversations/ports';
import type { CustomerRepository } from '@cc/shared/customers/ports';
import { decideSurveyReply, pendingStage, type SurveyReplyMessage } from '@cc/shared/surveys/answer';
import { planChatSurvey, surveyQuestion, surveyThanks } from '@cc/shared/surveys/plan';
import type { SurveySettingsRepository } from '@cc/shared/surveys/ports';
import { DEFAULT_SURVEY_SETTINGS, type SurveySettings, type SurveyStage } from '@cc/shared/surveys/values';
import type { ContactCommands } from '../routing/commands.ts';
import type { Clock } from '../composition/deps.ts';
import { logger } from '../composition/logger.ts';

/** What chat surveys read and write. */
export interface ChatSurveyDeps {
  messaging: MessagingRepository;
  customers: CustomerRepository;
  contacts: ContactRepository;
  surveySettings: SurveySettingsRepository;
  clock: Clock;
}

/** The answer to a customer's reply after a chat closed: which contact takes the message, and what we send back. */
export interface SurveyReplyOutcome {
  contactId: string;
  /** The NPS question or the thank-you (absent for a second press, which changes nothing). */
  followUp?: { text: string; buttons?: { title: string; payload: string }[]; messageId: string };
}

/**
 * Surveys after chats: the question goes out through the channel's outbox like any reply when a handled chat closes
 * (once per contact: the request is recorded on the contact first, the message id is the contact's), and the
 * customer's answer is recorded on the closed contact (first answer wins) instead of opening a new one.
 */
export class ChatSurveys {
  constructor(
    private readonly deps: ChatSurveyDeps,
    private readonly commands: Pick<ContactCommands, 'annotate'>,
  ) {}

  /** The tenant's settings, or the defaults. */
  async settings(tenantId: string): Promise<SurveySettings> {
    const stored = await this.deps.surveySettings.get(tenantId);
    if (!stored) return DEFAULT_SURVEY_SETTINGS;
    const { chats, nps, timeoutHours, texts } = stored;
    return { chats, nps, timeoutHours, texts };
  }

  /** Sends the survey of a chat contact that just closed, if it gets one; a redelivered close sends nothing twice. */
  async sendAfterClose(closed: Contact): Promise<void> {
    const settings = await this.settings(closed.tenantId);
    const now = this.deps.clock.now();
    if (typeof planChatSurvey(closed, settings, now) === 'string' && !closed.surveyRequest) return;
    const recorded = await this.commands.annotate(closed.tenantId, closed.contactId, (c) => {
      const request = planChatSurvey(c, settings, now);
      return typeof request === 'string' ? undefined : { surveyRequest: request };
    });
    // Recorded now, or by an earlier try of this record that may not have written the message yet.
    const contact = recorded ?? (await this.deps.contacts.get(closed.tenantId, closed.contactId));
    if (!contact?.surveyRequest || contact.surveyRequest.via === 'keypad' || contact.survey || !contact.conversationId) return;
    const conversation = await this.deps.messaging.getConversation(contact.tenantId, contact.conversationId);
    if (!conversation) return;
    const question = surveyQuestion('csi', settings, contact.channel, await this.languageOf(conversation));
    const at = now.toISOString();
    const messageId = systemMessageIdOf(contact.contactId, 'survey');
    const message = newOutboundMessage({ messageId, conversation, contactId: contact.contactId, text: question.text, buttons: question.buttons, authorId: 'system', at });
    const written = await this.deps.messaging.writeOutbound(message, { tenantId: contact.tenantId, messageId, attempt: 1, createdAt: at });
    if (written === 'created') logger.info('Chat survey sent', { contactId: contact.contactId, channel: contact.channel });
  }

  /**
   * A customer's message on a conversation whose contact has closed: a survey answer is recorded on that contact and
   * answered with the NPS question or a thank-you; a second answer only joins the contact. `undefined`: not a survey
   * answer (or too late), so the message goes on as any message would.
   */
  async reply(conversation: Conversation, message: SurveyReplyMessage, ref: string): Promise<SurveyReplyOutcome | undefined> {
    const contactId = conversation.lastContactId;
    if (!contactId) return undefined;
    const last = await this.deps.contacts.get(conversation.tenantId, contactId);
    if (!last?.surveyRequest || last.surveyRequest.via === 'keypad') return undefined;
    const now = this.deps.clock.now();
    const decision = decideSurveyReply(last, message, ref, now);
    if (decision.kind === 'not-an-answer') return undefined;
    if (decision.kind === 'repeat' && !decision.redelivered) return { contactId };
    const recorded = decision.kind === 'answer'
      ? await this.commands.annotate(conversation.tenantId, contactId, (c) => {
        const fresh = decideSurveyReply(c, message, ref, now);
        return fresh.kind === 'answer' ? { survey: fresh.survey } : undefined;
      })
      : undefined;
    const contact = recorded ?? (await this.deps.contacts.get(conversation.tenantId, contactId)) ?? last;
    // Lost a race to another answer of the same question: this one changes nothing.
    if (contact.survey?.ref !== ref && contact.survey?.npsRef !== ref) return { contactId };
    const settings = await this.settings(conversation.tenantId);
    const next: SurveyStage | undefined = contact.survey.npsRef === ref ? undefined : pendingStage(contact);
    const language = await this.languageOf(conversation);
    const followUp = next === 'nps' ? surveyQuestion('nps', settings, conversation.channel, language) : { text: surveyThanks(settings, language) };
    return { contactId, followUp: { ...followUp, messageId: systemMessageIdOf(ref, 'survey-follow-up') } };
  }

  /** The follow-up as the conversation's outbound system message. */
  followUpMessage(conversation: Conversation, outcome: SurveyReplyOutcome, at: string): StoredMessage | undefined {
    const { followUp } = outcome;
    if (!followUp) return undefined;
    return newOutboundMessage({ messageId: followUp.messageId, conversation, contactId: outcome.contactId, text: followUp.text, buttons: followUp.buttons, authorId: 'system', at });
  }

  private async languageOf(conversation: Conversation): Promise<string | undefined> {
    return (await this.deps.customers.get(conversation.tenantId, conversation.customerId))?.language;
  }
}
