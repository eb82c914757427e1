/**
 * Registration profiles for Angel's create-app form, and the checks that run before any fill.
 *
 * Profiles are not secrets (app name, URLs, API type, client id, static IPs): they live in
 * storage.local as a versioned item. Every check returns a plain reason and a fix; any error
 * blocks the fill entirely, so a wrong character never reaches Angel's form.
 */
import { defineStoredItem } from '@/utils/storage/item';
import { t, type InPageKey } from '../i18n/inPage';

export type ApiType = 'trading' | 'publisher' | 'market-feeds' | 'historical';

export const API_TYPE_LABELS: Record<ApiType, string> = {
  trading: 'Trading APIs',
  publisher: 'Publisher APIs',
  'market-feeds': 'Market Feeds APIs',
  historical: 'Historical APIs',
};

export interface RegistrationProfile {
  id: string;
  /** Name shown in pickers ("AutoTrader Web", "My backend"). */
  name: string;
  /** The built-in profile keeps its app name and URLs; only type, client id and IPs change. */
  builtIn?: boolean;
  appName: string;
  redirectUrl: string;
  postbackUrl: string;
  apiType: ApiType;
  clientId: string;
  primaryIp: string;
  secondaryIp: string;
}

export const AUTOTRADER_PROFILE_ID = 'autotrader-web';

export const AUTOTRADER_PROFILE: RegistrationProfile = {
  id: AUTOTRADER_PROFILE_ID,
  name: 'AutoTrader Web',
  builtIn: true,
  appName: 'MyTradingApp',
  redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
  postbackUrl: 'https://apix.stocksdeveloper.in/postback/angel',
  apiType: 'trading',
  clientId: '',
  primaryIp: '',
  secondaryIp: '',
};

export interface ProfilesState {
  profiles: RegistrationProfile[];
  /** The profile the in-page control and the popup pick first. */
  selectedId: string;
}

/** Version 1: the first stored shape. Later shapes add a migration here. */
export const profilesItem = defineStoredItem<ProfilesState>('local:portalProfiles', {
  fallback: { profiles: [AUTOTRADER_PROFILE], selectedId: AUTOTRADER_PROFILE_ID },
  version: 1,
});

/** The built-in profile is always present and keeps its fixed app name and URLs. */
export function withBuiltIn(state: ProfilesState): ProfilesState {
  const others = state.profiles.filter((p) => p.id !== AUTOTRADER_PROFILE_ID);
  const stored = state.profiles.find((p) => p.id === AUTOTRADER_PROFILE_ID);
  const builtIn: RegistrationProfile = {
    ...AUTOTRADER_PROFILE,
    apiType: stored?.apiType ?? AUTOTRADER_PROFILE.apiType,
    clientId: stored?.clientId ?? '',
    primaryIp: stored?.primaryIp ?? '',
    secondaryIp: stored?.secondaryIp ?? '',
  };
  const profiles = [builtIn, ...others];
  const selectedId = profiles.some((p) => p.id === state.selectedId)
    ? state.selectedId
    : AUTOTRADER_PROFILE_ID;
  return { profiles, selectedId };
}

export async function loadProfiles(): Promise<ProfilesState> {
  return withBuiltIn(await profilesItem.getValue());
}

export async function saveProfiles(state: ProfilesState): Promise<void> {
  await profilesItem.setValue(withBuiltIn(state));
}

export function newProfile(id: string): RegistrationProfile {
  return {
    id,
    name: 'My backend',
    appName: '',
    redirectUrl: 'https://',
    postbackUrl: '',
    apiType: 'trading',
    clientId: '',
    primaryIp: '',
    secondaryIp: '',
  };
}

// ---------------------------------------------------------------------------------------
// Checks

export type ProfileField =
  'appName' | 'redirectUrl' | 'postbackUrl' | 'clientId' | 'primaryIp' | 'secondaryIp';

export interface ProfileIssue {
  field: ProfileField;
  /** 'error' blocks the fill; 'warning' is shown next to the report. */
  severity: 'error' | 'warning';
  /** What is wrong, in plain words. */
  message: string;
  /** What to do about it. */
  fix: string;
  /** A corrected value the UI can offer with one click. */
  suggestion?: string;
}

export const APP_NAME_MAX = 20;

export function checkAppName(name: string): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  if (name.trim() === '') {
    return [
      {
        field: 'appName',
        severity: 'error',
        message: t('pf.appEmpty'),
        fix: t('pf.appEmptyFix'),
        suggestion: 'MyTradingApp',
      },
    ];
  }
  const corrected = name.replace(/\s+/g, '').slice(0, APP_NAME_MAX);
  if (/\s/.test(name)) {
    issues.push({
      field: 'appName',
      severity: 'error',
      message: t('pf.appSpaces', { name }),
      fix: t('pf.appSpacesFix', { corrected }),
      suggestion: corrected,
    });
  }
  const length = [...name].length;
  if (length > APP_NAME_MAX) {
    issues.push({
      field: 'appName',
      severity: 'error',
      message: t('pf.appLong', { length, max: APP_NAME_MAX }),
      fix: t('pf.appLongFix', { corrected }),
      suggestion: corrected,
    });
  }
  return issues;
}

type UrlProblem = { message: string; fix: string; suggestion?: string } | null;

function urlProblem(raw: string, what: string): UrlProblem {
  const value = raw.trim();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return {
      message: t('pf.urlIncomplete', { what, value }),
      fix: t('pf.urlIncompleteFix'),
    };
  }
  if (url.protocol === 'http:') {
    return {
      message: t('pf.urlHttp', { what }),
      fix: t('pf.urlHttpFix'),
      suggestion: 'https://' + value.slice(value.indexOf('//') + 2),
    };
  }
  if (url.protocol !== 'https:') {
    return {
      message: t('pf.urlScheme', { what, scheme: url.protocol }),
      fix: t('pf.urlSchemeFix'),
    };
  }
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === 'localhost.localdomain') {
    return {
      message: t('pf.urlLocalhost', { what }),
      fix: t('pf.urlLocalhostFix'),
    };
  }
  if (host.startsWith('[') || parseIPv4(host) !== null || /^\d+(\.\d+)*$/.test(host)) {
    return {
      message: t('pf.urlIp', { what, host }),
      fix: t('pf.urlIpFix'),
    };
  }
  if (!host.includes('.')) {
    return {
      message: t('pf.urlHost', { what, host }),
      fix: t('pf.urlHostFix'),
    };
  }
  return null;
}

export function checkRedirectUrl(raw: string): ProfileIssue[] {
  if (raw.trim() === '' || raw.trim() === 'https://') {
    return [
      {
        field: 'redirectUrl',
        severity: 'error',
        message: t('pf.redirectEmpty'),
        fix: t('pf.redirectEmptyFix'),
      },
    ];
  }
  const p = urlProblem(raw, t('pf.whatRedirect'));
  return p ? [{ field: 'redirectUrl', severity: 'error', ...p }] : [];
}

export function checkPostbackUrl(raw: string): ProfileIssue[] {
  if (raw.trim() === '') return [];
  const p = urlProblem(raw, t('pf.whatPostback'));
  return p ? [{ field: 'postbackUrl', severity: 'error', ...p }] : [];
}

export function checkClientId(raw: string): ProfileIssue[] {
  const v = raw.trim();
  if (v === '') return [];
  if (!/^[A-Za-z0-9]{3,16}$/.test(v)) {
    return [
      {
        field: 'clientId',
        severity: 'error',
        message: t('pf.clientId', { value: v }),
        fix: t('pf.clientIdFix'),
        suggestion: v.replace(/[^A-Za-z0-9]/g, '').toUpperCase() || undefined,
      },
    ];
  }
  return [];
}

/** Strict dotted-quad IPv4: four decimal parts 0-255 without leading zeros. */
export function parseIPv4(text: string): [number, number, number, number] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out as [number, number, number, number];
}

interface SpecialRange {
  base: [number, number, number, number];
  bits: number;
  /** Catalogue key of the plain reason. */
  reason: InPageKey;
}

// Ranges that can never be a registered public static IP (IANA special-purpose registry).
const NON_PUBLIC_RANGES: SpecialRange[] = [
  {
    base: [0, 0, 0, 0],
    bits: 8,
    reason: 'pf.rThisNetwork',
  },
  {
    base: [10, 0, 0, 0],
    bits: 8,
    reason: 'pf.rPrivate10',
  },
  {
    base: [100, 64, 0, 0],
    bits: 10,
    reason: 'pf.rCgnat',
  },
  { base: [127, 0, 0, 0], bits: 8, reason: 'pf.rLoopback' },
  {
    base: [169, 254, 0, 0],
    bits: 16,
    reason: 'pf.rLinkLocal',
  },
  {
    base: [172, 16, 0, 0],
    bits: 12,
    reason: 'pf.rPrivate172',
  },
  { base: [192, 0, 0, 0], bits: 24, reason: 'pf.rProtocol' },
  { base: [192, 0, 2, 0], bits: 24, reason: 'pf.rDoc192' },
  { base: [192, 88, 99, 0], bits: 24, reason: 'pf.rRelay' },
  {
    base: [192, 168, 0, 0],
    bits: 16,
    reason: 'pf.rPrivate192',
  },
  { base: [198, 18, 0, 0], bits: 15, reason: 'pf.rBenchmark' },
  { base: [198, 51, 100, 0], bits: 24, reason: 'pf.rDoc198' },
  { base: [203, 0, 113, 0], bits: 24, reason: 'pf.rDoc203' },
  { base: [224, 0, 0, 0], bits: 4, reason: 'pf.rMulticast' },
  {
    base: [240, 0, 0, 0],
    bits: 4,
    reason: 'pf.rReserved',
  },
];

function toInt(ip: readonly number[]): number {
  return (((ip[0]! << 24) >>> 0) + (ip[1]! << 16) + (ip[2]! << 8) + ip[3]!) >>> 0;
}

/** Why an IPv4 address cannot be a public static IP, or null when it is public. */
export function nonPublicReason(ip: readonly number[]): string | null {
  const value = toInt(ip);
  for (const r of NON_PUBLIC_RANGES) {
    const mask = r.bits === 0 ? 0 : (0xffffffff << (32 - r.bits)) >>> 0;
    if ((value & mask) >>> 0 === (toInt(r.base) & mask) >>> 0) return t(r.reason);
  }
  return null;
}

export function checkStaticIp(raw: string, field: 'primaryIp' | 'secondaryIp'): ProfileIssue[] {
  const v = raw.trim();
  const which = t(field === 'primaryIp' ? 'pf.whichPrimary' : 'pf.whichSecondary');
  const IP_FIX = t('pf.ipFix');
  if (v === '') {
    return field === 'primaryIp'
      ? [
          {
            field,
            severity: 'warning',
            message: t('pf.noPrimary'),
            fix: t('pf.noPrimaryFix'),
          },
        ]
      : [];
  }
  if (v.includes(':')) {
    return [
      {
        field,
        severity: 'error',
        message: t('pf.ipv6', { which, value: v }),
        fix: IP_FIX,
      },
    ];
  }
  const ip = parseIPv4(v);
  if (!ip) {
    return [
      {
        field,
        severity: 'error',
        message: t('pf.notIpv4', { which, value: v }),
        fix: IP_FIX,
      },
    ];
  }
  const reason = nonPublicReason(ip);
  if (reason) {
    return [
      {
        field,
        severity: 'error',
        message: t('pf.nonPublic', { which, value: v, reason }),
        fix: IP_FIX,
      },
    ];
  }
  return [];
}

/** All checks for one profile; errors block the fill. */
export function checkProfile(p: RegistrationProfile): ProfileIssue[] {
  const issues = [
    ...checkAppName(p.appName),
    ...checkRedirectUrl(p.redirectUrl),
    ...checkPostbackUrl(p.postbackUrl),
    ...checkClientId(p.clientId),
    ...checkStaticIp(p.primaryIp, 'primaryIp'),
    ...checkStaticIp(p.secondaryIp, 'secondaryIp'),
  ];
  if (p.primaryIp.trim() !== '' && p.primaryIp.trim() === p.secondaryIp.trim()) {
    issues.push({
      field: 'secondaryIp',
      severity: 'error',
      message: t('pf.sameIp'),
      fix: t('pf.sameIpFix'),
    });
  }
  return issues;
}

export function blockingIssues(p: RegistrationProfile): ProfileIssue[] {
  return checkProfile(p).filter((i) => i.severity === 'error');
}
