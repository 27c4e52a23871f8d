import type { AnalysisCategory, AnalysisSearchEntry, ContactAnalysisView } from '@cc/shared/analytics/values';
import type { QaEvaluationBody, QaFormBody } from '@cc/shared/qa/schema';
import type { AgentQualityReport, QaDraft, QaEvaluation, QaForm, QaSample } from '@cc/shared/qa/values';
import { searchOf, type RequestOptions } from './http.ts';

/** `GET /api/analytics/conversations` filters; `from`/`to` are ISO instants (the server defaults to the last day). */
export interface ConversationSearchQuery { category?: AnalysisCategory; agentId?: string; queueId?: string; from?: string; to?: string; flaggedOnly?: boolean; limit?: number; cursor?: string }

/** One page of analysed conversations, newest first; `cursor` reads the next. */
export interface ConversationSearchPage { entries: AnalysisSearchEntry[]; cursor?: string }

/** Quality evaluation and the conversation analysis it reads (docs/qa.md, docs/analytics.md). */
export interface QaApi {
  /** QA: the day's conversations to evaluate (supervisors). */
  qaSample(query: { date?: string }): Promise<QaSample>;
  /** QA evaluations: an agent's own, or for supervisors anyone's. */
  qaEvaluations(query: { agentId?: string; from?: string; to?: string }): Promise<QaEvaluation[]>;
  commentQaEvaluation(evaluationId: string, text: string): Promise<QaEvaluation>;
  /** The forms the caller may read (supervisors: every one), by name. */
  qaForms(): Promise<QaForm[]>;
  /** The form pre-answered from the contact's analysis, with the evidence (supervisors; 400 when the form is not for its queue). */
  qaDraft(contactId: string, formId: string): Promise<QaDraft>;
  /** Stores a supervisor's evaluation; the server scores it (409 `already_evaluated` for a second on the same form). */
  createQaEvaluation(body: QaEvaluationBody): Promise<QaEvaluation>;
  /** One contact's stored analysis with the segments its findings point into (404 when not analysed). */
  contactAnalysis(contactId: string): Promise<ContactAnalysisView>;
  /** Analysed conversations by period, category, agent and queue (an agent: only their own). */
  searchConversations(query: ConversationSearchQuery): Promise<ConversationSearchPage>;
  /** One agent's quality over local days (at most 31): their own for an agent, anyone's for supervisors. */
  agentQualityReport(agentId: string, period: { from: string; to: string }): Promise<AgentQualityReport>;
  /** Writes a form (supervisors; audited); an update names the version it was edited from (409 when stale). */
  createQaForm(body: QaFormBody): Promise<QaForm>;
  updateQaForm(formId: string, body: QaFormBody): Promise<QaForm>;
  deleteQaForm(formId: string): Promise<void>;
}

type JsonCall = <T>(path: string, init?: Omit<RequestOptions, 'token' | 'fetch'>) => Promise<T>;
const id = encodeURIComponent;

/** The QA part of the API client, over the client's authenticated `call`. */
export function qaApi(call: JsonCall): QaApi {
  return {
    qaSample: (query) => call<QaSample>(`/api/qa/sample${searchOf(query)}`),
    qaEvaluations: async (query) => (await call<{ evaluations: QaEvaluation[] }>(`/api/qa/evaluations${searchOf(query)}`)).evaluations,
    commentQaEvaluation: (evaluationId, text) => call<QaEvaluation>(`/api/qa/evaluations/${id(evaluationId)}/comments`, { method: 'POST', body: { text } }),
    qaForms: async () => (await call<{ forms: QaForm[] }>('/api/qa/forms')).forms,
    qaDraft: (contactId, formId) => call<QaDraft>(`/api/qa/contacts/${id(contactId)}/draft${searchOf({ formId })}`),
    createQaEvaluation: (body) => call<QaEvaluation>('/api/qa/evaluations', { method: 'POST', body }),
    contactAnalysis: (contactId) => call<ContactAnalysisView>(`/api/analytics/contacts/${id(contactId)}`),
    searchConversations: ({ flaggedOnly, ...query }) => call<ConversationSearchPage>(`/api/analytics/conversations${searchOf({ ...query, flagged: flaggedOnly ? 'true' : undefined })}`),
    createQaForm: (body) => call<QaForm>('/api/qa/forms', { method: 'POST', body }),
    updateQaForm: (formId, body) => call<QaForm>(`/api/qa/forms/${id(formId)}`, { method: 'PUT', body }),
    deleteQaForm: async (formId) => void (await call<unknown>(`/api/qa/forms/${id(formId)}`, { method: 'DELETE' })),
    agentQualityReport: (agentId, period) => call<AgentQualityReport>(`/api/qa/agents/${id(agentId)}/report${searchOf(period)}`),
  };
}
