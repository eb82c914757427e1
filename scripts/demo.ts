/**
 * `npm run demo` — try SmartAPI Companion with no Angel account.
 *
 * Builds the extension, serves the local look-alike Angel site at Angel's real host names,
 * starts the example token receiver on 127.0.0.1, and opens Chromium (a fresh, temporary
 * profile; your own browser profile is never touched) with the extension loaded and a demo
 * vault holding two sample accounts. `--browser firefox` does the same in Firefox (the Firefox
 * build, loaded as a temporary add-on; Angel's host names reach the look-alike site through a
 * local proxy that only that browser uses).
 *
 * `npm run demo -- --headless` does the same without a window, walks through every feature
 * and prints what happened; it exits non-zero if a step fails. With no display to open a
 * window on (no `DISPLAY`/`WAYLAND_DISPLAY` on Linux) the demo runs headless by itself.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { ExtensionSession } from '../tests/e2e/harness';
import type { RunningReceiver } from '../tests/e2e/receiver';
import type { DemoContext } from './demo/steps';
import { demoMode } from './demo/display';
import { DEMO_BROWSER_LABEL, demoBrowser, type DemoBrowser } from './demo/browser';

const argv = process.argv.slice(2);
const mode = demoMode(argv);
const headless = mode.headless;
let browserName: DemoBrowser = 'chromium';
try {
  browserName = demoBrowser(argv);
} catch (err) {
  console.error(`Demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
}
const label = DEMO_BROWSER_LABEL[browserName];
// The e2e harness picks its browser from E2E_BROWSER when it is first imported (below).
process.env.E2E_BROWSER = browserName;

function say(line: string): void {
  console.log(line);
}

async function main(): Promise<void> {
  say('SmartAPI Companion demo');
  if (mode.reason === 'no-display') {
    say('No display found (DISPLAY and WAYLAND_DISPLAY are unset): running headless, as with --headless.');
  }
  const { launchExtension } = await import('../tests/e2e/harness');
  const { startReceiver } = await import('../tests/e2e/receiver');
  const { DEMO_PASSWORD, DEMO_STEPS } = await import('./demo/steps');
  const firefox = browserName === 'firefox';
  say(`1. Building the extension (${firefox ? 'Firefox MV2' : 'Chrome MV3'})…`);
  const build = spawnSync('npx', ['wxt', 'build', ...(firefox ? ['-b', 'firefox'] : [])], {
    stdio: headless ? 'pipe' : 'inherit',
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    console.error(build.stdout ?? '', build.stderr ?? '');
    throw new Error('The build failed (see above).');
  }

  say('2. Starting the example token receiver on 127.0.0.1 …');
  const receiver: RunningReceiver = await startReceiver({
    port: Number(process.env.DEMO_RECEIVER_PORT) || 0,
  });
  say(`   receiver: ${receiver.url} (tokens file ${receiver.dataFile})`);

  say(
    `3. Starting ${label}${headless ? ' (headless)' : ''} with the extension and the look-alike Angel site…`,
  );
  let session: ExtensionSession;
  let allowedCopy = '';
  try {
    // A headless browser cannot show its site-access prompt to anyone: the platform step's
    // "Allow" is answered in advance (platformFlows.ts); with a window, you answer it.
    const { chromiumBuildWithPlatformAllowed, FIREFOX_ALLOW_OPTIONAL_PERMISSIONS } =
      await import('../tests/e2e/platformFlows');
    if (headless && !firefox) process.env.SAC_OUT_DIR = allowedCopy = chromiumBuildWithPlatformAllowed();
    session = await launchExtension({
      headless,
      ...(headless ? { firefoxPrefs: FIREFOX_ALLOW_OPTIONAL_PERMISSIONS } : {}),
    });
  } catch (err) {
    await receiver.dispose();
    const msg = err instanceof Error ? err.message : String(err);
    if (!headless && /display|X server|ozone/i.test(msg)) {
      throw new Error(
        `${label} could not open a window (${msg}). On a machine without a display run: npm run demo -- --headless`,
      );
    }
    throw err;
  }
  say(
    `   look-alike site: https://smartapi.angelone.in/ (served locally on 127.0.0.1:${session.fixture.httpsPort}${firefox ? `, reached through the proxy on 127.0.0.1:${session.fixture.proxyPort}` : ''})`,
  );

  const ctx: DemoContext = { session, receiver, headless, log: (l) => say(`   ${l}`) };
  let failures = 0;
  for (const step of DEMO_STEPS) {
    say(`• ${step.title}`);
    try {
      await step.run(ctx);
    } catch (err) {
      failures++;
      say(`   ✖ ${err instanceof Error ? err.message : String(err)}`);
      if (step.required) break;
    }
  }

  if (headless) {
    await session.close();
    await receiver.dispose();
    if (allowedCopy) rmSync(allowedCopy, { recursive: true, force: true });
    say(
      failures
        ? `Demo finished in ${label} with ${failures} failed step(s).`
        : `Demo finished in ${label}: every step worked.`,
    );
    process.exit(failures ? 1 : 0);
  }
  say('');
  say(`The demo browser stays open. Vault password: ${DEMO_PASSWORD}`);
  say('The Angel pages in it are local stand-ins, not Angel One. Press Ctrl+C here to end the demo.');
  const stop = async () => {
    await session.close().catch(() => {});
    await receiver.dispose().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', stop);
  session.browser.on('disconnected', stop);
}

main().catch((err) => {
  console.error(`Demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
