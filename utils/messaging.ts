/**
 * One typed message protocol between the extension's contexts and the background.
 *
 * Each feature declares its messages by augmenting `MessageMap`:
 *
 *   declare module '@/utils/messaging' {
 *     interface MessageMap { 'vault/status': Message<void, VaultStatus, 'page'> }
 *   }
 *
 * and the background registers a handler with `handle(type, fn)`. Every message names
 * who may send it: `page` (the extension's own pages: popup, options, setup),
 * `portal` (a content script in the TOP frame of a tab of Angel's portal hosts) or
 * `portal-frame` (the same, in any frame of such a tab, for messages explicitly meant for
 * frames) or `platform` (a content script in the TOP frame of a tab of a trading platform the
 * user turned on in Options: utils/platform). The router drops any message whose sender is not what that message allows,
 * before the handler runs. The background also installs a payload check
 * (`setPayloadCheck`, one schema per message type in entrypoints/background/schemas): a
 * payload that does not parse gets a 'bad-request' reply and the handler never runs.
 */
import { browser, type Browser } from 'wxt/browser';
import { isPortalOrigin } from './angelHosts';
import { t } from './i18n/router';

export type SenderKind = 'page' | 'portal' | 'portal-frame' | 'platform';

export interface Message<Req, Res, From extends SenderKind = SenderKind> {
  req: Req;
  res: Res;
  from: From;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- extended by feature modules
export interface MessageMap {}

export type MessageType = keyof MessageMap;
type Entry<K extends MessageType> =
  MessageMap[K] extends Message<infer Q, infer S, infer F> ? { req: Q; res: S; from: F } : never;
export type ReqOf<K extends MessageType> = Entry<K>['req'];
export type ResOf<K extends MessageType> = Entry<K>['res'];

export type Sender = Browser.runtime.MessageSender;

/** An error whose message is meant for the user and whose code callers can branch on. */
export class UserError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

interface Envelope {
  __sac: 1;
  type: string;
  data: unknown;
}
type Reply = { ok: true; value: unknown } | { ok: false; code: string; message: string };

export async function sendMessage<K extends MessageType>(
  type: K,
  ...data: ReqOf<K> extends void ? [] : [ReqOf<K>]
): Promise<ResOf<K>> {
  const envelope: Envelope = { __sac: 1, type, data: data[0] };
  return replyValue<K>(await browser.runtime.sendMessage(envelope));
}

/** The value of a router reply, or the UserError it carries (also for a request sent by hand). */
export function replyValue<K extends MessageType>(raw: unknown): ResOf<K> {
  const reply = raw as Reply | undefined;
  if (!reply) throw new UserError('no-reply', t('rt.noReply'));
  if (!reply.ok) throw new UserError(reply.code, reply.message);
  return reply.value as ResOf<K>;
}

export function isExtensionPageSender(sender: Sender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const base = browser.runtime.getURL('/');
  const origin = (sender as { origin?: unknown }).origin;
  if (origin !== undefined && origin !== base.replace(/\/$/, '')) return false;
  return typeof sender.url === 'string' && sender.url.startsWith(base);
}

/**
 * The document origin the browser reports for a content-script sender. `sender.origin` is
 * set by the browser from the frame's committed origin (Chromium; Firefox too, where
 * present); `sender.url` is the fallback only where a browser gives no origin. Both must
 * agree when both are there.
 */
function portalSenderOrigin(sender: Sender): boolean {
  const origin = (sender as { origin?: unknown }).origin;
  if (origin !== undefined && !(typeof origin === 'string' && isPortalOrigin(origin))) return false;
  return isPortalOrigin(sender.url);
}

/**
 * A content script of this extension in a tab showing one of Angel's portal hosts; only in
 * the tab's top frame unless `anyFrame` (an iframe of another site inside Angel's page, or
 * Angel's page framed by another site, never passes the top-frame check).
 */
export function isPortalContentSender(sender: Sender, anyFrame = false): boolean {
  if (sender.id !== browser.runtime.id) return false;
  if (!sender.tab || typeof sender.tab.id !== 'number') return false;
  if (!anyFrame && sender.frameId !== 0) return false;
  return portalSenderOrigin(sender);
}

/**
 * The https origin of a content script of this extension in a tab's TOP frame (the platform
 * sender kind), or null. Whether the user turned that origin's platform on is asked of
 * `platformOriginEnabled` (the background sets it; nothing is enabled until it does).
 */
export function platformSenderOrigin(sender: Sender): string | null {
  if (sender.id !== browser.runtime.id) return null;
  if (!sender.tab || typeof sender.tab.id !== 'number' || sender.frameId !== 0) return null;
  const origin = (sender as { origin?: unknown }).origin;
  let fromUrl: string | null = null;
  try {
    fromUrl = sender.url ? new URL(sender.url).origin : null;
  } catch {
    fromUrl = null;
  }
  const o = typeof origin === 'string' ? origin : fromUrl;
  if (!o || !o.startsWith('https://') || (fromUrl !== null && fromUrl !== o)) return null;
  return o;
}

let platformOriginEnabled: (origin: string) => Promise<boolean> = () => Promise.resolve(false);
export function setPlatformOriginCheck(check: (origin: string) => Promise<boolean>): void {
  platformOriginEnabled = check;
}

export function senderAllowed(from: SenderKind, sender: Sender): boolean {
  if (from === 'page') return isExtensionPageSender(sender);
  if (from === 'platform') return platformSenderOrigin(sender) !== null;
  return isPortalContentSender(sender, from === 'portal-frame');
}

type Handler<K extends MessageType> = (data: ReqOf<K>, sender: Sender) => Promise<ResOf<K>> | ResOf<K>;
interface Registered {
  from: SenderKind;
  fn: (data: unknown, sender: Sender) => unknown;
}
const handlers = new Map<string, Registered>();

/**
 * Register a handler; `from` must equal the sender kind declared in MessageMap. Registering a
 * type again replaces its handler. Returns a function that removes this registration (and only
 * this one: a later registration of the same type stays).
 */
export function handle<K extends MessageType>(type: K, from: Entry<K>['from'], fn: Handler<K>): () => void {
  const reg: Registered = { from, fn: fn as Registered['fn'] };
  handlers.set(type, reg);
  return () => {
    if (handlers.get(type) === reg) handlers.delete(type);
  };
}

/** A payload check's verdict: the parsed payload the handler gets, or the user's message. */
export type PayloadVerdict = { ok: true; data: unknown } | { ok: false; message: string };
let payloadCheck: ((type: string, data: unknown) => PayloadVerdict) | null = null;
/** Install the background's payload check (every message then goes through it). */
export function setPayloadCheck(check: ((type: string, data: unknown) => PayloadVerdict) | null): void {
  payloadCheck = check;
}

function toReply(err: unknown): Reply {
  if (err instanceof UserError) return { ok: false, code: err.code, message: err.message };
  // Unexpected errors: never echo details that might contain a secret.
  console.error('[SmartAPI Companion] handler failed:', err instanceof Error ? err.name : typeof err);
  return {
    ok: false,
    code: 'internal',
    message: t('rt.internal'),
  };
}

/** Dispatch one incoming runtime message. Returns undefined for messages not ours. */
export function dispatch(message: unknown, sender: Sender): Promise<Reply> | undefined {
  if (!message || typeof message !== 'object' || (message as Envelope).__sac !== 1) return undefined;
  const { type, data } = message as Envelope;
  const reg = handlers.get(type);
  if (!reg)
    return Promise.resolve({ ok: false, code: 'unknown-message', message: t('rt.unknown', { type }) });
  if (!senderAllowed(reg.from, sender)) {
    return Promise.resolve({
      ok: false,
      code: 'forbidden',
      message: t('rt.forbidden'),
    });
  }
  return (async () => {
    try {
      if (reg.from === 'platform' && !(await platformOriginEnabled(platformSenderOrigin(sender)!)))
        return { ok: false as const, code: 'forbidden', message: t('rt.forbidden') };
      const parsed = payloadCheck ? payloadCheck(type, data) : { ok: true as const, data };
      if (!parsed.ok) return { ok: false as const, code: 'bad-request', message: parsed.message };
      return { ok: true as const, value: await reg.fn(parsed.data, sender) };
    } catch (err) {
      return toReply(err);
    }
  })();
}

/** Install the router on runtime.onMessage (background only). */
export function listenForMessages(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => dispatch(message, sender));
}
