/**
 * English texts of kept vault copies (Options) and of delivery settings checked with the vault
 * key. Spread into `en` (en.ts). Tests match these English texts: change them only with the tests.
 */
export const enSecStore = {
  'kept.title': 'Kept copies of an earlier vault',
  'kept.intro':
    'Before a backup was restored over a vault that could not be read, the extension set that vault aside here, still encrypted with the master password it had. Export one to keep it outside the browser, or delete it. Resetting the vault deletes them all.',
  'kept.none': 'No kept copies.',
  'kept.reasonRestore': 'Damaged vault, set aside before a backup was restored over it',
  'kept.reasonReset': 'Vault set aside by an earlier version before a reset',
  'kept.reasonOther': 'Vault set aside',
  'kept.row': '{reason} — {when} ({size} characters)',
  'kept.export': 'Export',
  'kept.exportLabel': 'Export the copy kept on {when}',
  'kept.delete': 'Delete',
  'kept.deleteLabel': 'Delete the copy kept on {when}',
  'kept.confirm': 'Delete this copy for good? It cannot be brought back.',
  'kept.confirmButton': 'Delete for good',
  'kept.cancel': 'Cancel',
  'kept.deleted': 'The copy was deleted.',
  'kept.gone': 'That kept copy no longer exists. The list has been refreshed.',
  'dls.tampered':
    'Delivery settings were changed outside the extension. Nothing is sent until you check them: remove the webhooks you do not recognise, then confirm the list.',
  'dls.unverified':
    'Your delivery targets were saved by an earlier version, without a check against the vault key. Nothing is sent until you confirm they are yours.',
  'dls.confirm': 'These are my delivery targets',
  'dls.confirmed': 'Delivery targets confirmed.',
  'dls.blocked': 'Not sent: delivery settings were changed outside the extension. Check them in Options.',
  'stored.title': 'Saved data that could not be read',
  'stored.intro':
    'Some saved data was damaged (changed outside the extension, or by a disk or sync problem). The extension now uses its defaults for it: check those settings in this page and save them again. The damaged data was kept as it was: export it if you want to look at it, then delete it.',
  'stored.row': '{item} (found damaged {when})',
  'stored.export': 'Export',
  'stored.exportLabel': 'Export the damaged {item}',
  'stored.delete': 'Delete',
  'stored.deleteLabel': 'Delete the damaged {item}',
  'stored.confirm': 'Delete this damaged copy for good?',
  'stored.confirmButton': 'Delete for good',
  'stored.cancel': 'Cancel',
  'stored.deleted': 'The damaged copy was deleted.',
} as const;

export type SecStoreKey = keyof typeof enSecStore;
