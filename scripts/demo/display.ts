/**
 * Whether the demo can open a window. On Linux (and the BSDs) a window needs an X11 or
 * Wayland display, announced by `DISPLAY` or `WAYLAND_DISPLAY`; macOS and Windows always
 * have one for a logged-in user.
 */
export function hasDisplay(
  env: Record<string, string | undefined> = process.env,
  platform: string = process.platform,
): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY?.trim() || env.WAYLAND_DISPLAY?.trim());
}

/**
 * The demo's mode from its arguments and the machine: headless when asked (`--headless`) or
 * when there is no display to open a window on. `reason` says which, for one line of output.
 */
export function demoMode(
  argv: readonly string[],
  env: Record<string, string | undefined> = process.env,
  platform: string = process.platform,
): { headless: boolean; reason: 'asked' | 'no-display' | null } {
  if (argv.includes('--headless')) return { headless: true, reason: 'asked' };
  if (!hasDisplay(env, platform)) return { headless: true, reason: 'no-display' };
  return { headless: false, reason: null };
}
