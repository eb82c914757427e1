import { describe, expect, it } from 'vitest';
import { demoMode, hasDisplay } from '../../../scripts/demo/display';

describe('demo display detection', () => {
  it('Linux needs DISPLAY or WAYLAND_DISPLAY', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: '' }, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
  });

  it('macOS and Windows always have one', () => {
    expect(hasDisplay({}, 'darwin')).toBe(true);
    expect(hasDisplay({}, 'win32')).toBe(true);
  });

  it('runs headless when asked or when there is no display, windowed otherwise', () => {
    expect(demoMode(['--headless'], { DISPLAY: ':0' }, 'linux')).toEqual({ headless: true, reason: 'asked' });
    expect(demoMode([], {}, 'linux')).toEqual({ headless: true, reason: 'no-display' });
    expect(demoMode([], { DISPLAY: ':1' }, 'linux')).toEqual({ headless: false, reason: null });
  });
});
