import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import fc from 'fast-check';
import {
  AUTOTRADER_PROFILE,
  AUTOTRADER_PROFILE_ID,
  blockingIssues,
  checkAppName,
  checkPostbackUrl,
  checkProfile,
  checkRedirectUrl,
  checkStaticIp,
  loadProfiles,
  newProfile,
  nonPublicReason,
  parseIPv4,
  saveProfiles,
  type RegistrationProfile,
} from '@/utils/portal/profiles';

const good: RegistrationProfile = { ...AUTOTRADER_PROFILE, primaryIp: '49.36.12.7', secondaryIp: '' };

describe('app name', () => {
  it('accepts the AutoTrader name', () => expect(checkAppName('MyTradingApp')).toEqual([]));
  it('refuses 21 characters and offers a 20-character name', () => {
    const [issue] = checkAppName('A'.repeat(21));
    expect(issue!.message).toBe('The app name is 21 characters long; Angel allows at most 20.');
    expect(issue!.suggestion).toBe('A'.repeat(20));
    expect(issue!.severity).toBe('error');
  });
  it('accepts exactly 20 characters', () => expect(checkAppName('B'.repeat(20))).toEqual([]));
  it('refuses spaces and offers the name without them', () => {
    const [issue] = checkAppName('My Trading App');
    expect(issue!.message).toContain('contains spaces');
    expect(issue!.fix).toBe('Use "MyTradingApp" (the same name without spaces).');
    expect(issue!.suggestion).toBe('MyTradingApp');
  });
  it('refuses an empty name', () => expect(checkAppName('  ')[0]!.message).toBe('The app name is empty.'));
});

describe('redirect and postback URLs', () => {
  it('accepts the AutoTrader URLs', () => {
    expect(checkRedirectUrl(AUTOTRADER_PROFILE.redirectUrl)).toEqual([]);
    expect(checkPostbackUrl(AUTOTRADER_PROFILE.postbackUrl)).toEqual([]);
  });
  it('refuses an http redirect and offers the https one', () => {
    const [issue] = checkRedirectUrl('http://webx.stocksdeveloper.in/auth/angel');
    expect(issue!.message).toBe(
      'The redirect URL starts with http://; Angel only accepts secure https:// addresses.',
    );
    expect(issue!.suggestion).toBe('https://webx.stocksdeveloper.in/auth/angel');
  });
  it.each([
    ['https://localhost/cb', /localhost/],
    ['https://app.localhost/cb', /localhost/],
    ['https://127.0.0.1/cb', /bare IP address/],
    ['https://49.36.12.7/cb', /bare IP address/],
    ['https://[::1]/cb', /bare IP address/],
    ['webx.stocksdeveloper.in/auth', /not a complete web address/],
    ['ftp://example.com/x', /only accepts https/],
    ['https://intranet/cb', /not a public domain name/],
    ['', /empty/],
  ])('refuses redirect %s', (url, message) => {
    const issues = checkRedirectUrl(url);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(message);
    expect(issues[0]!.fix.length).toBeGreaterThan(10);
  });
  it('allows an empty postback URL but not an http one', () => {
    expect(checkPostbackUrl('')).toEqual([]);
    expect(checkPostbackUrl('http://apix.stocksdeveloper.in/postback/angel')[0]!.message).toMatch(
      /http:\/\//,
    );
  });
});

describe('static IPs', () => {
  it('accepts a public IPv4 address', () => expect(checkStaticIp('49.36.12.7', 'primaryIp')).toEqual([]));
  it('refuses IPv6 with the reason', () => {
    const [issue] = checkStaticIp('2001:db8::1', 'primaryIp');
    expect(issue!.message).toBe(
      'The primary static IP "2001:db8::1" is an IPv6 address; Angel accepts IPv4 addresses only.',
    );
  });
  it('refuses a 10.x address as private', () => {
    const [issue] = checkStaticIp('10.1.2.3', 'primaryIp');
    expect(issue!.message).toBe(
      'The primary static IP 10.1.2.3 is a private address (10.0.0.0/8), used only inside local networks; it can never be registered as a public static IP.',
    );
  });
  it.each([
    ['172.16.0.1', /private address \(172\.16/],
    ['172.31.255.255', /private address \(172\.16/],
    ['192.168.1.10', /private address \(192\.168/],
    ['127.0.0.1', /loopback/],
    ['169.254.10.1', /link-local/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['100.127.255.254', /carrier-grade NAT/],
    ['0.1.2.3', /this network/],
    ['224.0.0.1', /multicast/],
    ['255.255.255.255', /reserved/],
    ['192.0.2.5', /documentation/],
    ['198.18.0.1', /benchmarks/],
  ])('refuses %s', (ip, reason) => {
    const [issue] = checkStaticIp(ip, 'secondaryIp');
    expect(issue!.severity).toBe('error');
    expect(issue!.message).toMatch(reason);
    expect(issue!.message).toContain('secondary static IP');
  });
  it.each([
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '11.0.0.1',
    '192.169.0.1',
    '8.8.8.8',
  ])('accepts the public neighbour %s', (ip) => expect(checkStaticIp(ip, 'primaryIp')).toEqual([]));
  it.each(['1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', 'abc', '1.2.3.4 '.repeat(2)])(
    'refuses malformed %s',
    (ip) => {
      expect(checkStaticIp(ip, 'primaryIp')[0]!.message).toMatch(/not an IPv4 address/);
    },
  );
  it('warns (does not block) when no primary IP is set', () => {
    const issues = checkStaticIp('', 'primaryIp');
    expect(issues[0]!.severity).toBe('warning');
    expect(checkStaticIp('', 'secondaryIp')).toEqual([]);
  });
  it('parseIPv4 round-trips every address (property)', () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)), (ip) => {
        expect(parseIPv4(ip.join('.'))).toEqual(ip);
      }),
    );
  });
  it('every 10.x, 192.168.x and 127.x address is non-public (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(10, 127), fc.nat(255), fc.nat(255), fc.nat(255), (a, b, c, d) => {
        expect(nonPublicReason([a, b, c, d])).not.toBeNull();
      }),
    );
    fc.assert(
      fc.property(fc.nat(255), fc.nat(255), (c, d) => {
        expect(nonPublicReason([192, 168, c, d])).not.toBeNull();
      }),
    );
  });
});

describe('whole profile', () => {
  it('the built-in profile with a public IP has no problem', () => expect(checkProfile(good)).toEqual([]));
  it('refuses the same primary and secondary IP', () => {
    expect(blockingIssues({ ...good, secondaryIp: '49.36.12.7' })[0]!.message).toMatch(/same as the primary/);
  });
  it('collects every problem at once', () => {
    const bad = {
      ...good,
      appName: 'My Very Long Trading App',
      redirectUrl: 'http://x.example.com',
      primaryIp: '10.0.0.1',
      secondaryIp: '::1',
    };
    expect(blockingIssues(bad).map((i) => i.field)).toEqual([
      'appName',
      'appName',
      'redirectUrl',
      'primaryIp',
      'secondaryIp',
    ]);
  });
});

describe('stored profiles', () => {
  beforeEach(() => fakeBrowser.reset());
  it('always include the built-in AutoTrader Web profile with its fixed values', async () => {
    const state = await loadProfiles();
    expect(state.profiles[0]).toMatchObject({
      id: AUTOTRADER_PROFILE_ID,
      appName: 'MyTradingApp',
      builtIn: true,
    });
    await saveProfiles({
      profiles: [{ ...AUTOTRADER_PROFILE, appName: 'Changed', primaryIp: '49.36.12.7' }, newProfile('x')],
      selectedId: 'x',
    });
    const again = await loadProfiles();
    expect(again.profiles.map((p) => p.id)).toEqual([AUTOTRADER_PROFILE_ID, 'x']);
    expect(again.profiles[0]).toMatchObject({ appName: 'MyTradingApp', primaryIp: '49.36.12.7' });
    expect(again.selectedId).toBe('x');
  });
  it('is stored in storage.local (not secret, not in the vault)', async () => {
    await saveProfiles(await loadProfiles());
    const raw = await fakeBrowser.storage.local.get(null);
    expect(raw).toHaveProperty('portalProfiles');
    expect((raw.portalProfiles as { profiles: unknown[] }).profiles).toHaveLength(1);
  });
});
