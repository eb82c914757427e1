import { describe, expect, it } from 'vitest';
import { loginTokensFrom, parseAngelAnswer, parseRejectedPage, profileFrom } from '@/utils/angel/responses';

const REJECTED = `<html><head><title>Request Rejected</title></head><body>The requested URL was rejected. Please consult with your administrator.<br><br>Your support ID is: 7712345678901234567<br><br><a href='javascript:history.back();'>[Go Back]</a></body></html>`;

describe('parseAngelAnswer', () => {
  it('reads the success shape', () => {
    const a = parseAngelAnswer(
      200,
      '{"status":true,"message":"SUCCESS","errorcode":"","data":{"jwtToken":"j","refreshToken":"r","feedToken":"f"}}',
    );
    expect(a).toEqual({
      kind: 'ok',
      message: 'SUCCESS',
      httpStatus: 200,
      data: { jwtToken: 'j', refreshToken: 'r', feedToken: 'f' },
    });
  });

  it('reads the API error shape (status/errorcode)', () => {
    expect(
      parseAngelAnswer(200, '{"status":false,"message":"Invalid totp","errorcode":"AB1050","data":null}'),
    ).toEqual({
      kind: 'angel-error',
      code: 'AB1050',
      message: 'Invalid totp',
      httpStatus: 200,
    });
  });

  it('reads the gateway error shape (success/errorCode)', () => {
    expect(
      parseAngelAnswer(401, '{"success":false,"message":"Invalid Token","errorCode":"AG8001","data":""}'),
    ).toEqual({
      kind: 'angel-error',
      code: 'AG8001',
      message: 'Invalid Token',
      httpStatus: 401,
    });
  });

  it('treats an error code without a status flag as an error', () => {
    expect(parseAngelAnswer(403, '{"message":"Access denied","errorcode":"AB1019"}')).toMatchObject({
      kind: 'angel-error',
      code: 'AB1019',
    });
  });

  it('recognises the firewall page and its support ID', () => {
    expect(parseAngelAnswer(200, REJECTED)).toEqual({
      kind: 'rejected',
      supportId: '7712345678901234567',
      httpStatus: 200,
    });
    expect(parseRejectedPage('<html><title>Request Rejected</title><body>no id</body></html>')).toEqual({});
    expect(parseRejectedPage('<p>hello</p>')).toBeNull();
  });

  it('calls truncated JSON malformed, other text not-json, empty empty', () => {
    expect(parseAngelAnswer(200, '{"status":true,"data":{"jwtToken":"eyJ')).toEqual({
      kind: 'malformed',
      reason: 'bad-json',
      httpStatus: 200,
    });
    expect(parseAngelAnswer(502, '<html><body>Bad gateway</body></html>')).toEqual({
      kind: 'malformed',
      reason: 'not-json',
      httpStatus: 502,
    });
    expect(parseAngelAnswer(200, '   ')).toEqual({ kind: 'malformed', reason: 'empty', httpStatus: 200 });
    expect(parseAngelAnswer(200, '[1,2]')).toEqual({
      kind: 'malformed',
      reason: 'unknown-shape',
      httpStatus: 200,
    });
    expect(parseAngelAnswer(200, '{"hello":1}')).toEqual({
      kind: 'malformed',
      reason: 'unknown-shape',
      httpStatus: 200,
    });
  });
});

describe('loginTokensFrom', () => {
  it('takes the three tokens; refresh is optional; no JWT means no tokens', () => {
    expect(loginTokensFrom({ jwtToken: 'j', refreshToken: 'r', feedToken: 'f' })).toEqual({
      jwtToken: 'j',
      refreshToken: 'r',
      feedToken: 'f',
    });
    expect(loginTokensFrom({ jwtToken: 'j', feedToken: 'f' })).toEqual({ jwtToken: 'j', feedToken: 'f' });
    expect(loginTokensFrom({ feedToken: 'f' })).toBeNull();
    expect(loginTokensFrom(null)).toBeNull();
    expect(loginTokensFrom('')).toBeNull();
  });
});

describe('profileFrom', () => {
  it('reads name, client code and exchanges in every encoding seen', () => {
    expect(profileFrom({ name: 'Ravi Kumar', clientcode: 'R1', exchanges: ['NSE', 'BSE'] })).toEqual({
      name: 'Ravi Kumar',
      clientCode: 'R1',
      exchanges: ['NSE', 'BSE'],
    });
    expect(profileFrom({ name: 'A', exchanges: '["NSE","MCX"]' })!.exchanges).toEqual(['NSE', 'MCX']);
    expect(profileFrom({ name: 'A', exchanges: 'nse_cm, bse_cm' })!.exchanges).toEqual(['nse_cm', 'bse_cm']);
    expect(profileFrom({ name: 'A' })!.exchanges).toEqual([]);
    expect(profileFrom({})).toBeNull();
    expect(profileFrom('x')).toBeNull();
  });
});
