/**
 * Angel's publisher-login page. In a tab the extension opened for a login, it types the
 * values the background hands out one at a time and presses the page's own continue
 * button (the person asked for this login). On a login page someone else opened, it
 * offers "Log in as <label>" for the stored account with that API key.
 */
import type { PageAdapter } from './adapter';
import { sendMessage, UserError } from '../messaging';
import { inPageLanguage, tp } from '../i18n/inPage';
import '../login/protocol';
import type { PortalHello } from '../login/protocol';
import type { LoginField } from '../login/fields';
import {
  buttonDisabled,
  findLoginFields,
  findSubmitButton,
  isErrorContainer,
  readBlockingPageError,
  readErrorText,
  type FoundField,
} from '../login/page';
import { clearInput, fieldValue, typeField } from '../login/typing';
import { onUserClick } from './inPageControl';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function navigationStatus(): number | undefined {
  const nav = performance.getEntriesByType?.('navigation')[0] as
    (PerformanceEntry & { responseStatus?: number }) | undefined;
  return typeof nav?.responseStatus === 'number' && nav.responseStatus > 0 ? nav.responseStatus : undefined;
}

/** Ask the background, retrying briefly while a stopped service worker wakes up. */
async function ask<T>(fn: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof UserError && err.code !== 'no-reply') throw err;
      if (i >= 4) throw err;
      await sleep(300 * (i + 1));
    }
  }
}

// ------------------------------------------------------------------ in-page control

interface Panel {
  host: HTMLElement;
  body: HTMLElement;
}

/** The panel of each document: its shadow root is closed, so only this script can reach it. */
const panels = new WeakMap<Document, Panel>();

function panel(doc: Document): Panel {
  const existing = panels.get(doc);
  if (existing) {
    if (!existing.host.isConnected) doc.documentElement.appendChild(existing.host);
    return existing;
  }
  const host = doc.createElement('smartapi-companion-login');
  // Closed: a page script cannot read the account labels or press "Log in as" (it gets null
  // for host.shadowRoot); clicks are also checked to come from the user (onUserClick).
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `
    :host { all: initial; position: fixed; top: 12px; right: 12px; z-index: 2147483647; }
    div { font: 14px/1.4 system-ui, sans-serif; background: #fff; color: #1b1b1f; border: 1px solid #c9c9d1;
          border-radius: 8px; padding: 10px 12px; box-shadow: 0 4px 16px rgba(0,0,0,.18); max-width: 320px; }
    @media (prefers-color-scheme: dark) { div { background: #23232a; color: #f1f1f4; border-color: #44444d; } }
    strong { display: block; margin-bottom: 6px; }
    button { font: inherit; margin: 4px 4px 0 0; padding: 6px 10px; border-radius: 6px; border: 1px solid #3b5bdb;
             background: #3b5bdb; color: #fff; cursor: pointer; }
    button:focus-visible { outline: 3px solid #91a7ff; outline-offset: 2px; }
    p { margin: 4px 0 0; }
  `;
  const body = doc.createElement('div');
  body.setAttribute('role', 'region');
  body.setAttribute('aria-label', 'SmartAPI Companion');
  body.setAttribute('lang', inPageLanguage());
  root.append(style, body);
  doc.documentElement.appendChild(host);
  const made = { host, body };
  panels.set(doc, made);
  return made;
}

function say(p: Panel, message: string, tone: 'info' | 'error' = 'info'): void {
  p.body.replaceChildren();
  const title = document.createElement('strong');
  title.textContent = 'SmartAPI Companion';
  const text = document.createElement('p');
  text.setAttribute('role', tone === 'error' ? 'alert' : 'status');
  text.textContent = message;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = tp('ip.close');
  close.setAttribute('aria-label', tp('ip.closeLabel'));
  onUserClick(close, () => p.host.remove());
  p.body.append(title, text, close);
}

// ------------------------------------------------------------------ the fill loop

class LoginDriver {
  private stopped = false;
  private busy = false;
  private dirty = false;
  private submitted = false;
  private firstPass = true;
  private errorBaseline = '';
  private errorMutated = false;
  private reported403 = false;
  private filled = new WeakSet<HTMLInputElement>();
  private observer: MutationObserver | null = null;
  private panel: Panel | null = null;

  constructor(
    private readonly doc: Document,
    private readonly attemptId: string,
    private readonly onStop: () => void,
  ) {}

  start(): void {
    this.observer = new MutationObserver((records) => {
      if (this.submitted && records.some((r) => this.touchesError(r.target))) this.errorMutated = true;
      this.kick();
    });
    this.observer.observe(this.doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['class', 'style', 'hidden', 'disabled'],
    });
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
  }

  private touchesError(node: Node): boolean {
    for (let e: Node | null = node; e; e = e.parentNode) {
      if (e instanceof Element) {
        if (e.tagName === 'SMARTAPI-COMPANION-LOGIN') return false;
        if (isErrorContainer(e)) return true;
      }
    }
    return false;
  }

  private kick(): void {
    if (this.stopped) return;
    if (this.busy) {
      this.dirty = true;
      return;
    }
    this.busy = true;
    void (async () => {
      try {
        do {
          this.dirty = false;
          await this.step();
        } while (this.dirty && !this.stopped);
      } catch (err) {
        this.fail(err instanceof UserError ? err.message : tp('ip.lostTrack'));
      } finally {
        this.busy = false;
      }
    })();
  }

  private fail(message: string): void {
    if (this.stopped) return;
    this.panel ??= panel(this.doc);
    say(this.panel, message, 'error');
    this.stop();
    this.onStop();
  }

  private async value(field: LoginField): Promise<string> {
    for (;;) {
      const res = await ask(() => sendMessage('login/portal-value', { attemptId: this.attemptId, field }));
      if ('value' in res) return res.value;
      // The TOTP window is about to end (or a retry needs the next one): wait, then ask
      // again so the code is computed at the moment it is typed.
      await sleep(res.waitMs);
      if (this.stopped) throw new UserError('stopped', tp('ip.stopped'));
    }
  }

  private isFilled(f: FoundField): boolean {
    return f.inputs.every((i) => this.filled.has(i)) && fieldValue(f.inputs).length > 0;
  }

  private async step(): Promise<void> {
    const err = readErrorText(this.doc);
    const fresh = err !== '' && (err !== this.errorBaseline || this.errorMutated);
    if (fresh && (this.submitted || this.firstPass)) {
      this.errorBaseline = err;
      this.errorMutated = false;
      const decision = await ask(() =>
        sendMessage('login/portal-error', {
          attemptId: this.attemptId,
          text: err,
          httpStatus: navigationStatus(),
        }),
      );
      if (decision.action === 'stop') {
        this.fail(decision.message);
        return;
      }
      // One retry with the next window's code: clear the TOTP and type it again.
      for (const f of findLoginFields(this.doc)) {
        if (f.field !== 'totp') continue;
        for (const i of f.inputs) {
          this.filled.delete(i);
          clearInput(i);
        }
      }
      this.submitted = false;
    }
    this.firstPass = false;

    const fields = findLoginFields(this.doc);
    if (fields.length === 0) {
      const blocking = this.reported403 ? '' : readBlockingPageError(this.doc, navigationStatus());
      if (blocking) {
        this.reported403 = true;
        const decision = await ask(() =>
          sendMessage('login/portal-error', {
            attemptId: this.attemptId,
            text: blocking,
            httpStatus: navigationStatus(),
          }),
        );
        if (decision.action === 'stop') this.fail(decision.message);
      }
      return;
    }
    let typed = false;
    for (const f of fields) {
      if (this.isFilled(f)) continue;
      const v = await this.value(f.field);
      if (this.stopped) return;
      // The page may have re-rendered while we waited: type into what is there now.
      const now = findLoginFields(this.doc).find((x) => x.field === f.field) ?? f;
      typeField(now.inputs, v);
      for (const i of now.inputs) this.filled.add(i);
      typed = true;
    }
    if (!typed && this.submitted) return;
    await this.submit(fields);
  }

  private async submit(fields: FoundField[]): Promise<void> {
    const last = fields[fields.length - 1]!.inputs.at(-1);
    // Let the page's own handlers run (validation, enabling the button).
    await Promise.resolve();
    let button = findSubmitButton(this.doc, last);
    for (let i = 0; i < 20 && button && buttonDisabled(button); i++) {
      await sleep(100);
      button = findSubmitButton(this.doc, last);
    }
    // An auto-submitting page has already moved on: the fields are gone.
    if (!last?.isConnected) {
      this.submitted = true;
      return;
    }
    this.submitted = true;
    this.errorBaseline = readErrorText(this.doc);
    this.errorMutated = false;
    if (button && !buttonDisabled(button)) button.click();
    else last.form?.requestSubmit();
  }
}

// ------------------------------------------------------------------ site-initiated

function offerLogin(
  doc: Document,
  accounts: { id: string; label: string; autoFill: boolean }[],
  begin: (id: string) => void,
): Panel {
  const p = panel(doc);
  p.body.replaceChildren();
  const title = doc.createElement('strong');
  title.textContent = 'SmartAPI Companion';
  p.body.append(title);
  for (const a of accounts) {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = tp('ip.logInAs', { label: a.label });
    // Only the person's own click (or Enter/Space on the focused button) starts a login: a
    // page script's click() would make the extension type the MPIN and TOTP for it to read.
    onUserClick(b, () => begin(a.id));
    p.body.append(b);
  }
  return p;
}

export const publisherLoginAdapter: PageAdapter = {
  kinds: ['publisher-login'],
  start() {
    let driver: LoginDriver | null = null;
    let stopped = false;
    let pollTimer = 0;
    let p: Panel | null = null;

    const drive = (attemptId: string) => {
      if (stopped || driver) return;
      driver = new LoginDriver(document, attemptId, () => undefined);
      driver.start();
    };

    let starting = false;
    const begin = (accountId: string) => {
      // One press, one attempt (the background also records one attempt per tab).
      if (starting || driver) return;
      starting = true;
      if (p) say(p, tp('ip.loggingIn'));
      ask(() => sendMessage('login/portal-site-start', { accountId })).then(
        ({ attemptId }) => drive(attemptId),
        (err: unknown) => {
          starting = false;
          p ??= panel(document);
          say(p, err instanceof Error ? err.message : tp('ip.loginNoStart'), 'error');
        },
      );
    };

    const greet = async () => {
      let hello: PortalHello;
      try {
        hello = await ask(() => sendMessage('login/portal-hello'));
      } catch {
        return;
      }
      if (stopped) return;
      if (hello.mode === 'attempt') {
        p?.host.remove();
        drive(hello.attemptId);
      } else if (hello.mode === 'site') {
        const auto = hello.accounts.length === 1 && hello.accounts[0]!.autoFill;
        p = offerLogin(document, hello.accounts, begin);
        if (auto) begin(hello.accounts[0]!.id);
      } else if (hello.mode === 'site-locked') {
        p ??= panel(document);
        say(p, tp('ip.unlockToLogin'));
        // Check again once in a while: unlocking in the popup makes the offer appear.
        pollTimer = window.setTimeout(() => void greet(), 3000);
      }
    };
    void greet();
    return () => {
      stopped = true;
      window.clearTimeout(pollTimer);
      driver?.stop();
      p?.host.remove();
    };
  },
};
