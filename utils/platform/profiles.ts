/**
 * Trading platforms whose account form the extension can fill from the vault: AutoTrader Web
 * built in, others added by the user in Options (an origin and the label texts of the form's
 * fields). A profile says how a person recognises each field (its label text); the page
 * engine's scoring (utils/page/qualify.ts) does the rest. Also the buttons that are NEVER
 * pressed: the user presses Validate and Save on the platform.
 *
 * Pure: no storage, no browser.
 */
import type { TextFieldRule } from '../page/qualify';
import type { Platform } from '../vault/types';

/** The fields of a platform's account form. */
export type PlatformField = 'broker' | 'platform' | 'clientCode' | 'mpin' | 'totpSecret' | 'apiKey';
export const PLATFORM_FIELDS: readonly PlatformField[] = [
  'broker',
  'platform',
  'clientCode',
  'mpin',
  'totpSecret',
  'apiKey',
];
/** Fields whose value comes from the vault (the rest are selects set by their visible text). */
export type ValueField = 'clientCode' | 'mpin' | 'totpSecret' | 'apiKey';
export const VALUE_FIELDS: readonly ValueField[] = ['clientCode', 'mpin', 'totpSecret', 'apiKey'];
export type ChoiceField = 'broker' | 'platform';

export interface PlatformProfile {
  id: string;
  name: string;
  /** https origin, no path: "https://webx.stocksdeveloper.in". */
  origin: string;
  builtIn?: true;
  /** Label texts a person sees next to each field; any one of them names the field. */
  labels: Partial<Record<PlatformField, string[]>>;
  /** Texts of buttons that must never be pressed (the user presses them). */
  neverPress: string[];
}

export const AUTOTRADER_ORIGIN = 'https://webx.stocksdeveloper.in';

/** AutoTrader Web's "Accounts → Trading Accounts → Create / Edit" form (docs/platform.md). */
export const AUTOTRADER_WEB: PlatformProfile = {
  id: 'autotrader-web',
  name: 'AutoTrader Web',
  origin: AUTOTRADER_ORIGIN,
  builtIn: true,
  labels: {
    broker: ['broker', 'select broker'],
    platform: ['platform', 'select platform'],
    clientCode: ['login id', 'client id', 'login id / client id', 'client code', 'user id'],
    mpin: ['mpin', 'pin', 'password / mpin'],
    totpSecret: ['totp key', 'totp secret key', 'totp secret'],
    apiKey: ['api key'],
  },
  neverPress: ['validate', 'save', 'validate & save', 'validate and save'],
};

export const BUILT_IN_PLATFORMS: readonly PlatformProfile[] = [AUTOTRADER_WEB];

/** The platforms the user added (VaultData.platforms holds the list: backups merge it by id). */
export interface PlatformsState {
  custom: PlatformProfile[];
}

export function allPlatforms(state: PlatformsState | undefined): PlatformProfile[] {
  return [...BUILT_IN_PLATFORMS, ...(state?.custom ?? [])];
}

/** "https://host[:port]" of an https URL, or null (the platform feature never runs on http). */
export function httpsOrigin(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' || !u.hostname || u.username || u.password) return null;
    return u.origin;
  } catch {
    return null;
  }
}

/** The host-permission pattern the browser asks for to reach one origin. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

export function profileForOrigin(
  profiles: readonly PlatformProfile[],
  url: string | undefined,
): PlatformProfile | null {
  const origin = httpsOrigin(url);
  return origin ? (profiles.find((p) => p.origin === origin) ?? null) : null;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Lower-case, spaces collapsed, the way qualify.normaliseText reads a label. */
function cleanLabel(text: string): string {
  return text
    .replace(/[*:：]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * A label matches when it IS one of the texts, optionally with a short hint around it
 * ("API Key (from My APIs)"): whole words only, so "TOTP Key" never answers "API Key".
 */
export function labelPattern(texts: readonly string[]): RegExp {
  const alts = texts.map(cleanLabel).filter(Boolean).map(escapeRe);
  return new RegExp(`^(?:${alts.join('|')})(?:$|\\s*[(/,-])`);
}

/** name/id tokens of each built-in field (custom fields use the words of their labels). */
const TOKENS: Record<PlatformField, string[][]> = {
  broker: [['broker']],
  platform: [['platform']],
  clientCode: [
    ['login', 'id'],
    ['client', 'id'],
    ['client', 'code'],
    ['user', 'id'],
  ],
  mpin: [['mpin']],
  totpSecret: [['totp']],
  apiKey: [['api', 'key'], ['apikey']],
};

/** The page engine's rules for one profile's fields. */
export function fieldRules(profile: PlatformProfile): TextFieldRule<PlatformField>[] {
  const out: TextFieldRule<PlatformField>[] = [];
  for (const key of PLATFORM_FIELDS) {
    const texts = profile.labels[key];
    if (!texts || texts.length === 0) continue;
    const tokens = profile.builtIn
      ? TOKENS[key]
      : texts
          .map((t) =>
            cleanLabel(t)
              .split(/[^a-z0-9]+/)
              .filter(Boolean),
          )
          .filter((s) => s.length > 0);
    out.push({ key, label: labelPattern(texts), tokens });
  }
  return out;
}

/** A button the user must press themselves (Validate, Save, "Validate & Save"). */
export function isNeverPress(profile: PlatformProfile, buttonText: string): boolean {
  const t = cleanLabel(buttonText).replace(/&amp;/g, '&');
  return profile.neverPress.some((n) => cleanLabel(n) === t);
}

/** The option text a select must show for each choice field. */
export function choiceMatcher(field: ChoiceField, platform: Platform): (optionText: string) => boolean {
  if (field === 'broker') return (t) => /^angel(?: one| broking)?(?: \(.*\))?$/.test(cleanLabel(t));
  return (t) => cleanLabel(t) === platform.toLowerCase();
}

/** What an account can give a platform form (nothing secret: only whether each value exists). */
export interface PlatformAccountChoice {
  id: string;
  label: string;
  clientCode: string;
  platform: Platform;
  has: Record<ValueField, boolean>;
}

/** The values a fill uses for an account's platform: SMART_API_M stores only the API key. */
export function valueFieldsFor(platform: Platform): ValueField[] {
  return platform === 'SMART_API_M' ? ['apiKey'] : [...VALUE_FIELDS];
}

export interface FillPlan {
  /** Fields the page shows and the account has: filled. */
  fill: PlatformField[];
  /** Fields the account needs but the page does not show. */
  notFound: PlatformField[];
  /** Fields the page shows but the account has no value for. */
  missing: ValueField[];
  /** Fields the page shows that this platform leaves alone (SMART_API_M: the credentials). */
  leftAlone: ValueField[];
}

/**
 * Which fields one fill touches. `onPage` is what the engine found. The broker and platform
 * selects are only set on the Create form (the Edit form shows neither, or shows them fixed).
 */
export function planFill(account: PlatformAccountChoice, onPage: ReadonlySet<PlatformField>): FillPlan {
  const wanted = valueFieldsFor(account.platform);
  const plan: FillPlan = { fill: [], notFound: [], missing: [], leftAlone: [] };
  for (const f of ['broker', 'platform'] as const) if (onPage.has(f)) plan.fill.push(f);
  for (const f of VALUE_FIELDS) {
    const shown = onPage.has(f);
    if (!wanted.includes(f)) {
      if (shown) plan.leftAlone.push(f);
      continue;
    }
    if (!account.has[f]) {
      if (shown) plan.missing.push(f);
      continue;
    }
    if (shown) plan.fill.push(f);
    else plan.notFound.push(f);
  }
  return plan;
}

/** Checks a custom platform typed in Options; returns the error key of the first problem. */
export type ProfileProblem = 'badOrigin' | 'builtInOrigin' | 'noName' | 'noFields';

export function checkCustomPlatform(
  input: { name: string; origin: string; labels: Partial<Record<PlatformField, string>> },
  existing: readonly PlatformProfile[],
): { ok: true; profile: Omit<PlatformProfile, 'id'> } | { ok: false; problem: ProfileProblem } {
  const name = input.name.trim();
  if (!name || name.length > 60) return { ok: false, problem: 'noName' };
  const origin = httpsOrigin(input.origin.trim());
  if (!origin || origin.includes('*')) return { ok: false, problem: 'badOrigin' };
  if (existing.some((p) => p.origin === origin)) return { ok: false, problem: 'builtInOrigin' };
  const labels: Partial<Record<PlatformField, string[]>> = {};
  for (const f of PLATFORM_FIELDS) {
    const texts = (input.labels[f] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0 && s.length <= 60);
    if (texts.length) labels[f] = texts.slice(0, 5);
  }
  if (!VALUE_FIELDS.some((f) => labels[f])) return { ok: false, problem: 'noFields' };
  return { ok: true, profile: { name, origin, labels, neverPress: AUTOTRADER_WEB.neverPress } };
}

/** Checks platforms read back from the vault or a backup; drops anything malformed. */
export function parsePlatformsState(raw: unknown): PlatformsState {
  const custom: PlatformProfile[] = [];
  const list = Array.isArray(raw) ? raw : (raw as { custom?: unknown } | null)?.custom;
  if (Array.isArray(list)) {
    for (const x of list.slice(0, 50)) {
      if (!x || typeof x !== 'object') continue;
      const p = x as Record<string, unknown>;
      if (typeof p.id !== 'string' || typeof p.name !== 'string' || typeof p.origin !== 'string') continue;
      if (httpsOrigin(p.origin) !== p.origin) continue;
      const labels: Partial<Record<PlatformField, string[]>> = {};
      const rawLabels = (p.labels ?? {}) as Record<string, unknown>;
      for (const f of PLATFORM_FIELDS) {
        const v = rawLabels[f];
        if (Array.isArray(v) && v.every((s) => typeof s === 'string')) labels[f] = v as string[];
      }
      custom.push({
        id: p.id,
        name: p.name,
        origin: p.origin,
        labels,
        neverPress: AUTOTRADER_WEB.neverPress,
      });
    }
  }
  return { custom };
}
