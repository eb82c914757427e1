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

/** Read a picked file as text, with a plain message when it is too big to be ours. */
export async function readTextFile(file: File, maxBytes = 5 * 1024 * 1024): Promise<string> {
  if (file.size > maxBytes)
    throw new Error('That file is too large to be a SmartAPI Companion backup. Pick the file you exported.');
  return file.text();
}
