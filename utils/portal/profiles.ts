/**
 * Registration profiles for Angel's create-app form, and the checks that run before any fill.
 *
 * Profiles are not secrets (app name, URLs, API type, client id, static IPs): they live in
 * storage.local as a versioned item. Every check returns a plain reason and a fix; any error
 * blocks the fill entirely, so a wrong character never reaches Angel's form.
 */
import { storage } from '#imports';

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
export const profilesItem = storage.defineItem<ProfilesState>('local:portalProfiles', {
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
        message: 'The app name is empty.',
        fix: 'Type a name of at most 20 letters or digits without spaces, for example MyTradingApp.',
        suggestion: 'MyTradingApp',
      },
    ];
  }
  const corrected = name.replace(/\s+/g, '').slice(0, APP_NAME_MAX);
  if (/\s/.test(name)) {
    issues.push({
      field: 'appName',
      severity: 'error',
      message: `The app name "${name}" contains spaces; the login setup breaks with spaces in the app name.`,
      fix: `Use "${corrected}" (the same name without spaces).`,
      suggestion: corrected,
    });
  }
  const length = [...name].length;
  if (length > APP_NAME_MAX) {
    issues.push({
      field: 'appName',
      severity: 'error',
      message: `The app name is ${length} characters long; Angel allows at most ${APP_NAME_MAX}.`,
      fix: `Shorten it, for example to "${corrected}".`,
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
      message: `The ${what} "${value}" is not a complete web address.`,
      fix: `Write the full address starting with https://, for example https://example.com/callback.`,
    };
  }
  if (url.protocol === 'http:') {
    return {
      message: `The ${what} starts with http://; Angel only accepts secure https:// addresses.`,
      fix: 'Use the https:// address of the same page.',
      suggestion: 'https://' + value.slice(value.indexOf('//') + 2),
    };
  }
  if (url.protocol !== 'https:') {
    return {
      message: `The ${what} uses "${url.protocol}"; Angel only accepts https:// addresses.`,
      fix: 'Use an https:// address.',
    };
  }
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === 'localhost.localdomain') {
    return {
      message: `The ${what} points to localhost, which is your own computer; Angel refuses it and could never reach it.`,
      fix: 'Use the public https:// address of your server (a domain name).',
    };
  }
  if (host.startsWith('[') || parseIPv4(host) !== null || /^\d+(\.\d+)*$/.test(host)) {
    return {
      message: `The ${what} uses a bare IP address (${host}); Angel refuses IP addresses here.`,
      fix: 'Use a domain name with https://, for example https://myserver.example.com/callback.',
    };
  }
  if (!host.includes('.')) {
    return {
      message: `The ${what} host "${host}" is not a public domain name.`,
      fix: 'Use the full public domain name of your server.',
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
        message: 'The redirect URL is empty; Angel requires it.',
        fix: 'Enter the https:// address that receives the login tokens.',
      },
    ];
  }
  const p = urlProblem(raw, 'redirect URL');
  return p ? [{ field: 'redirectUrl', severity: 'error', ...p }] : [];
}

export function checkPostbackUrl(raw: string): ProfileIssue[] {
  if (raw.trim() === '') return [];
  const p = urlProblem(raw, 'postback URL');
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
        message: `The client id "${v}" should be letters and digits only (for example A123456).`,
        fix: 'Copy your Angel client id exactly, or leave the field empty.',
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
  reason: string;
}

// Ranges that can never be a registered public static IP (IANA special-purpose registry).
const NON_PUBLIC_RANGES: SpecialRange[] = [
  {
    base: [0, 0, 0, 0],
    bits: 8,
    reason: 'is in 0.0.0.0/8 ("this network"), which is not a real host address',
  },
  {
    base: [10, 0, 0, 0],
    bits: 8,
    reason: 'is a private address (10.0.0.0/8), used only inside local networks',
  },
  {
    base: [100, 64, 0, 0],
    bits: 10,
    reason:
      'is a carrier-grade NAT address (100.64.0.0/10) shared by many customers of your internet provider',
  },
  { base: [127, 0, 0, 0], bits: 8, reason: 'is a loopback address (127.0.0.0/8): it means "this computer"' },
  {
    base: [169, 254, 0, 0],
    bits: 16,
    reason: 'is a link-local address (169.254.0.0/16), given out when a device gets no real address',
  },
  {
    base: [172, 16, 0, 0],
    bits: 12,
    reason: 'is a private address (172.16.0.0/12), used only inside local networks',
  },
  { base: [192, 0, 0, 0], bits: 24, reason: 'is reserved for protocol use (192.0.0.0/24)' },
  { base: [192, 0, 2, 0], bits: 24, reason: 'is a documentation example address (192.0.2.0/24)' },
  { base: [192, 88, 99, 0], bits: 24, reason: 'is a retired relay address (192.88.99.0/24)' },
  {
    base: [192, 168, 0, 0],
    bits: 16,
    reason: 'is a private address (192.168.0.0/16), used only inside local networks',
  },
  { base: [198, 18, 0, 0], bits: 15, reason: 'is reserved for network benchmarks (198.18.0.0/15)' },
  { base: [198, 51, 100, 0], bits: 24, reason: 'is a documentation example address (198.51.100.0/24)' },
  { base: [203, 0, 113, 0], bits: 24, reason: 'is a documentation example address (203.0.113.0/24)' },
  { base: [224, 0, 0, 0], bits: 4, reason: 'is a multicast address (224.0.0.0/4), not a single host' },
  {
    base: [240, 0, 0, 0],
    bits: 4,
    reason: 'is in the reserved range 240.0.0.0/4 (or is the broadcast address)',
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
    if ((value & mask) >>> 0 === (toInt(r.base) & mask) >>> 0) return r.reason;
  }
  return null;
}

const IP_FIX =
  'Enter the public IPv4 static address your provider gave you (the address websites see, such as 49.36.12.7). Search "what is my IP" from the machine that will trade to see it.';

export function checkStaticIp(raw: string, field: 'primaryIp' | 'secondaryIp'): ProfileIssue[] {
  const v = raw.trim();
  const which = field === 'primaryIp' ? 'primary static IP' : 'secondary static IP';
  if (v === '') {
    return field === 'primaryIp'
      ? [
          {
            field,
            severity: 'warning',
            message: 'No primary static IP is set; the new create-app form requires one.',
            fix: 'Add your public IPv4 static address to the profile, or type it into the form yourself.',
          },
        ]
      : [];
  }
  if (v.includes(':')) {
    return [
      {
        field,
        severity: 'error',
        message: `The ${which} "${v}" is an IPv6 address; Angel accepts IPv4 addresses only.`,
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
        message: `The ${which} "${v}" is not an IPv4 address (four numbers 0-255 separated by dots, without leading zeros).`,
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
        message: `The ${which} ${v} ${reason}; it can never be registered as a public static IP.`,
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
      message: 'The secondary static IP is the same as the primary one.',
      fix: 'Enter a different public IPv4 address, or leave the secondary IP empty.',
    });
  }
  return issues;
}

export function blockingIssues(p: RegistrationProfile): ProfileIssue[] {
  return checkProfile(p).filter((i) => i.severity === 'error');
}
