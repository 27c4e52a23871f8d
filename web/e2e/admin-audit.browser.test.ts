// Browser test: an admin renames a channel, then reads who changed what in the console's change log,
// in Russian and at a phone's width.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { apiToken, PHONE, screenshots, scrollsSideways, startHarness, type Harness } from './harness.ts';

let harness: Harness | undefined;

beforeAll(async () => {
  harness = await startHarness();
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

describe('the change log in Chromium', { timeout: 90_000 }, () => {
  it('shows the rename of a channel with its actor, and the old and new name', async () => {
    // Arrange
    const { center, demoUser, signIn } = harness!;
    const admin = demoUser((user) => user.role === 'admin');
    const channel = center.demo.channels.find((c) => c.type === 'telegram')!;
    const token = await apiToken(center, admin);
    const renamed = await fetch(`${center.baseUrl}/api/channels/${channel.channelId}`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ name: 'Telegram: поддержка' }) });
    expect(renamed.status).toBe(200);

    // Act
    const page = await signIn(admin.login, PHONE);
    await page.goto(`${center.baseUrl}/#/admin`);
    const row = page.locator('.audit__table tbody tr', { hasText: channel.channelId });
    await row.waitFor();
    await row.getByText('Подробнее').click();

    // Assert
    expect(await row.textContent()).toContain(`Изменение канала ${channel.channelId}`);
    expect(await row.textContent()).toContain(admin.name);
    expect(await row.locator('.audit__before').first().textContent()).toBe(channel.name);
    expect(await row.locator('.audit__after').first().textContent()).toBe('Telegram: поддержка');
    expect(await scrollsSideways(page)).toBe(false);
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'admin-audit-375.png'), animations: 'disabled' });
  });
});
