/**
 * Does PRIVACY.md name exactly the hosts the extension asks for and contacts? Pure helpers over
 * the policy text, a manifest and the built files; tests/unit/ship runs them on a fresh build.
 */

export type Files = Map<string, Buffer>;

function section(text: string, name: string): string {
  const start = text.indexOf(`<!-- ${name}:start -->`);
  const end = text.indexOf(`<!-- ${name}:end -->`);
  if (start < 0 || end < start) throw new Error(`PRIVACY.md has no ${name} section markers.`);
  return text.slice(start, end);
}

const HOST = /`(?:https?:\/\/)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)`/gi;

/** The backticked host names in one marked section of the policy. */
function hostsIn(text: string): Set<string> {
  const hosts = [...text.matchAll(HOST)].map((m) => m[1]!.toLowerCase());
  // Loopback is the user's own computer (local webhooks), not a host anyone else runs.
  return new Set(hosts.filter((h) => !/^127\.\d+\.\d+\.\d+$/.test(h)));
}

export function policyHosts(policy: string): { contacted: Set<string>; notContacted: Set<string> } {
  return {
    contacted: hostsIn(section(policy, 'hosts:contacted')),
    notContacted: hostsIn(section(policy, 'hosts:not-contacted')),
  };
}

/** Host names of the manifest's (required) host permissions and content-script matches. */
export function manifestHosts(m: Record<string, unknown>): Set<string> {
  const patterns: unknown[] = [
    ...((m.host_permissions as unknown[]) ?? []),
    // MV2 keeps host permissions among the permissions.
    ...((m.permissions as unknown[]) ?? []),
    ...((m.content_scripts as { matches?: unknown[] }[]) ?? []).flatMap((c) => c.matches ?? []),
  ];
  const hosts = new Set<string>();
  for (const p of patterns) {
    const host = typeof p === 'string' ? /^[a-z*]+:\/\/([^/]+)\//i.exec(p)?.[1] : undefined;
    if (host) hosts.add(host.toLowerCase());
  }
  return hosts;
}

/** Optional host permissions: asked for at run time, one site at a time (the user's webhooks). */
export function optionalHostPatterns(m: Record<string, unknown>): string[] {
  const list = [
    ...((m.optional_host_permissions as unknown[]) ?? []),
    ...((m.optional_permissions as unknown[]) ?? []),
  ];
  return list.filter((p): p is string => typeof p === 'string' && p.includes('://'));
}

const POLICY_HOST_LISTS = /<!-- hosts:contacted:start -->[\s\S]*?<!-- hosts:not-contacted:end -->/g;

/**
 * Every host name written as an http(s) URL in the built code and pages. Wildcards
 * (`https://*`), loopback and ports are dropped: loopback is the user's own computer.
 */
export function bundleHosts(files: Files): Set<string> {
  const hosts = new Set<string>();
  for (const [path, data] of files) {
    if (!/\.(m?js|html|json)$/.test(path)) continue;
    // The policy's own host lists (the privacy page shows the policy) name hosts, not contact them.
    const text = data.toString('utf8').replace(POLICY_HOST_LISTS, '');
    for (const m of text.matchAll(/https?:\/\/([a-z0-9*-]+(?:\.[a-z0-9-]+)*)/gi)) {
      const host = m[1]!.toLowerCase();
      if (host.includes('*') || host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host)) continue;
      if (!host.includes('.')) continue;
      hosts.add(host);
    }
  }
  return hosts;
}

export interface PrivacyFindings {
  /** Hosts the manifest grants that the policy does not name as contacted. */
  grantedNotNamed: string[];
  /** Hosts the policy names as contacted that the manifest does not grant. */
  namedNotGranted: string[];
  /** Hosts in the code that the policy names nowhere. */
  inCodeNotNamed: string[];
  /** Hosts the policy names that are nowhere in the code or manifest (stale policy). */
  namedNotInCode: string[];
  /** Optional host patterns other than https sites and the loopback the policy describes. */
  unexpectedOptional: string[];
}

const OPTIONAL_ALLOWED = new Set(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']);

export function checkPrivacy(
  policy: string,
  manifest: Record<string, unknown>,
  files: Files,
): PrivacyFindings {
  const { contacted, notContacted } = policyHosts(policy);
  const granted = manifestHosts(manifest);
  const inCode = bundleHosts(files);
  const sorted = (xs: Iterable<string>) => [...xs].sort();
  return {
    grantedNotNamed: sorted([...granted].filter((h) => !contacted.has(h))),
    namedNotGranted: sorted([...contacted].filter((h) => !granted.has(h))),
    inCodeNotNamed: sorted([...inCode].filter((h) => !contacted.has(h) && !notContacted.has(h))),
    namedNotInCode: sorted([...contacted, ...notContacted].filter((h) => !inCode.has(h) && !granted.has(h))),
    unexpectedOptional: optionalHostPatterns(manifest).filter((p) => !OPTIONAL_ALLOWED.has(p)),
  };
}
