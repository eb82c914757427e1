/**
 * One valibot schema per stored item (storage.local and storage.session), keyed by its WXT key.
 * installStoredChecks() makes every defineStoredItem() read go through them (background and
 * options page). Objects are loose: a field a later version adds is kept, not refused; what
 * the code relies on is checked. docs/storage.md lists every item and what happens when it is
 * damaged. The vault envelope is only checked for being present here: its own parse
 * (utils/vault/envelope.ts) and damaged-vault handling run when it is opened.
 */
import * as v from 'valibot';
import { setStoredItemCheck } from '@/utils/storage/item';

const str = v.string();
const num = v.number();
const int = v.pipe(v.number(), v.integer());
const bool = v.boolean();
const opt = <S extends v.GenericSchema>(s: S) => v.optional(s);
const list = <S extends v.GenericSchema>(s: S) => v.array(s);
const dict = <S extends v.GenericSchema>(s: S) => v.record(v.string(), s);
const obj = v.looseObject;

/**
 * A message shown to the user, as stored: a sentence (older versions) or a message code with
 * its parameters.
 */
export const storedMessage = v.union([
  v.string(),
  v.looseObject({
    code: v.string(),
    params: v.optional(
      v.record(
        v.string(),
        v.union([v.string(), v.number(), v.custom<object>((x) => typeof x === 'object' && x !== null)]),
      ),
    ),
  }),
]);

const loginSchedule = obj({
  enabled: bool,
  time: str,
  weekdays: list(int),
  holidays: list(str),
});

const attemptView = obj({
  id: str,
  accountId: str,
  label: str,
  origin: v.picklist(['extension', 'site']),
  status: v.picklist(['running', 'success', 'failed']),
  startedAt: num,
  finishedAt: opt(num),
  steps: dict(num),
  message: opt(storedMessage),
  errorKind: opt(str),
});

const profile = obj({
  id: str,
  name: str,
  builtIn: opt(bool),
  appName: str,
  redirectUrl: str,
  postbackUrl: str,
  apiType: str,
  clientId: str,
  primaryIp: str,
  secondaryIp: str,
});

const historyEntry = obj({
  id: str,
  at: num,
  accountId: str,
  label: str,
  kind: v.picklist(['login', 'validation', 'delivery']),
  result: v.picklist(['success', 'failure']),
  step: opt(str),
  message: opt(storedMessage),
});

/** Every stored item's schema. */
export const storedSchemas = {
  // vault (entrypoints/background/vault)
  'local:vault': v.unknown(),
  'local:vaultSettings': obj({
    autoLockMinutes: v.nullable(num),
    accountCount: int,
    accountsAddedAt: opt(num),
    backupExportedAt: opt(num),
  }),
  'local:vaultKeptCopies': list(obj({ savedAt: num, reason: str, envelope: v.unknown() })),
  'session:vaultKey': v.nullable(str),
  'session:vaultProblem': v.nullable(obj({ fingerprint: str, problem: storedMessage })),
  'session:vaultActivity': num,
  'session:clockSkew': v.nullable(obj({ offsetMs: num, measuredAt: num, roundTripMs: num })),
  'session:clockSkewAttemptAt': num,
  // daily login
  'local:loginSettings': obj({ timeoutSec: num, schedule: loginSchedule }),
  'local:loginResults': dict(
    obj({ accountId: str, ok: bool, at: num, message: storedMessage, needsAttention: opt(bool) }),
  ),
  'session:loginAttemptViews': list(attemptView),
  'session:loginAttempts': list(
    v.looseObject({
      ...attemptView.entries,
      tabId: num,
      state: str,
      deadline: num,
      round: num,
      given: obj({ clientCode: num, pin: num, totp: num }),
      totpNotBefore: num,
      totpWindowEnd: num,
      closeWhenLoaded: opt(bool),
      landingLoaded: opt(bool),
      redirectOrigin: opt(str),
    }),
  ),
  'session:loginQueue': list(str),
  'session:loginPendingSchedule': v.nullable(str),
  'local:loginHistory': v.nullable(str),
  'session:loginHistoryPending': list(historyEntry),
  // token delivery
  'local:delivery.targets': list(
    obj({
      id: str,
      accountId: str,
      kind: v.picklist(['angel-redirect', 'webhook']),
      url: opt(str),
      createdAt: num,
    }),
  ),
  'local:delivery.outbox': list(
    obj({
      eventId: str,
      targetId: str,
      accountId: str,
      test: bool,
      sealedBody: str,
      createdAt: num,
      deadline: num,
      attempts: num,
      nextAttemptAt: num,
      state: v.picklist(['pending', 'failed', 'expired']),
      lastAttemptAt: opt(num),
      lastHttpStatus: opt(num),
      lastMessage: opt(storedMessage),
    }),
  ),
  'local:delivery.status': dict(
    obj({
      at: num,
      eventId: str,
      test: bool,
      outcome: v.picklist(['delivered', 'retrying', 'failed', 'expired', 'waiting-unlock']),
      httpStatus: opt(num),
      message: storedMessage,
    }),
  ),
  'session:delivery.lockedNotified': bool,
  'local:delivery.targetsMac': v.nullable(obj({ v: v.literal(1), keyId: str, mac: str })),
  // validation
  'local:validation:results': dict(
    obj({
      accountId: str,
      label: str,
      clientCode: str,
      state: v.picklist(['running', 'ok', 'failed']),
      startedAt: num,
      finishedAt: opt(num),
      host: opt(str),
    }),
  ),
  'local:validation:settings': obj({ timeoutMs: num }),
  // portal, platforms, pages
  'local:portalProfiles': obj({ profiles: list(profile), selectedId: str }),
  'session:portalCodeGrants': dict(obj({ accountId: str, until: num })),
  'local:platformProgress': dict(obj({ origin: str, filledAt: num, listedAt: opt(num) })),
  'session:platformFills': list(
    obj({ fillId: str, tabId: num, origin: str, accountId: str, fields: list(str), until: num }),
  ),
  'local:platformOrigins': list(str),
  'session:tabPages': dict(obj({ tabId: num, kind: str, url: str, seenAt: num })),
  'local:uiLanguage': v.picklist(['auto', 'en', 'hi']),
} satisfies Record<string, v.GenericSchema>;

function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((p) => String(p.key)).join('.') || '(value)';
}

/** Parse one stored value; issues name where and what was expected, never the value. */
export function checkStored(
  key: string,
  raw: unknown,
): { ok: true; value: unknown } | { ok: false; issues: string[] } {
  const schema = Object.hasOwn(storedSchemas, key) ? storedSchemas[key as keyof typeof storedSchemas] : null;
  if (!schema) return { ok: false, issues: [`no schema for ${key}`] };
  const r = v.safeParse(schema as v.GenericSchema, raw);
  if (r.success) return { ok: true, value: r.output };
  return {
    ok: false,
    issues: r.issues.slice(0, 5).map((i) => `${pathOf(i)}: expected ${i.expected ?? 'a valid value'}`),
  };
}

export function installStoredChecks(): void {
  setStoredItemCheck(checkStored);
}
