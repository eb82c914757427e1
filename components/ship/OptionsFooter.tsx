import { browser } from 'wxt/browser';
import { useT } from '@/utils/i18n';

/** The options page footer: the installed version (from the manifest) and the privacy policy. */
export function OptionsFooter() {
  const t = useT();
  const version = browser.runtime.getManifest().version;
  return (
    <footer className="options__footer" aria-label={t('ship.footerLabel')}>
      <span className="options__version">{t('ship.version', { version })}</span>
      <a href={browser.runtime.getURL('/privacy.html')} target="_blank" rel="noopener">
        {t('ship.privacy')}
      </a>
    </footer>
  );
}
