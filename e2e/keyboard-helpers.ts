/**
 * Helpers for the keyboard specs: a keyboard that counts what it presses, the card that has the
 * keyboard's focus, and the moment the shortcuts are live.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Every key a person would press, counted: `press('Shift+J')` is one keystroke, `type('may')` three. */
export function countingKeyboard(page: Page) {
  let count = 0;
  return {
    async press(key: string) {
      count += 1;
      await page.keyboard.press(key);
    },
    async type(text: string) {
      for (const char of text) {
        count += 1;
        await page.keyboard.press(char);
      }
    },
    get count() {
      return count;
    },
  };
}

/** The card the keyboard acts on (the ring; with a keyboard move, also the browser's focus). */
export function focusedCard(page: Page): Locator {
  return page.locator('main article[data-focused]');
}

/** The cards on screen, top to bottom (a tall viewport renders a few dozen of the virtual list). */
export async function cardIdsOnScreen(page: Page): Promise<string[]> {
  return page.locator('main article[data-task-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-task-id')!));
}

export function cardById(page: Page, id: string): Locator {
  return page.locator(`main article[data-task-id="${id}"]`);
}

/** The shortcut layer loads after the first paint; keys pressed before it would do nothing. */
export async function shortcutsReady(page: Page): Promise<void> {
  await expect(page.locator('html[data-shortcuts="ready"]')).toHaveCount(1);
}

/** The card with this id holds the keyboard's focus and the browser's. */
export async function expectFocusOn(page: Page, id: string): Promise<void> {
  await expect(focusedCard(page)).toHaveAttribute('data-task-id', id);
  await expect(cardById(page, id)).toBeFocused();
}
