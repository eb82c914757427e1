/** Which browser the demo runs in: `--browser chromium` (the default) or `--browser firefox`. */
export type DemoBrowser = 'chromium' | 'firefox';

export function demoBrowser(argv: readonly string[]): DemoBrowser {
  let value: string | undefined;
  argv.forEach((a, i) => {
    if (a === '--browser') value = argv[i + 1] ?? '';
    else if (a.startsWith('--browser=')) value = a.slice('--browser='.length);
  });
  if (value === undefined) return 'chromium';
  if (!value || value.startsWith('--')) throw new Error('--browser needs a name: chromium or firefox.');
  const v = value.toLowerCase();
  if (v === 'chromium' || v === 'chrome') return 'chromium';
  if (v === 'firefox' || v === 'firefox-esr') return 'firefox';
  throw new Error(`Unknown browser "${value}": use --browser chromium or --browser firefox.`);
}

export const DEMO_BROWSER_LABEL: Record<DemoBrowser, string> = {
  chromium: 'Chromium',
  firefox: 'Firefox',
};
