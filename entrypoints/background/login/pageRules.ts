/**
 * Background side of the page engine's login messages: a login page the content script
 * cannot read stops its attempt at once, with the content script's exact words.
 */
import { handle, type Sender } from '@/utils/messaging';
import '@/utils/login/pageProtocol';

export interface PageRulesDeps {
  /** The running attempt of this tab (throws for any other sender). */
  attemptOf(attemptId: string, sender: Sender): Promise<{ id: string }>;
  fail(attemptId: string, message: string, errorKind: string): Promise<unknown>;
}

export function registerPageRules(deps: PageRulesDeps): void {
  handle('login/portal-stuck', 'portal', async ({ attemptId, message }, sender) => {
    const a = await deps.attemptOf(String(attemptId ?? ''), sender);
    const text = String(message ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 300);
    await deps.fail(a.id, text, 'page-unreadable');
  });
}
