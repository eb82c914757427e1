/**
 * Decode a QR code from an image file, in the options page only. jsqr is loaded with a
 * dynamic import() so it lands in its own chunk and never in the popup bundle.
 */
export class QrError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QrError';
  }
}

/** Largest side we scan at; big phone screenshots are scaled down first (jsqr is O(pixels)). */
const MAX_SIDE = 1600;

export async function decodeQrFile(file: Blob): Promise<string> {
  if (file.type && !file.type.startsWith('image/')) {
    throw new QrError('That file is not an image. Pick a PNG or JPEG picture of the QR code.');
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new QrError('The image could not be opened. Save the QR code as a PNG or JPEG and try again.');
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * scale));
  const h = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new QrError('This browser could not read the image. Type or paste the secret instead.');
  // A white background so transparent PNGs (black modules on nothing) still scan.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  const pixels = ctx.getImageData(0, 0, w, h);
  const { default: jsQR } = await import('jsqr');
  const found = jsQR(pixels.data, w, h, { inversionAttempts: 'attemptBoth' });
  if (!found || !found.data) {
    throw new QrError('No QR code was found in that image. Crop it to the QR code, or type or paste the secret instead.');
  }
  return found.data;
}
