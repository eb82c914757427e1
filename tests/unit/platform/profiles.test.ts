import { describe, expect, it } from 'vitest';
import {
  AUTOTRADER_WEB,
  checkCustomPlatform,
  choiceMatcher,
  fieldRules,
  httpsOrigin,
  isNeverPress,
  labelPattern,
  parsePlatformsState,
  planFill,
  profileForOrigin,
  BUILT_IN_PLATFORMS,
  type PlatformAccountChoice,
  type PlatformField,
} from '@/utils/platform/profiles';

const account = (over: Partial<PlatformAccountChoice> = {}): PlatformAccountChoice => ({
  id: 'a1',
  label: 'Main',
  clientCode: 'A1234567',
  platform: 'SMART_API',
  has: { clientCode: true, mpin: true, totpSecret: true, apiKey: true },
  ...over,
});
const onPage = (...f: PlatformField[]) => new Set<PlatformField>(f);

describe('platform profiles', () => {
  it('AutoTrader Web is built in at its https origin only', () => {
    expect(profileForOrigin(BUILT_IN_PLATFORMS, 'https://webx.stocksdeveloper.in/accounts/create')?.id).toBe(
      'autotrader-web',
    );
    expect(profileForOrigin(BUILT_IN_PLATFORMS, 'http://webx.stocksdeveloper.in/')).toBeNull();
    expect(profileForOrigin(BUILT_IN_PLATFORMS, 'https://webx.stocksdeveloper.in.evil.example/')).toBeNull();
    expect(httpsOrigin('https://user:pw@webx.stocksdeveloper.in/')).toBeNull();
  });

  it('label patterns take whole labels: "TOTP Key" never answers "API Key"', () => {
    const rules = Object.fromEntries(fieldRules(AUTOTRADER_WEB).map((r) => [r.key, r.label]));
    expect(rules.apiKey!.test('api key')).toBe(true);
    expect(rules.apiKey!.test('totp key')).toBe(false);
    expect(rules.totpSecret!.test('totp secret key')).toBe(true);
    expect(rules.totpSecret!.test('totp key')).toBe(true);
    expect(rules.clientCode!.test('login id / client id')).toBe(true);
    expect(rules.clientCode!.test('login id')).toBe(true);
    expect(rules.mpin!.test('mpin')).toBe(true);
    expect(rules.mpin!.test('mpin (4 digits)')).toBe(true);
    expect(rules.mpin!.test('pincode of your city')).toBe(false);
    expect(labelPattern(['API Key']).test('api key (from my apis)')).toBe(true);
  });

  it('knows the buttons it must never press', () => {
    expect(isNeverPress(AUTOTRADER_WEB, 'Validate')).toBe(true);
    expect(isNeverPress(AUTOTRADER_WEB, ' Save ')).toBe(true);
    expect(isNeverPress(AUTOTRADER_WEB, 'Validate & Save')).toBe(true);
    expect(isNeverPress(AUTOTRADER_WEB, 'Cancel')).toBe(false);
  });

  it('sets the selects by visible text: broker Angel, platform as the account says', () => {
    expect(choiceMatcher('broker', 'SMART_API')('Angel')).toBe(true);
    expect(choiceMatcher('broker', 'SMART_API')('Angel One')).toBe(true);
    expect(choiceMatcher('broker', 'SMART_API')('Zerodha')).toBe(false);
    expect(choiceMatcher('platform', 'SMART_API')('SMART_API')).toBe(true);
    expect(choiceMatcher('platform', 'SMART_API')('SMART_API_M')).toBe(false);
    expect(choiceMatcher('platform', 'SMART_API_M')('SMART_API_M')).toBe(true);
  });

  it('plans a full SMART_API fill and names what is not on the page', () => {
    const plan = planFill(account(), onPage('broker', 'platform', 'clientCode', 'mpin', 'apiKey'));
    expect(plan.fill).toEqual(['broker', 'platform', 'clientCode', 'mpin', 'apiKey']);
    expect(plan.notFound).toEqual(['totpSecret']);
    expect(plan.missing).toEqual([]);
  });

  it('names what the account lacks and fills the rest', () => {
    const plan = planFill(
      account({ has: { clientCode: true, mpin: true, totpSecret: false, apiKey: false } }),
      onPage('clientCode', 'mpin', 'totpSecret', 'apiKey'),
    );
    expect(plan.fill).toEqual(['clientCode', 'mpin']);
    expect(plan.missing).toEqual(['totpSecret', 'apiKey']);
  });

  it('SMART_API_M fills only the API key and leaves the credentials alone', () => {
    const plan = planFill(
      account({ platform: 'SMART_API_M' }),
      onPage('platform', 'clientCode', 'mpin', 'apiKey'),
    );
    expect(plan.fill).toEqual(['platform', 'apiKey']);
    expect(plan.leftAlone).toEqual(['clientCode', 'mpin']);
    expect(plan.notFound).toEqual([]);
  });

  it('checks custom platforms: https origin, a name, at least one value field', () => {
    const base = {
      name: 'My platform',
      origin: 'https://algo.example.com',
      labels: { apiKey: 'API Key, Key' },
    };
    const ok = checkCustomPlatform(base, BUILT_IN_PLATFORMS);
    expect(ok).toMatchObject({
      ok: true,
      profile: { origin: 'https://algo.example.com', labels: { apiKey: ['API Key', 'Key'] } },
    });
    expect(checkCustomPlatform({ ...base, origin: 'http://algo.example.com' }, [])).toEqual({
      ok: false,
      problem: 'badOrigin',
    });
    // A pasted page address counts for its site.
    expect(checkCustomPlatform({ ...base, origin: 'https://algo.example.com/accounts' }, [])).toMatchObject({
      ok: true,
      profile: { origin: 'https://algo.example.com' },
    });
    expect(
      checkCustomPlatform({ ...base, origin: 'https://webx.stocksdeveloper.in' }, BUILT_IN_PLATFORMS),
    ).toEqual({
      ok: false,
      problem: 'builtInOrigin',
    });
    expect(checkCustomPlatform({ ...base, name: ' ' }, [])).toEqual({ ok: false, problem: 'noName' });
    expect(checkCustomPlatform({ ...base, labels: { broker: 'Broker' } }, [])).toEqual({
      ok: false,
      problem: 'noFields',
    });
  });

  it('drops malformed stored platforms', () => {
    const state = parsePlatformsState({
      custom: [
        { id: 'x', name: 'X', origin: 'https://x.example', labels: { apiKey: ['Key'], mpin: [3] } },
        { id: 'y', name: 'Y', origin: 'javascript:alert(1)', labels: {} },
        'junk',
      ],
    });
    expect(state.custom).toHaveLength(1);
    expect(state.custom[0]!.labels).toEqual({ apiKey: ['Key'] });
  });
});
