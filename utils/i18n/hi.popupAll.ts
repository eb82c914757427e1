/** Every Hindi text the popup can show, in one module so it loads as one chunk (see popup.ts). */
import { hiInPage, hiPortalLoginUi } from './hi.portal-login';
import { hiRouter } from './hi.background';
import { hiPopup } from './hi.popup';

export const hiPopupAll: Record<string, string> = {
  ...hiInPage,
  ...hiPortalLoginUi,
  ...hiRouter,
  ...hiPopup,
};
