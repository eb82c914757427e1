import { describe, expect, it } from 'vitest';
import { checkWebhookUrl } from '@/utils/delivery/url';
import { render } from '@/utils/i18n/core';
import { t } from '@/utils/i18n/text';

describe('webhook URL rules', () => {
  it('accepts https anywhere and asks access for that host only', () => {
    const r = checkWebhookUrl(' https://algo.example.com:8443/hooks/angel?x=1#frag ');
    expect(r).toEqual({
      ok: true,
      url: 'https://algo.example.com:8443/hooks/angel?x=1',
      origin: 'https://algo.example.com:8443',
      permissionPattern: 'https://algo.example.com/*',
    });
  });

  it('accepts plain http only for localhost and 127.0.0.1', () => {
    expect(checkWebhookUrl('http://127.0.0.1:8787/webhook')).toMatchObject({
      ok: true,
      permissionPattern: 'http://127.0.0.1/*',
    });
    expect(checkWebhookUrl('http://localhost/webhook')).toMatchObject({
      ok: true,
      permissionPattern: 'http://localhost/*',
    });
    for (const bad of [
      'http://example.com/hook',
      'http://192.168.1.5/hook',
      'http://10.0.0.1/',
      'http://127.0.0.2/',
    ]) {
      const r = checkWebhookUrl(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error).toEqual({ code: 'whurl.http' });
      if (!r.ok) expect(render(r.error, t)).toMatch(/https/);
    }
  });

  it('refuses other schemes, credentials in the URL and garbage, saying what to do', () => {
    for (const bad of [
      'ftp://example.com/',
      'javascript:alert(1)',
      'example.com/hook',
      '',
      'https://user:pw@example.com/',
    ]) {
      const r = checkWebhookUrl(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error.code, bad).toMatch(/^whurl\./);
      if (!r.ok) expect(render(r.error, t).length).toBeGreaterThan(20);
    }
  });
});
