/**
 * A card for every task type, rendered from the embedded API's demo data: each shows its own
 * fields and the shared frame (title as the article's name, Select, the actions); a voicemail
 * really plays and MMS images really load, through the media route.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type ApiTask, api, nextFrames, waitForList } from './triage-helpers';

test.use({ timezoneId: 'America/New_York' });

/** What each type's card must show, beyond its title. */
const FIELDS: Record<string, (t: ApiTask) => Array<string | null | undefined>> = {
  lead: (t) => [t.text, t.lead_name],
  incoming_email: (t) => [t.subject as string, t.contact_name as string, (t.body_preview as string | undefined)?.slice(0, 24)],
  email_followup: (t) => [t.subject as string, t.contact_name as string],
  missed_call: (t) => [t.phone_formatted as string, t.contact_name as string, t.lead_name],
  answered_detached_call: (t) => [t.phone_formatted as string],
  voicemail: (t) => [t.contact_name as string, t.lead_name],
  opportunity_due: (t) => [t.lead_name, t.opportunity_value_formatted as string, t.opportunity_note as string],
  incoming_sms: (t) => [t.text, t.contact_name as string],
  outgoing_call: (t) => [t.contact_name as string, t.text],
};

/**
 * The list is virtualized and loads 100 tasks a page: scroll down until the card is rendered,
 * letting each next page arrive (a fixed number of steps ran out on a busy CI machine).
 */
async function scrollToCard(page: Page, cardLocator: Locator): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    // Rows that enter while the list scrolls are placeholders until it rests (ADR 0010).
    await expect(page.locator('[data-placeholder]')).toHaveCount(0);
    if ((await cardLocator.count()) > 0) break;
    await expect(page.getByText('Loading more tasks…')).toHaveCount(0);
    await page.mouse.wheel(0, 900);
    await nextFrames(page);
  }
  await cardLocator.scrollIntoViewIfNeeded();
}

for (const [type, fields] of Object.entries(FIELDS)) {
  test(`a ${type} card shows its fields and the shared frame`, async ({ page, triageServer }) => {
    const [task] = await api(triageServer, 'America/New_York').listTasks(`view=inbox&_type=${type}&_order_by=date`);
    if (!task) throw new Error(`the demo inbox has no ${type} task`);

    await page.goto(`/inbox?assignee=everyone&types=${type}`);
    await waitForList(page);
    const cardLocator = page.locator(`article[data-task-id="${task.id}"]`);
    await scrollToCard(page, cardLocator);
    await expect(cardLocator).toBeVisible();

    // The article is named by its title (the heading inside it).
    const title = (await cardLocator.getByRole('heading', { level: 3 }).innerText()).trim();
    expect(title.length).toBeGreaterThan(0);
    await expect(page.getByRole('article', { name: title, exact: true }).first()).toBeVisible();

    for (const value of fields(task)) {
      if (value) await expect(cardLocator).toContainText(value.replace(/\s+/g, ' ').trim());
    }
    if (task.assigned_to_name) await expect(cardLocator).toContainText(task.assigned_to_name);
    await expect(cardLocator.getByRole('checkbox', { name: 'Select' })).toBeVisible();
    for (const action of ['Complete', 'Reassign', 'Snooze']) {
      await expect(cardLocator.getByRole('button', { name: action, exact: true })).toBeVisible();
    }
  });
}

test('a voicemail plays', async ({ page, triageServer }) => {
  const [task] = await api(triageServer, 'America/New_York').listTasks('view=inbox&_type=voicemail&_order_by=date');
  await page.goto('/inbox?assignee=everyone&types=voicemail');
  await waitForList(page);
  const voicemail = page.locator(`article[data-task-id="${task!.id}"]`);
  await expect(voicemail).toBeVisible();

  const audio = voicemail.locator('audio');
  await expect(audio).toHaveAttribute('src', /\/api\/media\?url=/);
  const playing = audio.evaluate(
    (el: HTMLAudioElement) =>
      new Promise<boolean>((resolve) => {
        el.addEventListener('playing', () => resolve(true), { once: true });
        el.addEventListener('error', () => resolve(false), { once: true });
      }),
  );
  await voicemail.getByRole('button', { name: 'Play voicemail' }).click();
  expect(await playing).toBe(true);
  await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => !el.paused && el.currentTime > 0)).toBe(true);
  await expect(voicemail.getByRole('button', { name: 'Pause voicemail' })).toBeVisible();
});

test('MMS images load', async ({ page, triageServer }) => {
  const sms = await api(triageServer, 'America/New_York').listTasks('view=inbox&_type=incoming_sms&_order_by=date');
  const mms = sms.find((t) => (t.attachments as Array<{ content_type: string }> | undefined)?.some((a) => a.content_type.startsWith('image/')));
  if (!mms) throw new Error('the demo inbox has no MMS with an image');

  await page.goto('/inbox?assignee=everyone&types=incoming_sms');
  await waitForList(page);
  const cardLocator = page.locator(`article[data-task-id="${mms.id}"]`);
  await scrollToCard(page, cardLocator);
  await expect(cardLocator).toContainText('MMS from');

  const images = cardLocator.locator('img');
  await expect(images.first()).toBeVisible();
  await expect(images.first()).toHaveAttribute('src', /\/api\/media\?url=/);
  await expect
    .poll(() => images.evaluateAll((els) => els.length > 0 && els.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)))
    .toBe(true);

  // A thumbnail opens the large image (its dialog's code loads on that first click); Escape
  // closes it and gives the focus back to the thumbnail.
  const thumbnail = cardLocator.getByRole('button', { name: /^Open image / });
  const filename = ((await thumbnail.first().getAttribute('aria-label')) ?? '').replace(/^Open image /, '');
  await thumbnail.first().click();
  const lightbox = page.getByRole('dialog', { name: filename });
  const large = lightbox.getByRole('img', { name: filename });
  await expect(large).toBeVisible();
  await expect.poll(() => large.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(lightbox).toHaveCount(0);
  await expect(thumbnail.first()).toBeFocused();
});
