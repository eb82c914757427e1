/**
 * Angel's publisher-login page. In a tab the extension opened for a login, it types the
 * values the background hands out (the three of one fill in one answer once every field was
 * found, otherwise one at a time) and presses the page's own continue
 * button (the person asked for this login). On a login page someone else opened, it
 * offers "Log in as <label>" for the stored account with that API key.
 */
import type { PageAdapter } from './adapter';
import { sendMessage, UserError } from '../messaging';
import { inPageLanguage, t } from '../i18n/inPage';
import '../login/protocol';
import type { PortalHello } from '../login/protocol';
import type { LoginField } from '../login/fields';
import {
  activeScope,
  buttonDisabled,
  chooseMode,
  EVIDENCE_RULES,
  findLoginModes,
  findSubmitButton,
  isErrorContainer,
  readBlockingPageError,
  readErrorText,
  readLoginStep,
  type FoundField,
  type LoginRules,
  type LoginStepRead,
} from '../login/page';
import { clearInput, fieldValue, typeField } from '../login/typing';
import { onUserClick } from './inPageControl';
import { press, waitForEnabled } from '../page/act';
import { insideOwnUi } from '../page/dom';
import { describeForReport } from '../page/diagnose';
import { showLoginHelp } from '../login/help';
import type { PageRule } from '../page/rules';
import '../page/rules';
import '../login/pageProtocol';

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
  close.textContent = t('ip.close');
  close.setAttribute('aria-label', t('ip.closeLabel'));
  onUserClick(close, () => p.host.remove());
  p.body.append(title, text, close);
}

// ------------------------------------------------------------------ the fill loop

/** How long the page must stay quiet before a missing field or button is reported. */
const SETTLE_MS = 2500;
/** Report at the latest this long after the problem was first seen, even on a busy page. */
const STUCK_MAX_MS = 6000;
const PRESS_ENABLE_MS = 3000;

class LoginDriver {
  private stopped = false;
  private busy = false;
  private dirty = false;
  private submitted = false;
  private firstPass = true;
  private errorBaseline = '';
  private errorMutated = false;
  private reported403 = false;
  private modeChosen = false;
  private filled = new WeakSet<HTMLInputElement>();
  private observer: MutationObserver | null = null;
  private panel: Panel | null = null;
  private lastMutation = Date.now();
  private stuckSince = 0;
  private stuckTimer = 0;
  private stuckMessage = '';
  private readonly trace: string[] = [];
  private lastRead: LoginStepRead | null = null;
  private lastPress: HTMLElement | null = null;

  constructor(
    private readonly doc: Document,
    private readonly attemptId: string,
    private readonly onStop: () => void,
    private taught: LoginRules | null = null,
  ) {}

  start(taught: LoginRules | null): void {
    this.taught = taught;
    if (taught) this.note(`taught rule: ${Object.keys(taught).join(', ')}`);
    this.observer = new MutationObserver((records) => {
      if (records.every((r) => insideOwnUi(r.target as Element))) return;
      this.lastMutation = Date.now();
      if (this.submitted && records.some((r) => this.touchesError(r.target))) this.errorMutated = true;
      this.kick();
    });
    this.observer.observe(this.doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: [
        'class',
        'style',
        'hidden',
        'disabled',
        'aria-hidden',
        'aria-selected',
        'aria-checked',
      ],
    });
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    window.clearTimeout(this.stuckTimer);
  }

  private note(step: string): void {
    if (this.trace.at(-1) !== step) this.trace.push(step);
    if (this.trace.length > 60) this.trace.shift();
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
        this.fail(err instanceof UserError ? err.message : t('ip.lostTrack'));
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
    this.offerHelp(message);
  }

  /** "Show me" and the diagnostic report, beside the message. */
  private offerHelp(outcome: string): void {
    const read = this.lastRead;
    showLoginHelp(this.doc, {
      found: [
        ...(read?.fields ?? []).map((f) => ({ element: f.inputs[0]!, label: fieldName(f.field) })),
        ...(this.lastPress ? [{ element: this.lastPress as Element, label: 'Login' }] : []),
      ],
      report: () => ({
        steps: [...this.trace],
        scored: (read?.scored ?? []).map((s, i) => ({
          what: `input ${i + 1}: ${s.clues.type}${s.clues.boxes > 1 ? ` x${s.clues.boxes}` : ''} maxlength=${s.clues.maxLength} "${s.clues.text}"`,
          scores: s.scores,
          assigned: s.assigned,
        })),
        outcome,
      }),
      teach: () => sendMessage('pageRules/teach', { kind: 'publisher-login', targets: [] }),
    });
  }

  /** The page cannot be read: stop the attempt now and say what is missing. */
  private async stuck(message: string): Promise<void> {
    this.note(`stopped: ${message}`);
    try {
      await ask(() =>
        sendMessage('login/portal-stuck', {
          attemptId: this.attemptId,
          message: `${message} ${t('eng.tabOpen')}`,
        }),
      );
    } catch {
      /* the attempt may be over already; the page still says why */
    }
    this.fail(message);
  }

  /** Note a problem; report it once the page has been quiet for a while (or too long). */
  private waitOrReport(message: string): void {
    const now = Date.now();
    if (!this.stuckSince || this.stuckMessage !== message) {
      this.stuckSince = now;
      this.stuckMessage = message;
    }
    const due = Math.min(this.lastMutation + SETTLE_MS, this.stuckSince + STUCK_MAX_MS);
    window.clearTimeout(this.stuckTimer);
    if (now >= due) {
      void this.stuck(message);
      return;
    }
    this.stuckTimer = window.setTimeout(() => this.kick(), due - now + 10);
  }

  private unstuck(): void {
    this.stuckSince = 0;
    this.stuckMessage = '';
    window.clearTimeout(this.stuckTimer);
  }

  private async value(field: LoginField): Promise<string> {
    for (;;) {
      const res = await ask(() => sendMessage('login/portal-value', { attemptId: this.attemptId, field }));
      if ('value' in res) return res.value;
      // The TOTP window is about to end (or a retry needs the next one): wait, then ask
      // again so the code is computed at the moment it is typed.
      await sleep(res.waitMs);
      if (this.stopped) throw new UserError('stopped', t('ip.stopped'));
    }
  }

  /** The three values of one fill, in one answer (waiting out the end of a TOTP window). */
  private async values(): Promise<Partial<Record<LoginField, string>>> {
    for (;;) {
      const res = await ask(() => sendMessage('login/portal-values', { attemptId: this.attemptId }));
      if ('values' in res) return { ...res.values };
      await sleep(res.waitMs);
      if (this.stopped) throw new UserError('stopped', t('ip.stopped'));
    }
  }

  private isFilled(f: FoundField): boolean {
    return f.inputs.every((i) => this.filled.has(i)) && fieldValue(f.inputs).length > 0;
  }

  /** The active mode's fields, the unrecognised inputs beside them, and the mode block. */
  private read(): { read: LoginStepRead; scope: Node | null } {
    const modes = findLoginModes(this.doc, {
      ...EVIDENCE_RULES,
      ...(this.taught?.mode ? { mode: this.taught.mode } : {}),
    });
    const scope = activeScope(this.doc, modes, { ...EVIDENCE_RULES, ...(this.taught ?? {}) });
    const read = readLoginStep(this.doc, { scope, taught: this.taught });
    this.lastRead = read;
    return { read, scope };
  }

  private async step(): Promise<void> {
    const err = readErrorText(this.doc);
    const fresh = err !== '' && (err !== this.errorBaseline || this.errorMutated);
    if (fresh && (this.submitted || this.firstPass)) {
      this.errorBaseline = err;
      this.errorMutated = false;
      this.note('the page shows an error');
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
      for (const f of this.read().read.fields) {
        if (f.field !== 'totp') continue;
        for (const i of f.inputs) {
          this.filled.delete(i);
          clearInput(i);
        }
      }
      this.submitted = false;
    }
    this.firstPass = false;

    // Login modes: choose the TOTP/MPIN mode first, then wait for its fields.
    const modes = findLoginModes(this.doc, {
      ...EVIDENCE_RULES,
      ...(this.taught?.mode ? { mode: this.taught.mode } : {}),
    });
    if (modes.totp && !modes.selected && !this.modeChosen) {
      this.modeChosen = true;
      this.note(`chose the TOTP mode (${describeForReport(modes.totp)})`);
      chooseMode(modes.totp);
      this.dirty = true;
      return;
    }
    // Never read the fields of another mode: wait for the TOTP mode to become the chosen one.
    if (modes.totp && !modes.selected) {
      this.waitOrReport(t('eng.modeNotChosen'));
      return;
    }

    const { read, scope } = this.read();
    const fields = read.fields;
    if (fields.length === 0) {
      const blocking = this.reported403 ? '' : readBlockingPageError(this.doc, navigationStatus());
      if (blocking) {
        this.unstuck();
        this.reported403 = true;
        const decision = await ask(() =>
          sendMessage('login/portal-error', {
            attemptId: this.attemptId,
            text: blocking,
            httpStatus: navigationStatus(),
          }),
        );
        if (decision.action === 'stop') this.fail(decision.message);
        return;
      }
      // Inputs the engine cannot name: say so instead of waiting for the timeout. A page
      // with no input at all is still loading (the attempt's timeout covers it).
      if (read.unknown.length && !this.submitted) this.waitOrReport(t('eng.noneFound'));
      else this.unstuck();
      return;
    }
    const have = new Set(fields.map((f) => f.field));
    const missing = (['clientCode', 'pin', 'totp'] as const).filter((f) => !have.has(f));
    // A field is missing while an input nobody could name is showing: that input is
    // probably it. Type nothing and report (one step at a time pages show no such input).
    if (missing.length && read.unknown.length && !this.submitted) {
      this.note(
        `found ${[...have].join(', ')}; missing ${missing.join(', ')}; ${read.unknown.length} unnamed input(s)`,
      );
      this.waitOrReport(
        t('eng.missing', { found: nameList([...have], 'eng.and'), missing: nameList(missing, 'eng.or') }),
      );
      return;
    }
    this.unstuck();
    let typed = false;
    // All three fields found and none filled yet: one fill, its three values in one answer
    // (dropped as soon as they are typed). Anything else (a retry's TOTP, one step at a
    // time pages) asks field by field.
    let batch: Partial<Record<LoginField, string>> | null =
      fields.length === 3 && !missing.length && !read.unknown.length && fields.every((f) => !this.isFilled(f))
        ? await this.values()
        : null;
    if (this.stopped) return;
    for (const f of fields) {
      if (this.isFilled(f)) continue;
      const v = batch?.[f.field] ?? (await this.value(f.field));
      if (batch) delete batch[f.field];
      if (this.stopped) return;
      // The page may have re-rendered while we waited: type into what is there now.
      const now = f.inputs.every((i) => i.isConnected)
        ? f
        : (this.read().read.fields.find((x) => x.field === f.field) ?? f);
      typeField(now.inputs, v);
      this.note(`typed the ${f.field} (${f.via ?? 'page'})`);
      for (const i of now.inputs) this.filled.add(i);
      typed = true;
      if (!valueKept(fieldValue(now.inputs), v, f.field)) {
        await this.stuck(t('eng.notKept', { field: fieldName(f.field) }));
        return;
      }
    }
    batch = null;
    if (!typed && this.submitted) return;
    await this.submit(fields, scope);
  }

  private async submit(fields: FoundField[], scope: Node | null): Promise<void> {
    const last = fields[fields.length - 1]!.inputs.at(-1);
    // Let the page's own handlers run (validation, enabling the button).
    await Promise.resolve();
    const find = () => findSubmitButton(this.doc, last, { scope, taught: this.taught?.press });
    let button = find();
    const found = nameList(
      fields.map((f) => f.field),
      'eng.and',
    );
    if (button && buttonDisabled(button)) {
      const r = await waitForEnabled(find, PRESS_ENABLE_MS);
      if (this.stopped) return;
      if (!r.element) {
        this.lastPress = r.disabled;
        await this.stuck(t('eng.pressDisabled', { found }));
        return;
      }
      button = r.element;
    }
    // An auto-submitting page has already moved on: the fields are gone.
    if (!last?.isConnected) {
      this.submitted = true;
      return;
    }
    if (!button && !last.form) {
      // Steps that continue by themselves (auto-advance) move on without a press: give
      // the page time to settle before saying there is no button.
      this.note('no press control found');
      this.waitOrReport(t('eng.noPress', { found }));
      return;
    }
    this.lastPress = button;
    this.submitted = true;
    this.errorBaseline = readErrorText(this.doc);
    this.errorMutated = false;
    if (button) {
      this.note(`pressed ${describeForReport(button)}`);
      press(button);
    } else {
      this.note('submitted the form (no press control)');
      last.form?.requestSubmit();
    }
  }
}

/** A stored page rule as the login's rules (selectors per field and the press control). */
function taughtRules(rule: PageRule | null): LoginRules | null {
  if (!rule) return null;
  const out: LoginRules = {};
  for (const k of ['clientCode', 'pin', 'totp', 'press'] as const) {
    const sel = rule.selectors[k];
    if (sel) out[k] = sel;
  }
  return out;
}

function fieldName(f: LoginField): string {
  // MPIN and TOTP are names that stay in Latin script in every language.
  return f === 'clientCode' ? t('eng.fieldClientCode') : f === 'pin' ? 'MPIN' : 'TOTP';
}

function nameList(fields: readonly LoginField[], joiner: 'eng.and' | 'eng.or'): string {
  const names = fields.map(fieldName);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')}${t(joiner)}${names.at(-1)}`;
}

/** Did the page keep what was typed? Client codes may be upper-cased by the page. */
function valueKept(now: string, typed: string, field: LoginField): boolean {
  if (field === 'clientCode')
    return now.replace(/\s+/g, '').toUpperCase() === typed.replace(/\s+/g, '').toUpperCase();
  return now === typed;
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
    b.textContent = t('ip.logInAs', { label: a.label });
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
      driver = new LoginDriver(document, attemptId, () => undefined, null);
      // Rules the user taught for this page are tried first; the page is read meanwhile.
      ask(() => sendMessage('pageRules/get', { kind: 'publisher-login' })).then(
        (rule) => {
          if (stopped) return;
          driver!.start(taughtRules(rule));
        },
        () => {
          if (!stopped) driver!.start(null);
        },
      );
    };

    let starting = false;
    const begin = (accountId: string) => {
      // One press, one attempt (the background also records one attempt per tab).
      if (starting || driver) return;
      starting = true;
      if (p) say(p, t('ip.loggingIn'));
      ask(() => sendMessage('login/portal-site-start', { accountId })).then(
        ({ attemptId }) => drive(attemptId),
        (err: unknown) => {
          starting = false;
          p ??= panel(document);
          say(p, err instanceof Error ? err.message : t('ip.loginNoStart'), 'error');
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
        say(p, t('ip.unlockToLogin'));
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
