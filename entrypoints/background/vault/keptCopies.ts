/** Background side of kept vault copies: list, export and delete (see utils/vault/keptCopies.ts). */
import { handle, UserError } from '@/utils/messaging';
import { t } from '@/utils/i18n/text';
import { keptReason, type KeptCopyView } from '@/utils/vault/keptCopies';
import '@/utils/vault/keptCopies';
import { keptCopiesItem, serial, type KeptCopy } from './store';

function view(c: KeptCopy): KeptCopyView {
  const text = typeof c.envelope === 'string' ? c.envelope : JSON.stringify(c.envelope ?? null);
  return { id: c.savedAt, savedAt: c.savedAt, reason: keptReason(c.reason), size: text.length };
}

export async function listKeptCopies(): Promise<KeptCopyView[]> {
  const copies = await keptCopiesItem.getValue();
  return (Array.isArray(copies) ? copies : []).map(view);
}

function find(copies: KeptCopy[], id: unknown): KeptCopy {
  const c = copies.find((x) => x.savedAt === id);
  if (!c) throw new UserError('no-kept-copy', t('kept.gone'));
  return c;
}

export function registerKeptCopies(): void {
  handle('vault/kept-copies', 'page', () => listKeptCopies());

  handle('vault/kept-copy-delete', 'page', ({ id }) =>
    serial(async () => {
      const copies = await keptCopiesItem.getValue();
      const c = find(copies, id);
      const rest = copies.filter((x) => x !== c);
      if (rest.length === 0) await keptCopiesItem.removeValue();
      else await keptCopiesItem.setValue(rest);
      return rest.map(view);
    }),
  );

  handle('vault/kept-copy-export', 'page', async ({ id }) => {
    const c = find(await keptCopiesItem.getValue(), id);
    const content = typeof c.envelope === 'string' ? c.envelope : JSON.stringify(c.envelope, null, 2);
    const day = new Date(c.savedAt).toISOString().slice(0, 10);
    return { fileName: `smartapi-companion-kept-vault-${day}-${c.savedAt}.json`, content };
  });
}
