// Browser test: with an evaluation, two analysed chats and survey answers of Анна's today, a supervisor picks her in
// «Отчёт по оператору» and sees the scores line, the categories bars against the team, the NPS/CSI tiles and her
// phrases, in Russian and in English, and the print stylesheet leaves only the report; Анна sees only her own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ANALYSIS_CATEGORIES, type AnalysisFinding, type CategoryScore, type StoredConversationAnalysis } from '@cc/shared/analytics/values';
import type { AgentQualityReport, QaEvaluation } from '@cc/shared/qa/values';
import { apiToken, DESKTOP, screenshots, startHarness, type Harness } from './harness.ts';
import { seriousAccessibilityProblems, untranslatedText } from './quality.ts';

let harness: Harness | undefined;
const ANNA = 'u-agent-1';
/** The demo tenant's calendar day (Moscow). */
const tenantDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(at);
const PHRASE = 'ёлки-палки';
let supervisorToken = '';

/** A stored analysis of Анна's chat in which she said `PHRASE` once per finding (profanity flagged), every other category clean. */
function analysisOf(tenantId: string, contactId: string, closedAt: string, findings: AnalysisFinding[]): StoredConversationAnalysis {
  const scores = Object.fromEntries(ANALYSIS_CATEGORIES.map((c) => [c, { value: c === 'profanity' ? findings.length : 0, unit: 'count', flagged: c === 'profanity' } satisfies CategoryScore])) as Record<(typeof ANALYSIS_CATEGORIES)[number], CategoryScore>;
  return {
    tenantId, contactId, queueId: 'support', channel: 'telegram', agentId: ANNA, closedAt, medium: 'chat', analysedAt: closedAt, segmentCount: 6, rulesVersion: 1,
    language: 'ru', languageDetected: true, findings, findingCount: findings.length, scores, flagged: true, reasons: [{ category: 'profanity', speaker: 'agent', value: findings.length }],
  };
}

beforeAll(async () => {
  harness = await startHarness();
  const { center, demoUser } = harness;
  const { tenantId } = center.demo;
  const now = new Date();
  const today = tenantDay(now);
  const evaluation: QaEvaluation = {
    tenantId, evaluationId: 'qf-report:report-c1', contactId: 'report-c1', formId: 'qf-report', formName: 'Чат поддержки', formVersion: 1, parameters: [],
    agentId: ANNA, queueId: 'support', channel: 'telegram', evaluatorId: 'u-supervisor', evaluatorName: 'Олег Кузнецов',
    evaluatedAt: now.toISOString(), answers: [], total: 88, comments: [], version: 1,
  };
  await center.deps.qaEvaluations.create(evaluation);
  const said = (segmentIndex: number): AnalysisFinding => ({ category: 'profanity', speaker: 'agent', segmentIndex, span: { start: 0, end: PHRASE.length, text: PHRASE }, ruleId: 'tenant.profanity.test' });
  const closedAt = new Date(now.getTime() - 60_000).toISOString();
  await center.deps.analyses.save(analysisOf(tenantId, 'report-c1', closedAt, [said(1), said(3)]), undefined);
  await center.deps.analyses.save(analysisOf(tenantId, 'report-c2', closedAt, [said(2)]), undefined);
  const measures = { surveysSent: 2, surveysAnswered: 2, surveys: 2, surveyScore: 9, satisfied: 2, npsAnswers: 2, promoters: 2 };
  await center.deps.metrics.fold(tenantId, 'agent-report-browser-surveys', [
    { cell: { dimension: 'agent', value: ANNA, period: { kind: 'D', date: today } }, measures },
    { cell: { dimension: 'tenant', value: '*', period: { kind: 'D', date: today } }, measures },
  ]);
  supervisorToken = await apiToken(center, demoUser('supervisor'));
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

/** The report the API answers for the last 30 days, as the page asks for it. */
async function apiReport(): Promise<AgentQualityReport> {
  const { center } = harness!;
  const to = tenantDay(new Date());
  const from = tenantDay(new Date(Date.parse(`${to}T12:00:00Z`) - 29 * 86_400_000));
  const res = await fetch(`${center.baseUrl}/api/qa/agents/${ANNA}/report?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${supervisorToken}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as AgentQualityReport;
}

describe('the agent quality report in Chromium', { timeout: 120_000 }, () => {
  it('lets a supervisor pick an agent and read her scores, categories against the team, surveys and phrases', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    const page = await signIn(demoUser('supervisor').login, DESKTOP);
    const expected = await apiReport();
    // Act
    await page.goto(`${center.baseUrl}/#/agent-report`);
    await page.getByText('Выберите оператора, чтобы увидеть его отчёт.').waitFor();
    await page.getByLabel(/^Оператор/).selectOption(ANNA);
    await page.locator(`.agent-report__body[data-agent="${ANNA}"]`).waitFor();
    // One day scored: the line is its one dot.
    await page.locator('[data-testid="scores-chart"] .recharts-line-dots circle').first().waitFor();
    await page.locator('[data-testid="categories-chart"] .recharts-bar-rectangle').first().waitFor();
    await page.screenshot({ path: join(screenshots, 'agent-report-ru.png'), animations: 'disabled', fullPage: true });
    // Assert
    expect(page.url()).toContain(`#/agent-report/${ANNA}`);
    expect(await page.getByRole('heading', { name: 'Качество работы: Анна Петрова' }).count()).toBe(1);
    const phrase = page.locator('[data-testid="phrases-table"] tbody tr', { has: page.locator('th', { hasText: PHRASE }) });
    expect(await phrase.locator('td').allInnerTexts()).toEqual(['Ненормативная лексика', '3', '2']);
    const profanity = page.locator('.agent-report__table tr[data-category="profanity"] td');
    const rate = expected.categories.find((c) => c.category === 'profanity')!;
    expect(await profanity.allInnerTexts()).toEqual([rate.agent, rate.team].map((v) => new Intl.NumberFormat('ru-RU').format(v)));
    const nps = await page.locator('[data-tile="nps"] .agent-report__tile-value').innerText();
    expect(nps).toBe(new Intl.NumberFormat('ru-RU').format(expected.surveys.agent.nps!));
    expect(await page.locator('[data-tile="csat"] .agent-report__tile-value').innerText()).toBe(new Intl.NumberFormat('ru-RU').format(expected.surveys.agent.csat!));
    expect(await page.locator('[data-tile="score"] .agent-report__tile-value').innerText()).toBe(new Intl.NumberFormat('ru-RU').format(expected.totals.averageScore!));
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('speaks English completely and prints only the report', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    const page = await signIn(demoUser('supervisor').login, DESKTOP);
    await page.goto(`${center.baseUrl}/#/agent-report/${ANNA}`);
    await page.locator(`.agent-report__body[data-agent="${ANNA}"]`).waitFor();
    // Act
    await page.getByRole('button', { name: 'EN', exact: true }).first().click();
    await page.locator('html[lang="en"]').waitFor();
    await page.getByText('Categories per 100 conversations', { exact: true }).waitFor();
    await page.screenshot({ path: join(screenshots, 'agent-report-en.png'), animations: 'disabled', fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(screenshots, 'agent-report-print.png'), animations: 'disabled', fullPage: true });
    // Assert
    const names = [...center.demo.users.map((u) => u.name), PHRASE];
    expect(await untranslatedText(page, names)).toEqual([]);
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.locator('.agent-report__controls').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print / PDF' }).isVisible()).toBe(false);
    expect(await page.locator('[data-testid="scores-chart"]').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('button', { name: 'Print / PDF' }).isVisible()).toBe(true);
  });

  it('shows an agent her own report only, whatever agent the address names', async () => {
    // Arrange
    const { center, signIn } = harness!;
    const page = await signIn('anna@romashka.demo', DESKTOP);
    // Act: Дмитрий's report in the address
    await page.goto(`${center.baseUrl}/#/agent-report/u-agent-2`);
    await page.locator(`.agent-report__body[data-agent="${ANNA}"]`).waitFor();
    await page.screenshot({ path: join(screenshots, 'agent-report-agent-ru.png'), animations: 'disabled', fullPage: true });
    // Assert
    expect(page.url()).toContain(`#/agent-report/${ANNA}`);
    expect(await page.locator('.agent-report__controls select').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Качество работы: Анна Петрова' }).count()).toBe(1);
    expect(await page.locator('[data-testid="phrases-table"]').innerText()).toContain(PHRASE);
  });
});
