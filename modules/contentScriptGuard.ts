/**
 * Adds utils/contentScriptGuardPlugin.ts to every entrypoint, so each content script (the
 * portal one and any other) is guarded before WXT's content-script context starts. In
 * extension pages and the background the guard does nothing.
 */
import { resolve } from 'node:path';
import { addWxtPlugin, defineWxtModule } from 'wxt/modules';

export default defineWxtModule({
  name: 'content-script-guard',
  setup(wxt) {
    addWxtPlugin(wxt, resolve(wxt.config.srcDir, 'utils/contentScriptGuardPlugin.ts'));
  },
});
