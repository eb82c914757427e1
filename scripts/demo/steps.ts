/** The demo's walk-through, one step per feature; each step says what it did. */
import { generateSync } from 'otplib';
import type { ExtensionSession } from '../../tests/e2e/harness';
import type { RunningReceiver } from '../../tests/e2e/receiver';
import { addAccount, createVault, popupCodes } from '../../tests/e2e/flows';
import { validationDemoStep } from '../../tests/e2e/validateFlows';
import { loginDemoStep } from '../../tests/e2e/loginFlows';
import { portalDemoStep } from '../../tests/e2e/portalFlows';
import { platformDemoStep } from '../../tests/e2e/platformFlows';
import { connectWebhook } from '../../tests/e2e/receiver';

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
  {
    title: 'Token delivery: a signed webhook to the example receiver on 127.0.0.1',
    async run({ session, receiver, log }) {
      const list = await session.sendMessage<{ id: string; label: string }[]>('accounts/list');
      const account = list.value?.find((a) => a.label === DEMO_ACCOUNTS[0]!.label);
      if (!account) throw new Error('the demo account is missing');
      const { targetId } = await connectWebhook(session, receiver, account.id);
      log(
        `added a webhook target ${receiver.url} for "${account.label}" (signing secret shared with the receiver)`,
      );
      const test = await session.sendMessage('delivery/send-test', { targetId });
      if (!test.ok) throw new Error(`the test event failed: ${test.message}`);
      await waitFor(() => receiver.journal.accepted.length > 0, 15_000, 'the receiver got no test event');
      log('"Send test event": the receiver verified the signature and accepted it');
    },
  },
  validationDemoStep(DEMO_ACCOUNTS),
  {
    title: 'Token delivery: the validated session reached the receiver',
    async run({ receiver, log }) {
      const code = DEMO_ACCOUNTS[0]!.clientCode;
      await waitFor(
        () => Boolean(receiver.store().tokens[code]),
        20_000,
        `no tokens for ${code} at the receiver`,
      );
      const t = receiver.store().tokens[code]!;
      log(
        `receiver holds tokens for ${code} (source ${t.source}); a bot reads them at ${receiver.url.replace(/\/webhook$/, '')}/tokens/${code}`,
      );
    },
  },
  loginDemoStep(DEMO_ACCOUNTS),
  portalDemoStep(DEMO_ACCOUNTS),
  platformDemoStep(DEMO_ACCOUNTS),
];

async function waitFor(check: () => boolean, timeoutMs: number, failure: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((r) => setTimeout(r, 200));
  }
}
