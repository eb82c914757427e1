/** The demo's walk-through, one step per feature; each step says what it did. */
import { generateSync } from 'otplib';
import type { ExtensionSession } from '../../tests/e2e/harness';
import type { RunningReceiver } from '../../tests/e2e/receiver';
import { addAccount, createVault, popupCodes } from '../../tests/e2e/flows';
import { validationDemoStep } from '../../tests/e2e/validateFlows';
import { loginDemoStep } from '../../tests/e2e/loginFlows';
import { portalDemoStep } from '../../tests/e2e/portalFlows';

export const DEMO_PASSWORD = 'demo-vault-password-2026';

export const DEMO_ACCOUNTS = [
  {
    label: 'Demo Trading',
    clientCode: 'D12345',
    mpin: '1234',
    totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    apiKey: 'demoTradingKey01',
    platform: 'SMART_API' as const,
  },
  {
    label: 'Demo Publisher',
    clientCode: 'P67890',
    mpin: '4321',
    totpSecret: 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF',
    apiKey: 'demoPublisherKey',
    platform: 'SMART_API_M' as const,
  },
];

export interface DemoContext {
  session: ExtensionSession;
  receiver: RunningReceiver;
  headless: boolean;
  log(line: string): void;
}

export interface DemoStep {
  title: string;
  /** A failed required step ends the demo (later steps need it). */
  required?: boolean;
  run(ctx: DemoContext): Promise<void>;
}

export const DEMO_STEPS: DemoStep[] = [
  {
    title: 'Vault: create it and add two sample accounts',
    required: true,
    async run({ session, log }) {
      const options = await session.openExtensionPage('options.html');
      await createVault(options, DEMO_PASSWORD);
      log(`created an encrypted vault (password "${DEMO_PASSWORD}")`);
      for (const a of DEMO_ACCOUNTS) {
        await addAccount(options, a);
        log(`added account "${a.label}" (${a.clientCode}, ${a.platform})`);
      }
    },
  },
  {
    title: 'Popup: live TOTP codes',
    async run({ session, log }) {
      const popup = await session.openExtensionPage('popup.html');
      const codes = await popupCodes(popup);
      for (const a of DEMO_ACCOUNTS) {
        const shown = codes[a.label];
        const expected = generateSync({ secret: a.totpSecret });
        const matches = shown?.replace(/\s/g, '') === expected;
        log(
          `${a.label}: popup shows ${shown ?? '(nothing)'}; computed independently ${expected}${matches ? ' ✓' : ''}`,
        );
        if (!shown) throw new Error(`the popup shows no code for ${a.label}`);
      }
    },
  },
  validationDemoStep(DEMO_ACCOUNTS),
  loginDemoStep(DEMO_ACCOUNTS),
  portalDemoStep(DEMO_ACCOUNTS),
];
