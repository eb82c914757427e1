import { describe, expect, it } from 'vitest';
import { demoBrowser } from '../../../scripts/demo/browser';

describe('demo --browser', () => {
  it('defaults to Chromium and reads both spellings', () => {
    expect(demoBrowser([])).toBe('chromium');
    expect(demoBrowser(['--headless'])).toBe('chromium');
    expect(demoBrowser(['--browser', 'firefox', '--headless'])).toBe('firefox');
    expect(demoBrowser(['--browser=Firefox'])).toBe('firefox');
    expect(demoBrowser(['--browser', 'chrome'])).toBe('chromium');
  });
  it('refuses an unknown or missing browser name with the choices', () => {
    expect(() => demoBrowser(['--browser', 'safari'])).toThrow(/--browser chromium or --browser firefox/);
    expect(() => demoBrowser(['--browser'])).toThrow(/needs a name/);
    expect(() => demoBrowser(['--browser', '--headless'])).toThrow(/needs a name/);
  });
});
