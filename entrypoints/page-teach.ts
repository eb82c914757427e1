/**
 * "Teach this page" (utils/page/teach.ts), kept out of the content script that runs on every
 * Angel page. The background injects this file into the tab's top frame, in the content
 * scripts' isolated world, only when the user presses "Teach this page" on the login help or
 * the create-app fill report; it asks the background what to pick and runs the picking mode.
 */
import { initPageLanguage } from '@/utils/i18n/inPage';
import { sendMessage } from '@/utils/messaging';
import { teachPage } from '@/utils/page/teach';
import '@/utils/page/rules';

async function run(): Promise<void> {
  await initPageLanguage();
  const plan = await sendMessage('pageRules/teach-plan').catch(() => null);
  if (plan) await teachPage(document, plan);
}

export default defineUnlistedScript(() => {
  // Not awaited: the background's injection returns at once; picking takes as long as the user.
  void run();
});
