/**
 * Decode a QR code from an image file, in the options page only. jsqr is loaded with a
 * dynamic import() so it lands in its own chunk and never in the popup bundle.
 */
import { msg, type Msg } from '../i18n/core';
import type { MessageKey } from '../i18n/en';

export class QrError extends Error {
  constructor(
    /** For the user: a `qr.*` catalogue key, translated where it is shown. */
    public readonly msg: Msg<Extract<MessageKey, `qr.${string}`>>,
  ) {
    super(msg.code);
    this.name = 'QrError';
  }
}

/** Largest side we scan at; big phone screenshots are scaled down first (jsqr is O(pixels)). */
const MAX_SIDE = 1600;

export async function decodeQrFile(file: Blob): Promise<string> {
  if (file.type && !file.type.startsWith('image/')) {
    throw new QrError(msg('qr.notImage'));
  }
  const image = await openImage(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(image.width, image.height));
  const w = Math.max(1, Math.round(image.width * scale));
  const h = Math.max(1, Math.round(image.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new QrError(msg('qr.cannotRead'));
  // A white background so transparent PNGs (black modules on nothing) still scan.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(image.source, 0, 0, w, h);
  image.release();
  const pixels = ctx.getImageData(0, 0, w, h);
  const { default: jsQR } = await import('jsqr');
  const found = jsQR(pixels.data, w, h, { inversionAttempts: 'attemptBoth' });
  if (!found || !found.data) {
    throw new QrError(msg('qr.noCode'));
  }
  return found.data;
}

interface OpenedImage {
  source: CanvasImageSource;
  width: number;
  height: number;
  release(): void;
}

/**
 * createImageBitmap handles PNG, JPEG, GIF and WebP; SVG (some sites save QR codes as SVG)
 * only loads through an <img>, so that is the fallback.
 */
async function openImage(file: Blob): Promise<OpenedImage> {
  try {
    const bitmap = await createImageBitmap(file);
    return { source: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() };
  } catch {
    // fall through to <img>
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const width = img.naturalWidth || 300;
    const height = img.naturalHeight || 300;
    return { source: img, width, height, release: () => URL.revokeObjectURL(url) };
  } catch {
    URL.revokeObjectURL(url);
    throw new QrError(msg('qr.cannotOpen'));
  }
}
