/**
 * Page-level steps that drive the extension's options page and popup the way a person does:
 * by visible labels and button names, typing with the keyboard. Used by the e2e tests and by
 * the demo script. Works in Chromium (CDP) and Firefox (WebDriver BiDi): only DOM queries run
 * in the page, no browser-specific selectors.
 */
import type { ElementHandle, Page } from 'puppeteer-core';

const WAIT_MS = 20_000;

export interface AccountDetails {
  label: string;
  clientCode: string;
  mpin: string;
  totpSecret: string;
  apiKey: string;
  apiSecret?: string;
  platform?: 'SMART_API' | 'SMART_API_M';
  redirectUrl?: string;
  notes?: string;
  dailyLogin?: boolean;
  autoFill?: boolean;
}

/**
 * Bring the page's tab to the front first: a background tab gets no animation frames, and
 * puppeteer's click waits for one (another tab, such as the harness's helper page, may have
 * been opened since).
 */
export async function front(page: Page): Promise<void> {
  await page.bringToFront();
}

/** The form control whose <label> reads exactly `text` (the label's own text, trimmed). */
export async function fieldByLabel(
  page: Page,
  text: string,
  timeout = WAIT_MS,
): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await page.waitForFunction(
    (t: string) => {
      for (const label of Array.from(document.querySelectorAll('label'))) {
        if ((label.textContent ?? '').trim() !== t) continue;
        const control = label.control as HTMLElement | null;
        if (control && (control.offsetParent !== null || control.getClientRects().length > 0)) return control;
      }
      return null;
    },
    { timeout, polling: 100 },
    text,
  );
  return handle as unknown as ElementHandle<HTMLInputElement>;
}

/** A visible, enabled button (or link styled as one) whose accessible name is `name`. */
export async function buttonByName(
  page: Page,
  name: string | RegExp,
  timeout = WAIT_MS,
): Promise<ElementHandle<HTMLElement>> {
  const pattern = typeof name === 'string' ? { exact: name } : { source: name.source, flags: name.flags };
  const handle = await page.waitForFunction(
    (p: { exact?: string; source?: string; flags?: string }) => {
      const re = p.source !== undefined ? new RegExp(p.source, p.flags) : null;
      const els = Array.from(document.querySelectorAll<HTMLElement>('button, a, [role="button"]'));
      for (const el of els) {
        const accName = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ');
        const ok = re ? re.test(accName) : accName === p.exact;
        if (!ok) continue;
        if ((el as HTMLButtonElement).disabled) continue;
        if (el.getClientRects().length === 0) continue;
        return el;
      }
      return null;
    },
    { timeout, polling: 100 },
    pattern,
  );
  return handle as unknown as ElementHandle<HTMLElement>;
}

/** Replace whatever the field holds with `value`, typed with the keyboard. */
export async function typeInto(field: ElementHandle<HTMLInputElement>, value: string): Promise<void> {
  await field.evaluate((el) => {
    el.focus();
    el.select();
  });
  if (value === '') {
    await field.press('Backspace');
    return;
  }
  await field.type(value);
}

export async function fill(page: Page, label: string, value: string): Promise<void> {
  await typeInto(await fieldByLabel(page, label), value);
}

export async function click(page: Page, name: string | RegExp): Promise<void> {
  const b = await buttonByName(page, name);
  await b.click();
}

async function setChecked(page: Page, label: string, want: boolean): Promise<void> {
  const box = await fieldByLabel(page, label);
  const now = await box.evaluate((el) => el.checked);
  if (now !== want) await box.click();
}

/** The text of the visible headings, to know which screen the page is on. */
async function waitForHeading(page: Page, text: string, timeout = WAIT_MS): Promise<void> {
  await page.waitForFunction(
    (t: string) =>
      Array.from(document.querySelectorAll('h1, h2, h3')).some((h) => (h.textContent ?? '').trim() === t),
    { timeout, polling: 100 },
    text,
  );
}

/** Error texts currently shown beside fields or as alerts. */
export async function visibleErrors(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.field__error, [role="alert"]'))
      .map((e) => (e.textContent ?? '').trim())
      .filter(Boolean),
  );
}

/** First run in the options page: choose the master password and create the vault. */
export async function createVault(page: Page, password: string): Promise<void> {
  await front(page);
  await waitForHeading(page, 'Create your vault');
  await fill(page, 'Master password', password);
  await fill(page, 'Confirm master password', password);
  await click(page, 'Create vault');
  await page
    .waitForFunction(
      () =>
        Array.from(document.querySelectorAll('h2')).some((h) => h.textContent === 'Accounts') ||
        document.querySelector('.form-message--error, .field__error'),
      { timeout: WAIT_MS, polling: 100 },
    )
    .catch(() => undefined);
  const errors = await visibleErrors(page);
  if (errors.length) throw new Error(`Creating the vault failed: ${errors.join(' | ')}`);
  await waitForHeading(page, 'Accounts');
}

/** Add one account through the options page's form. Throws with the form's messages if it is refused. */
export async function addAccount(page: Page, a: AccountDetails): Promise<void> {
  await front(page);
  await waitForHeading(page, 'Accounts');
  await click(page, 'Add account');
  await waitForHeading(page, 'Add an account');
  await fill(page, 'Label', a.label);
  await fill(page, 'Client code', a.clientCode);
  await fill(page, 'MPIN', a.mpin);
  await fill(page, 'API key', a.apiKey);
  if (a.apiSecret !== undefined) await fill(page, 'API secret (optional)', a.apiSecret);
  await fill(page, 'TOTP secret', a.totpSecret);
  if (a.platform) await (await fieldByLabel(page, 'Platform')).select(a.platform);
  if (a.redirectUrl !== undefined) await fill(page, 'Redirect URL', a.redirectUrl);
  if (a.notes !== undefined) {
    // Notes is a textarea; label.control finds it all the same.
    await fill(page, 'Notes', a.notes);
  }
  if (a.dailyLogin !== undefined) await setChecked(page, 'Daily login', a.dailyLogin);
  if (a.autoFill !== undefined) await setChecked(page, 'Fill automatically', a.autoFill);
  await click(page, 'Save account');
  const saved = `Saved “${a.label}”.`;
  await page.waitForFunction(
    (s: string) =>
      Array.from(document.querySelectorAll('[role="status"]')).some((e) => e.textContent === s) ||
      document.querySelector('.account-form .field__error, .account-form .form-message--error'),
    { timeout: WAIT_MS, polling: 100 },
    saved,
  );
  const errors = await page.evaluate(() =>
    Array.from(
      document.querySelectorAll('.account-form .field__error, .account-form .form-message--error'),
    ).map((e) => (e.textContent ?? '').trim()),
  );
  if (errors.length) throw new Error(`Saving account "${a.label}" was refused: ${errors.join(' | ')}`);
}

/**
 * Type the master password into the unlock form (options page or popup) and press Unlock.
 * Returns null when the vault opened, or the message the page showed.
 */
export async function tryUnlock(page: Page, password: string): Promise<string | null> {
  await front(page);
  const field = await fieldByLabel(page, 'Master password');
  await typeInto(field, password);
  await click(page, 'Unlock');
  await page.waitForFunction(
    () => !document.querySelector('form.unlock') || document.querySelector('form.unlock .field__error'),
    { timeout: WAIT_MS, polling: 100 },
  );
  return page.evaluate(() => {
    const err = document.querySelector('form.unlock .field__error');
    return err ? (err.textContent ?? '').trim() : null;
  });
}

export async function unlock(page: Page, password: string): Promise<void> {
  const err = await tryUnlock(page, password);
  if (err !== null) throw new Error(`Unlock failed: ${err}`);
}

/** Press the Lock button and wait for the unlock form. */
export async function lock(page: Page): Promise<void> {
  await front(page);
  await click(page, 'Lock');
  await fieldByLabel(page, 'Master password');
}

/** True when the page shows the unlock form. */
export async function isLocked(page: Page): Promise<boolean> {
  return page.evaluate(() => Boolean(document.querySelector('form.unlock')));
}

/** The live codes the popup shows, by account label, digits only. */
export async function popupCodes(page: Page): Promise<Record<string, string>> {
  await front(page);
  await page.waitForSelector('[data-testid="totp-code"]', { timeout: WAIT_MS });
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const row of Array.from(document.querySelectorAll('.code-row'))) {
      const label = row.querySelector('.code-row__label')?.textContent ?? '';
      const code = row.querySelector('[data-testid="totp-code"]')?.textContent ?? '';
      out[label] = code.replace(/\s+/g, '');
    }
    return out;
  });
}

/** The account labels listed in the options page, in order. */
export async function optionsAccountLabels(page: Page): Promise<string[]> {
  await waitForHeading(page, 'Accounts');
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.account-row__label')).map((e) => e.textContent ?? ''),
  );
}
