/**
 * The setup checklist's proof that the platform saved the account: its own page shows the
 * client code as text (the accounts list), not merely inside a form field we filled.
 */
import { insideOwnUi } from '../page/dom';

export function clientCodeListed(doc: Document, clientCode: string): boolean {
  const code = clientCode.trim();
  if (!code) return false;
  const word = new RegExp(`(^|[^A-Za-z0-9])${code.replace(/[^A-Za-z0-9]/g, '')}($|[^A-Za-z0-9])`, 'i');
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || insideOwnUi(parent) || parent.closest('input, textarea, select, script, style, form'))
      continue;
    if (word.test(n.textContent ?? '')) return true;
  }
  return false;
}
