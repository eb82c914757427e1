// The popup's first script (classic, not bundled, no imports): it runs while the page is still
// being parsed, before the popup's main bundle is loaded and compiled, and asks the background
// for the startup answer (status, accounts, codes) at once; entrypoints/popup/startup.ts picks
// it up. Same envelope as sendMessage in utils/messaging.ts; the background's router checks the
// sender as for any request.
(function () {
  var g = globalThis;
  var api = g.browser && g.browser.runtime && g.browser.runtime.id ? g.browser : g.chrome;
  if (!api || !api.runtime || !api.runtime.sendMessage) return;
  var sent = api.runtime.sendMessage({ __sac: 1, type: 'popup/startup' });
  if (sent && typeof sent.then === 'function') {
    sent.catch(function () {}); // handled in startup.ts
    g.__sacPopupStartup = sent;
  }
})();
