/** Offer text as a file download from an extension page. */
export function downloadText(fileName: string, content: string, mime = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Read a picked file as text; when it is too big to be ours, throw `tooLarge` (the caller's
 * message in the current language, e.g. t('bk.fileTooLarge')).
 */
export async function readTextFile(
  file: File,
  tooLarge: string,
  maxBytes = 5 * 1024 * 1024,
): Promise<string> {
  if (file.size > maxBytes) throw new Error(tooLarge);
  return file.text();
}
