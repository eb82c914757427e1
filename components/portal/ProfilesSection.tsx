import { useEffect, useId, useMemo, useState } from 'react';
import type { AccountSummary } from '@/utils/vault/types';
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

const FIELDS: { key: ProfileField; label: string; hint: string; lockedInBuiltIn?: boolean }[] = [
  { key: 'appName', label: 'App Name', hint: 'At most 20 characters, no spaces.', lockedInBuiltIn: true },
  {
    key: 'redirectUrl',
    label: 'Redirect URL',
    hint: 'https:// address that receives the login.',
    lockedInBuiltIn: true,
  },
  { key: 'postbackUrl', label: 'Postback URL', hint: 'https:// address, or empty.', lockedInBuiltIn: true },
  { key: 'clientId', label: 'Angel Client ID', hint: 'Optional; only some form versions ask for it.' },
  { key: 'primaryIp', label: 'Primary Static IP', hint: 'Your public IPv4 static address.' },
  { key: 'secondaryIp', label: 'Secondary Static IP', hint: 'Optional second public IPv4 address.' },
];

function randomId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : String(Date.now());
}

function ProfileEditor(props: { profile: RegistrationProfile; onChange: (p: RegistrationProfile) => void }) {
  const { profile, onChange } = props;
  const base = useId();
  const issues = useMemo(() => checkProfile(profile), [profile]);
  const issuesFor = (field: ProfileField): ProfileIssue[] => issues.filter((i) => i.field === field);
  return (
    <div className="portal-profile-editor">
      {!profile.builtIn && (
        <p>
          <label htmlFor={`${base}-name`}>Profile name</label>
          <br />
          <input
            id={`${base}-name`}
            value={profile.name}
            onChange={(e) => onChange({ ...profile, name: e.target.value })}
          />
        </p>
      )}
      <fieldset>
        <legend>API type</legend>
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
        <p style={{ color: 'var(--muted)', margin: '4px 0 0' }}>
          Trading for daily logins with MPIN and TOTP (SMART_API); Publisher for the once-a-day Angel login
          (SMART_API_M).
        </p>
      </fieldset>
      {FIELDS.map((f) => {
        const id = `${base}-${f.key}`;
        const fieldIssues = issuesFor(f.key);
        const locked = profile.builtIn && f.lockedInBuiltIn;
        return (
          <p key={f.key}>
            <label htmlFor={id}>{f.label}</label>
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
              {locked ? 'Fixed for AutoTrader Web. ' : ''}
              {f.hint}
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
                        Use “{i.suggestion}”
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

  useEffect(() => {
    loadProfiles().then(setState, () => setMessage('The profiles could not be loaded. Reload this page.'));
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
      setMessage('Saving failed. Try again.');
    }
  };
  const errors = checkProfile(current).filter((i) => i.severity === 'error');

  return (
    <section aria-labelledby={headingId} className="card portal-profiles">
      <h2 id={headingId}>Smart API app registration profiles</h2>
      <p>
        Used by “Fill with SmartAPI Companion” on Angel’s create-app form. The extension fills the form and
        never submits it: you press Angel’s Create button yourself.
      </p>
      <p>
        <label htmlFor={`${headingId}-pick`}>Profile</label>{' '}
        <select id={`${headingId}-pick`} value={current.id} onChange={(e) => setEditing(e.target.value)}>
          {state.profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.id === state.selectedId ? ' (default)' : ''}
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
          Add profile
        </button>
      </p>
      <ProfileEditor key={current.id} profile={current} onChange={update} />
      <p>
        <button
          type="button"
          onClick={() =>
            persist(
              state,
              errors.length ? 'Saved. Fix the problems shown before filling a form.' : 'Profile saved.',
            )
          }
        >
          Save profile
        </button>{' '}
        <button
          type="button"
          disabled={state.selectedId === current.id}
          onClick={() => {
            const next = { ...state, selectedId: current.id };
            setState(next);
            void persist(next, `“${current.name}” is now the default profile.`);
          }}
        >
          Make default
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
              void persist(next, `Deleted “${current.name}”.`);
            }}
          >
            Delete profile
          </button>
        )}
      </p>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
