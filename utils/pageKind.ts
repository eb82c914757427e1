/**
 * Which Angel portal page a document is. Decided from the path first (stable across
 * redesigns), then from what a person would read on the page for SPA routes whose
 * path alone does not tell (the "+ ADD APP" modal on /new/apps).
 */
export type PageKind =
  'create-app-old' | 'create-app-new' | 'my-apis' | 'enable-totp' | 'publisher-login' | 'other';

function normalisePath(pathname: string): string {
  const p = pathname.replace(/\/+$/, '').toLowerCase();
  return p === '' ? '/' : p;
}

export function pageKindFromUrl(url: string): PageKind {
  let path: string;
  try {
    path = normalisePath(new URL(url).pathname);
  } catch {
    return 'other';
  }
  if (path === '/publisher-login' || path.startsWith('/publisher-login/')) return 'publisher-login';
  if (path === '/enable-totp' || path.startsWith('/enable-totp/')) return 'enable-totp';
  if (path === '/create' || path === '/apps/create') return 'create-app-old';
  if (path === '/new/apps' || path.startsWith('/new/apps/') || path === '/new/create')
    return 'create-app-new';
  if (path === '/myapis' || path === '/my-apis' || path === '/apps' || path === '/new/myapis')
    return 'my-apis';
  return 'other';
}

/** Refine the URL guess from page text, for SPA routes and redesigns. */
export function pageKindFromDocument(doc: Document, url: string): PageKind {
  const byUrl = pageKindFromUrl(url);
  if (byUrl !== 'other') return byUrl;
  const text = (doc.body?.innerText ?? doc.body?.textContent ?? '').toLowerCase();
  if (/redirect url/.test(text) && /app name/.test(text)) return 'create-app-new';
  if (/my apis/.test(text) && /api key/.test(text)) return 'my-apis';
  if (/(secret key|copy the key)/.test(text) && /totp/.test(text)) return 'enable-totp';
  return 'other';
}
