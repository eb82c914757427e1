import { useId, useState } from 'react';
import { browserLanguage, currentSetting, setLanguage, useT, type LanguageSetting } from '@/utils/i18n';

/** Options: the UI language, "auto" following the browser. Stored in storage.local (not secret). */
export function LanguageSection() {
  const t = useT();
  const id = useId();
  const [value, setValue] = useState<LanguageSetting>(currentSetting());
  const browserLang = t(browserLanguage() === 'hi' ? 'lang.hi' : 'lang.en');
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('lang.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-select`}>{t('lang.label')}</label>
        <div className="field__row">
          <select
            id={`${id}-select`}
            value={value}
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              const next = e.target.value as LanguageSetting;
              setValue(next);
              void setLanguage(next);
            }}
          >
            <option value="auto">{t('lang.auto', { lang: browserLang })}</option>
            <option value="en" lang="en">
              English
            </option>
            <option value="hi" lang="hi">
              हिन्दी (Hindi)
            </option>
          </select>
        </div>
        <p id={`${id}-hint`} className="field__hint">
          {t('lang.hint')}
        </p>
      </div>
    </section>
  );
}
