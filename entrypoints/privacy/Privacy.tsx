import { useEffect, useMemo } from 'react';
import { useLanguage, useT } from '@/utils/i18n';
import { parseMarkdown } from '@/utils/ship/markdown';
import { MarkdownView } from '@/components/ship/MarkdownView';
import policyEn from '../../PRIVACY.md?raw';
import policyHi from '../../docs/PRIVACY.hi.md?raw';

/** The privacy policy inside the extension: PRIVACY.md, or its Hindi twin, in the page's language. */
export function Privacy() {
  const t = useT();
  const lang = useLanguage();
  const blocks = useMemo(() => parseMarkdown(lang === 'hi' ? policyHi : policyEn), [lang]);
  useEffect(() => {
    document.title = t('ship.privacyTitle');
  }, [t]);
  return (
    <main className="privacy">
      <MarkdownView blocks={blocks} />
      <p className="muted">
        {t('ship.privacyFile', { file: lang === 'hi' ? 'docs/PRIVACY.hi.md' : 'PRIVACY.md' })}
      </p>
    </main>
  );
}
