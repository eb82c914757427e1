/**
 * enable-totp page: once Angel shows the QR code and/or the secret key, offer
 * "Save TOTP secret to account…". On Save (never before) the secret is taken from the
 * text, or decoded from the QR image when there is no text, and sent to the background.
 * The background answers with the current code, shown here so the user can finish
 * Angel's confirmation step.
 */
import { t } from '../i18n/inPage';
import { sendMessage, UserError } from '../messaging';
import type { PageAdapter } from './adapter';
import { watchForTargets } from './watchForTargets';
import { collectRoots, isRendered, normaliseText, OWN_UI_ATTR, readableText } from './fieldFinder';
import {
  h,
  keepAtEnd,
  replaceChildren,
  saveToAccountControl,
  errorText,
  type ControlHost,
} from './inPageControl';
import type { SavedTotp } from './protocol';
import { looksLikeBase32Secret, normaliseBase32 } from './totpSecret';
import { loadQrDecoder } from './qrDecoder';
import './protocol';

const SECRET_HINT = /\b(secret key|copy the key|can ?t scan|cannot scan|scan (the |this )?qr|qr code)\b/;

function isQrLike(el: Element): boolean {
  const words = [
    el.getAttribute('alt'),
    el.getAttribute('aria-label'),
    el.id,
    el.getAttribute('class'),
    el.getAttribute('title'),
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  if (/\bqr|qr[-_ ]?code/.test(words)) return true;
  const src = el.getAttribute('src') ?? '';
  return /qr/i.test(src.slice(0, 200)) && !src.startsWith('data:') ? true : false;
}

/** QR images (img, canvas, svg) on the page, by their own description or the text around. */
export function findQrImages(doc: Document): Element[] {
  const out: Element[] = [];
  for (const root of collectRoots(doc)) {
    for (const el of Array.from(root.querySelectorAll('img, canvas, svg'))) {
      if (el.closest(`[${OWN_UI_ATTR}]`) || !isRendered(el)) continue;
      const context = normaliseText(readableText(el.parentElement ?? el));
      if (isQrLike(el) || (context.length < 200 && /\bqr\b|\bscan\b/.test(context))) out.push(el);
    }
  }
  return out;
}

/** The element that tells a person "here is your TOTP secret": label text or the QR. */
export function findSecretAnchor(doc: Document): Element | null {
  for (const root of collectRoots(doc)) {
    for (const el of Array.from(
      root.querySelectorAll('label, p, span, div, h1, h2, h3, h4, h5, strong, b, dt, th, small'),
    )) {
      if (el.closest(`[${OWN_UI_ATTR}]`) || el.children.length > 3) continue;
      const text = normaliseText(readableText(el));
      if (text.length > 80 || !SECRET_HINT.test(text)) continue;
      if (/\benter\b|\bpin\b|\botp\b(?! ?code)/.test(text) && !/secret/.test(text)) continue;
      if (isRendered(el)) return el;
    }
  }
  return findQrImages(doc)[0] ?? null;
}

const GROUPED = /^([A-Z2-7]{4}[ -]){3,15}[A-Z2-7]{1,4}=*$/;
const PLAIN = /^[A-Z2-7]{16,64}=*$/;

/** Base32 secrets shown as text (only called after the user's click). */
export function findTextSecrets(doc: Document): string[] {
  const found = new Set<string>();
  for (const root of collectRoots(doc)) {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el.closest(`[${OWN_UI_ATTR}]`) || ['SCRIPT', 'STYLE', 'TEMPLATE'].includes(el.tagName)) continue;
      let text: string;
      if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') {
        const input = el as HTMLInputElement;
        if (input.type === 'password' || !input.readOnly) continue;
        text = input.value;
      } else {
        if (el.children.length > 0) continue;
        text = readableText(el);
      }
      // "Secret Key: ABCD..." in one node: keep what follows the last colon.
      text = text.replace(/^.*[:：]/s, '').trim();
      if ((PLAIN.test(text) || GROUPED.test(text)) && looksLikeBase32Secret(text) && isRendered(el)) {
        found.add(normaliseBase32(text));
      }
    }
  }
  return [...found];
}

async function pixelsOf(
  el: Element,
): Promise<{ data: Uint8ClampedArray; width: number; height: number } | null> {
  let source: CanvasImageSource;
  let width: number;
  let height: number;
  if (el.tagName === 'CANVAS') {
    source = el as HTMLCanvasElement;
    width = (el as HTMLCanvasElement).width;
    height = (el as HTMLCanvasElement).height;
  } else if (el.tagName === 'IMG') {
    const img = el as HTMLImageElement;
    if (!img.complete) await new Promise((r) => img.addEventListener('load', r, { once: true }));
    source = img;
    width = img.naturalWidth;
    height = img.naturalHeight;
  } else {
    const svg = new XMLSerializer().serializeToString(el);
    const img = new Image();
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
    await img.decode();
    source = img;
    const box = el.getBoundingClientRect();
    width = Math.max(img.naturalWidth, Math.round(box.width), 200);
    height = Math.max(img.naturalHeight, Math.round(box.height), 200);
  }
  if (!width || !height) return null;
  // jsqr needs a few pixels per module and a quiet zone: draw at least 300 px with a margin.
  const scale = Math.max(1, Math.ceil(300 / Math.min(width, height)));
  const margin = 16;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale + margin * 2;
  canvas.height = height * scale + margin * 2;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.imageSmoothingEnabled = false;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(source, margin, margin, width * scale, height * scale);
  try {
    const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return { data: image.data, width: canvas.width, height: canvas.height };
  } catch {
    return null; // a cross-origin image taints the canvas
  }
}

/** Decode the first readable QR code on the page (only after the user's click). */
export async function decodeQrOnPage(doc: Document): Promise<string | null> {
  const images = findQrImages(doc);
  if (images.length === 0) return null;
  const jsQR = await loadQrDecoder();
  if (!jsQR) return null;
  for (const el of images) {
    const pixels = await pixelsOf(el).catch(() => null);
    if (!pixels) continue;
    const result = jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'attemptBoth' });
    if (result?.data) return result.data;
  }
  return null;
}

/** The secret as Angel shows it: text first, the QR code when there is no text. */
export async function captureSecret(doc: Document): Promise<string> {
  const texts = findTextSecrets(doc);
  if (texts.length > 1) {
    throw new UserError('several-secrets', t('ip.severalSecrets'));
  }
  if (texts.length === 1) return texts[0]!;
  const decoded = await decodeQrOnPage(doc);
  if (decoded) return decoded;
  throw new UserError('no-secret', t('ip.noSecret'));
}

function formatCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/** Show the current code and keep it current (the background refuses after 10 minutes). */
function showCode(status: HTMLElement, accountId: string, first: SavedTotp): () => void {
  let current = first;
  let deadline = Date.now() + first.remainingMs;
  let stopped = false;
  const code = h('span', { class: 'code', 'aria-label': t('ip.currentCode') }, formatCode(first.code));
  const left = h('span', { class: 'muted' });
  const tick = async () => {
    if (stopped) return;
    const ms = deadline - Date.now();
    if (ms <= 0) {
      try {
        current = await sendMessage('portal/totp-code', { accountId });
        deadline = Date.now() + current.remainingMs;
        code.textContent = formatCode(current.code);
      } catch (err) {
        stopped = true;
        replaceChildren(status, h('span', { class: 'muted' }, t('ip.codeEnded', { error: errorText(err) })));
        return;
      }
    }
    left.textContent = ` ${t('ip.secondsLeft', { s: Math.max(1, Math.ceil((deadline - Date.now()) / 1000)) })}`;
  };
  replaceChildren(status, h('div', {}, t('ip.savedTotp', { label: first.label })), h('div', {}, code, left));
  void tick();
  const timer = window.setInterval(() => void tick(), 1000);
  return () => {
    stopped = true;
    window.clearInterval(timer);
  };
}

function buildControl(): { control: ControlHost; stopCode: () => void } {
  let stopCode = () => {};
  const control = saveToAccountControl({
    kind: 'enable-totp',
    buttonText: t('ip.saveTotp'),
    async save(account, status) {
      const secret = await captureSecret(document);
      const saved = await sendMessage('portal/save-totp-secret', { accountId: account.id, secret });
      stopCode();
      stopCode = showCode(status, account.id, saved);
    },
  });
  return { control, stopCode: () => stopCode() };
}

export const enableTotpAdapter: PageAdapter = {
  kinds: ['enable-totp'],
  start(ctx) {
    let current: { control: ControlHost; stopCode: () => void; unkeep: () => void; anchor: Element } | null =
      null;
    const check = () => {
      const anchor = findSecretAnchor(document);
      if (current && current.anchor.isConnected) return;
      if (current) {
        current.stopCode();
        current.unkeep();
        current = null;
      }
      if (!anchor) return;
      const { control, stopCode } = buildControl();
      const container = anchor.parentElement ?? anchor;
      const unkeep = keepAtEnd(control, () => (container.isConnected ? container : null));
      current = { control, stopCode, unkeep, anchor };
    };
    const unwatch = watchForTargets(check);
    const stop = () => {
      unwatch();
      current?.stopCode();
      current?.unkeep();
      current = null;
    };
    ctx.onInvalidated(stop);
    return stop;
  },
};
