/**
 * The payload schema of every message the background handles (valibot), checked by the
 * router before a handler runs (utils/messaging.ts `setPayloadCheck`). Background only: the
 * popup and content scripts never import this file, so valibot stays out of their bundles.
 *
 * The map is typed by `MessageMap`: a message type without a schema, or a schema whose output
 * is not the declared request type, is a compile error. Schemas check the shape (types, known
 * enums, sane lengths); handlers keep their own friendlier checks of meaning (a bad MPIN, a
 * time that is not HH:MM) and answer with those messages.
 */
import * as v from 'valibot';
import type { MessageType, ReqOf } from '@/utils/messaging';
import '@/utils/shortcuts/protocol';
import '@/utils/page/rules';
import '@/utils/vault/keptCopies';
import '@/utils/vault/popupStartup';
import '@/utils/login/history';
import '@/utils/login/pageProtocol';
import '@/utils/portal/qrDecoder';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- input side is whatever arrives
type Schema<T> = v.GenericSchema<any, T>;
export type PayloadSchemas = { readonly [K in MessageType]: Schema<ReqOf<K>> };

/** No payload: whatever arrives is dropped, the handler gets undefined. */
const none = v.pipe(
  v.unknown(),
  v.transform((): undefined => undefined),
);
/** Ids, codes, labels: text of a bounded length. */
const text = v.pipe(v.string(), v.maxLength(10_000));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
/** A backup file's text (the import path has its own size check with a friendly message). */
const file = v.pipe(v.string(), v.maxLength(50_000_000));
const int = v.pipe(v.number(), v.integer(), v.safeInteger());
const num = v.pipe(v.number(), v.finite());
const tabId = v.pipe(int, v.minValue(0));
const importMode = v.picklist(['merge', 'replace']);

const loginField = v.picklist(['clientCode', 'pin', 'totp']);
const valueField = v.picklist(['clientCode', 'mpin', 'totpSecret', 'apiKey']);
const platformField = v.picklist(['broker', 'platform', 'clientCode', 'mpin', 'totpSecret', 'apiKey']);
const taughtKind = v.picklist(['publisher-login', 'create-app']);
const taughtTarget = v.picklist([
  'clientCode',
  'pin',
  'totp',
  'press',
  'appName',
  'redirectUrl',
  'postbackUrl',
  'clientId',
  'primaryIp',
  'secondaryIp',
]);
const pageKind = v.picklist([
  'create-app-old',
  'create-app-new',
  'my-apis',
  'enable-totp',
  'publisher-login',
  'other',
]);

const accountInput = v.object({
  label: text,
  clientCode: text,
  mpin: text,
  totpSecret: text,
  apiKey: text,
  apiSecret: text,
  platform: v.picklist(['SMART_API', 'SMART_API_M']),
  redirectUrl: text,
  notes: text,
  dailyLogin: v.boolean(),
  autoFill: v.boolean(),
});

const loginSettings = v.object({
  timeoutSec: num,
  schedule: v.object({
    enabled: v.boolean(),
    time: v.pipe(v.string(), v.maxLength(100)),
    weekdays: v.pipe(v.array(int), v.maxLength(7 * 4)),
    holidays: v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(10_000)),
  }),
});

const byId = v.object({ id });
const byAccount = v.object({ accountId: id });
const byTarget = v.object({ targetId: id });
const byAttempt = v.object({ attemptId: id });
const keptCopy = v.object({ id: num }); // the copy's savedAt time
const backupFile = v.object({ content: file, password: text, mode: importMode });

export const payloadSchemas: PayloadSchemas = {
  // vault
  'vault/status': none,
  'vault/create': v.object({ password: text }),
  'vault/unlock': v.object({ password: text }),
  'vault/lock': none,
  'vault/change-password': v.object({ current: text, next: text }),
  'vault/set-auto-lock': v.object({ minutes: v.nullable(num) }),
  'vault/reset': v.object({ confirm: text }),
  'vault/touch': none,
  'vault/kept-copies': none,
  'vault/kept-copy-delete': keptCopy,
  'vault/kept-copy-export': keptCopy,
  'popup/startup': none,
  'accounts/list': none,
  'accounts/save': v.object({ id: v.optional(id), input: accountInput }),
  'accounts/delete': byId,
  'accounts/reorder': v.object({ ids: v.pipe(v.array(id), v.maxLength(10_000)) }),
  'totp/codes': none,
  'backup/export': v.object({ password: text }),
  'backup/preview': backupFile,
  'backup/import': backupFile,
  'backup/export-otpauth': v.object({ confirmUnencrypted: v.boolean() }),
  'backup/import-otpauth': v.object({ content: file }),

  // login
  'login/start': v.object({ accountId: id, confirmSamePin: v.optional(v.boolean()) }),
  'login/start-all': none,
  'login/overview': none,
  'login/settings': v.object({ settings: loginSettings }),
  'login/account-flags': v.object({
    accountId: id,
    dailyLogin: v.optional(v.boolean()),
    autoFill: v.optional(v.boolean()),
  }),
  'login/portal-hello': none,
  'login/portal-site-start': byAccount,
  'login/portal-value': v.object({ attemptId: id, field: loginField }),
  'login/portal-values': byAttempt,
  'login/portal-error': v.object({ attemptId: id, text, httpStatus: v.optional(int) }),
  'login/portal-stuck': v.object({ attemptId: id, message: text }),
  'history/list': none,
  'history/clear': none,

  // validation
  'validate/account': byAccount,
  'validate/all': none,
  'validate/results': none,
  'validate/settings': none,
  'validate/set-settings': v.object({ timeoutMs: v.optional(num) }),

  // delivery
  'delivery/overview': none,
  'delivery/confirm-targets': none,
  'delivery/add-target': v.variant('kind', [
    v.object({ accountId: id, kind: v.literal('angel-redirect') }),
    v.object({ accountId: id, kind: v.literal('webhook'), url: text }),
  ]),
  'delivery/remove-target': byTarget,
  'delivery/rotate-secret': byTarget,
  'delivery/send-test': byTarget,
  'delivery/retry-now': v.object({ targetId: v.optional(id), eventId: v.optional(id) }),
  'delivery/discard': v.object({ eventId: id }),

  // portal (Angel's developer pages)
  'portal/page-seen': v.object({ kind: pageKind }),
  'portal/fill-tab': v.object({ tabId, profileId: id }),
  'portal/accounts': none,
  'portal/save-api-key': v.object({ accountId: id, apiKey: text, apiSecret: v.optional(text) }),
  'portal/save-totp-secret': v.object({ accountId: id, secret: text }),
  'portal/totp-code': byAccount,
  'portal/load-qr-decoder': none,
  'tabs/active-page': none,
  'pageRules/get': v.object({ kind: taughtKind }),
  'pageRules/save': v.object({
    kind: taughtKind,
    selectors: v.pipe(
      v.record(taughtTarget, v.pipe(v.string(), v.maxLength(2_000))),
      v.transform((r) => r as Partial<typeof r>),
    ),
  }),
  'pageRules/teach': v.object({ kind: taughtKind, targets: v.pipe(v.array(taughtTarget), v.maxLength(20)) }),
  'pageRules/teach-plan': none,
  'pageRules/list': none,
  'pageRules/delete': byId,

  // shortcuts
  'shortcuts/copy-default': none,
  'shortcuts/fill-focused': v.object({ tabId, frameId: v.optional(tabId), accountId: v.optional(id) }),

  // trading platforms
  'platform/list': none,
  'platform/enable': byId,
  'platform/disable': byId,
  'platform/add': v.object({
    name: text,
    origin: text,
    labels: v.pipe(
      v.record(platformField, v.pipe(v.string(), v.maxLength(2_000))),
      v.transform((r) => r as Partial<typeof r>),
    ),
  }),
  'platform/delete': byId,
  'platform/progress': none,
  'platform/active-tab': none,
  'platform/open-tab': v.object({ tabId }),
  'platform/profile': none,
  'platform/accounts': none,
  'platform/begin-fill': v.object({ accountId: id, fields: v.pipe(v.array(valueField), v.maxLength(10)) }),
  'platform/value': v.object({ fillId: id, field: valueField }),
  'platform/filled': v.object({ fillId: id }),
  'platform/pending-listed': none,
  'platform/listed': byAccount,
};
