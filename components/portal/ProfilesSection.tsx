import { useEffect, useId, useMemo, useState } from 'react';
import { useLanguage, useT, type MessageKey } from '@/utils/i18n';
import type { AccountSummary } from '@/utils/vault/types';
import { FIELD_LABEL_KEYS } from '@/utils/portal/createApp';
import {
  API_TYPE_LABELS,
  AUTOTRADER_PROFILE_ID,
  checkProfile,
  loadProfiles,
  newProfile,
  profilesItem,
  saveProfiles,
  withBuiltIn,
  type ApiType,
  type ProfileField,
  type ProfileIssue,
  type ProfilesState,
  type RegistrationProfile,
} from '@/utils/portal/profiles';

const FIELDS: { key: ProfileField; hint: MessageKey; lockedInBuiltIn?: boolean }[] = [
  { key: 'appName', hint: 'portal.hintAppName', lockedInBuiltIn: true },
  { key: 'redirectUrl', hint: 'portal.hintRedirect', lockedInBuiltIn: true },
  { key: 'postbackUrl', hint: 'portal.hintPostback', lockedInBuiltIn: true },
  { key: 'clientId', hint: 'portal.hintClientId' },
  { key: 'primaryIp', hint: 'portal.hintPrimaryIp' },
  { key: 'secondaryIp', hint: 'portal.hintSecondaryIp' },
];

function randomId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : String(Date.now());
}

function ProfileEditor(props: { profile: RegistrationProfile; onChange: (p: RegistrationProfile) => void }) {
  const { profile, onChange } = props;
  const base = useId();
  const t = useT();
  const lang = useLanguage();
  // The checks speak the page's language: recompute them when it changes.
  const issues = useMemo(() => (lang ? checkProfile(profile) : []), [profile, lang]);
  const issuesFor = (field: ProfileField): ProfileIssue[] => issues.filter((i) => i.field === field);
  return (
    <div className="portal-profile-editor">
      {!profile.builtIn && (
        <p>
          <label htmlFor={`${base}-name`}>{t('portal.profileName')}</label>
          <br />
          <input
            id={`${base}-name`}
            value={profile.name}
            onChange={(e) => onChange({ ...profile, name: e.target.value })}
          />
        </p>
      )}
      <fieldset>
        <legend>{t('ip.fieldApiType')}</legend>
        {(Object.keys(API_TYPE_LABELS) as ApiType[]).map((t) => (
          <label key={t} style={{ marginRight: 12 }}>
            <input
              type="radio"
              name={`${base}-type`}
              checked={profile.apiType === t}
              onChange={() => onChange({ ...profile, apiType: t })}
            />{' '}
            {API_TYPE_LABELS[t]}
          </label>
        ))}
        <p style={{ color: 'var(--muted)', margin: '4px 0 0' }}>{t('portal.apiTypeHelp')}</p>
      </fieldset>
      {FIELDS.map((f) => {
        const id = `${base}-${f.key}`;
        const fieldIssues = issuesFor(f.key);
        const locked = profile.builtIn && f.lockedInBuiltIn;
        return (
          <p key={f.key}>
            <label htmlFor={id}>{t(FIELD_LABEL_KEYS[f.key])}</label>
            <br />
            <input
              id={id}
              value={profile[f.key]}
              readOnly={locked}
              aria-invalid={fieldIssues.some((i) => i.severity === 'error') || undefined}
              aria-describedby={`${id}-hint${fieldIssues.length ? ` ${id}-issues` : ''}`}
              onChange={(e) => onChange({ ...profile, [f.key]: e.target.value })}
              size={42}
            />
            <br />
            <small id={`${id}-hint`} style={{ color: 'var(--muted)' }}>
              {locked ? `${t('portal.fixed')} ` : ''}
              {t(f.hint)}
            </small>
            {fieldIssues.length > 0 && (
              <span id={`${id}-issues`} style={{ display: 'block' }}>
                {fieldIssues.map((i, n) => (
                  <span
                    key={n}
                    style={{
                      display: 'block',
                      color: i.severity === 'error' ? 'var(--danger)' : 'var(--warn)',
                    }}
                  >
                    {i.message} {i.fix}{' '}
                    {i.suggestion && !locked && (
                      <button type="button" onClick={() => onChange({ ...profile, [f.key]: i.suggestion })}>
                        {t('portal.useSuggestion', { value: i.suggestion })}
                      </button>
                    )}
                  </span>
                ))}
              </span>
            )}
          </p>
        );
      })}
    </div>
  );
}

/** Options page: registration profiles for the Smart API create-app form. */
export function ProfilesSection(_props: { account?: AccountSummary }) {
  const [state, setState] = useState<ProfilesState | null>(null);
  const [editing, setEditing] = useState<string>(AUTOTRADER_PROFILE_ID);
  const [message, setMessage] = useState('');
  const headingId = useId();
  const t = useT();

  useEffect(() => {
    loadProfiles().then(setState, () => setMessage(t('portal.loadFailed')));
    return profilesItem.watch((next) => {
      if (next) setState(withBuiltIn(next));
    });
  }, []);

  if (!state) return null;
  const current = state.profiles.find((p) => p.id === editing) ?? state.profiles[0]!;

  const update = (p: RegistrationProfile) => {
    setMessage('');
    setState({ ...state, profiles: state.profiles.map((q) => (q.id === p.id ? p : q)) });
  };
  const persist = async (next: ProfilesState, done: string) => {
    try {
      await saveProfiles(next);
      setMessage(done);
    } catch {
      setMessage(t('portal.saveFailed'));
    }
  };
  const errors = checkProfile(current).filter((i) => i.severity === 'error');

  return (
    <section aria-labelledby={headingId} className="card portal-profiles">
      <h2 id={headingId}>{t('portal.title')}</h2>
      <p>{t('portal.intro')}</p>
      <p>
        <label htmlFor={`${headingId}-pick`}>{t('portal.profile')}</label>{' '}
        <select id={`${headingId}-pick`} value={current.id} onChange={(e) => setEditing(e.target.value)}>
          {state.profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id === state.selectedId ? t('portal.defaultMark', { name: p.name }) : p.name}
            </option>
          ))}
        </select>{' '}
        <button
          type="button"
          onClick={() => {
            const p = newProfile(randomId());
            const next = { ...state, profiles: [...state.profiles, p] };
            setState(next);
            setEditing(p.id);
            setMessage('');
          }}
        >
          {t('portal.addProfile')}
        </button>
      </p>
      <ProfileEditor key={current.id} profile={current} onChange={update} />
      <p>
        <button
          type="button"
          onClick={() => persist(state, errors.length ? t('portal.savedWithProblems') : t('portal.saved'))}
        >
          {t('portal.saveProfile')}
        </button>{' '}
        <button
          type="button"
          disabled={state.selectedId === current.id}
          onClick={() => {
            const next = { ...state, selectedId: current.id };
            setState(next);
            void persist(next, t('portal.nowDefault', { name: current.name }));
          }}
        >
          {t('portal.makeDefault')}
        </button>{' '}
        {!current.builtIn && (
          <button
            type="button"
            onClick={() => {
              const next = withBuiltIn({
                ...state,
                profiles: state.profiles.filter((p) => p.id !== current.id),
              });
              setState(next);
              setEditing(AUTOTRADER_PROFILE_ID);
              void persist(next, t('portal.deleted', { name: current.name }));
            }}
          >
            {t('portal.deleteProfile')}
          </button>
        )}
      </p>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
