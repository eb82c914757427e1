/** WXT runtime plugin: installs the content-script guard before WXT's context exists. */
import { browser } from 'wxt/browser';
import { defineWxtPlugin } from 'wxt/utils/define-wxt-plugin';
import { installContentScriptGuard } from './contentScriptGuard';

export default defineWxtPlugin(() => {
  try {
    installContentScriptGuard(browser.runtime?.id);
  } catch {
    // Never let the guard stop an entrypoint (the background above all).
  }
});
