/** Where the system browsers are, and a clear failure when one is missing. */
import { existsSync } from 'node:fs';

export type BrowserName = 'chromium' | 'firefox';

const CANDIDATES: Record<BrowserName, { env: string; paths: string[]; install: string; label: string }> = {
  chromium: {
    env: 'CHROME_PATH',
    paths: [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
    ],
    install: 'sudo apt-get install -y chromium',
    label: 'Chromium',
  },
  firefox: {
    env: 'FIREFOX_PATH',
    paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    install: 'sudo apt-get install -y firefox-esr',
    label: 'Firefox ESR',
  },
};

export class MissingBrowserError extends Error {}

export function findBrowser(name: BrowserName): string {
  const c = CANDIDATES[name];
  const fromEnv = process.env[c.env];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new MissingBrowserError(
      `${c.label} not found at ${c.env}=${fromEnv}. Fix the path or unset ${c.env}.`,
    );
  }
  const found = c.paths.find((p) => existsSync(p));
  if (found) return found;
  throw new MissingBrowserError(
    `${c.label} is not installed (looked in ${c.paths.join(', ')}). Install it with: ${c.install}  — or set ${c.env} to its executable.`,
  );
}
