// Browser test: a supervisor changes an agent's status from the wallboard, saying why, in headless Chromium against
// the whole local contact center. The reason is required; the agent's console shows the new status and who set it
// and why; the change log keeps the entry; the agent's own next change ends the notice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { DESKTOP, goAvailable, PHONE, screenshots, scrollsSideways, startHarness, type Harness } from './harness.ts';
import { seriousAccessibilityProblems } from './quality.ts';

let harness: Harness | undefined;

beforeAll(async () => {
  harness = await startHarness();
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

describe('a supervisor changes an agent’s status in Chromium', { timeout: 90_000 }, () => {
  let agentPage: Page;
  let supervisorPage: Page;
  const agentId = 'u-agent-2';
  const reason = 'Планёрка по новому тарифу';

  it('asks for a reason, then sets the status: the wallboard, the agent’s console and the change log show it', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    agentPage = await signIn('dmitry@romashka.demo');
    supervisorPage = await signIn(demoUser('supervisor').login);
    const row = supervisorPage.locator(`tr.agent-row[data-agent-id="${agentId}"]`);

    // Act: no reason first, then a reason
    await row.getByRole('button', { name: 'Сменить статус: Дмитрий Иванов' }).click();
    const dialog = supervisorPage.getByRole('dialog', { name: 'Статус: Дмитрий Иванов' });
    await dialog.getByLabel('Новый статус').selectOption('break:meeting');
    await dialog.getByRole('button', { name: 'Сменить статус' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Укажите причину' }).waitFor();
    expect(await seriousAccessibilityProblems(supervisorPage)).toEqual([]);
    await supervisorPage.screenshot({ path: join(screenshots, 'status-change-dialog.png'), animations: 'disabled' });
    await dialog.getByLabel('Причина').fill(reason);
    await dialog.getByRole('button', { name: 'Сменить статус' }).click();

    // Assert
    await dialog.waitFor({ state: 'detached' });
    await row.locator('.status-pill[data-status="break"]').waitFor();
    await agentPage.locator('.status-button .status-pill[data-status="break"]').waitFor();
    expect(await agentPage.getByTestId('status-set-by').innerText()).toBe(`Статус изменён — Олег Кузнецов: «${reason}»`);
    await agentPage.screenshot({ path: join(screenshots, 'status-change-agent.png'), animations: 'disabled' });
    const { entries } = await center.services.audit.list(center.demo.tenantId, { target: 'agent-status', limit: 10 });
    expect(entries).toEqual([expect.objectContaining({ targetId: agentId, actor: expect.objectContaining({ name: 'Олег Кузнецов' }), before: { status: 'offline' }, after: { status: 'break', breakReason: 'meeting', comment: reason } })]);
  });

  it('fits the dialog on a 375 px phone without sideways scrolling', async () => {
    // Arrange
    await supervisorPage.setViewportSize(PHONE);
    // Act
    await supervisorPage.locator(`tr.agent-row[data-agent-id="${agentId}"]`).getByRole('button', { name: 'Сменить статус: Дмитрий Иванов' }).click();
    const dialog = supervisorPage.getByRole('dialog', { name: 'Статус: Дмитрий Иванов' });
    await dialog.getByText('Сейчас: Перерыв · Совещание').waitFor();
    const sideways = await scrollsSideways(supervisorPage);
    await supervisorPage.screenshot({ path: join(screenshots, 'status-change-dialog-375.png'), animations: 'disabled' });
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await supervisorPage.setViewportSize(DESKTOP);
    // Assert
    expect(sideways).toBe(false);
    await dialog.waitFor({ state: 'detached' });
  });

  it('ends the notice when the agent sets a status themself, and records nothing for it', async () => {
    // Act
    await goAvailable(agentPage);
    // Assert
    await agentPage.getByTestId('status-set-by').waitFor({ state: 'detached' });
    const { center } = harness!;
    expect((await center.services.audit.list(center.demo.tenantId, { target: 'agent-status', limit: 10 })).entries).toHaveLength(1);
    expect(harness!.pageErrors).toEqual([]);
  });
});
