// Language and elder-friendly mode: remembered on the device, and for signed-in people on the server.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import i18next, { loadLocale, rememberLocale, storedLocale } from '../i18n/index.ts';
import { setApiLanguage } from '../api/client.ts';
import { SESSION_KEY, savePreferences, useSession } from '../api/session.ts';
import type { Locale, Preferences, Session } from '../api/types.ts';
import { FeedbackProvider } from './feedback.tsx';

const ELDER_KEY = 'onestop.elderMode';
function storedElder(): boolean {
  try {
    return localStorage.getItem(ELDER_KEY) === '1';
  } catch {
    return false;
  }
}

interface PreferencesValue extends Preferences {
  setLocale: (locale: Locale) => void;
  setElderMode: (on: boolean) => void;
}

const PreferencesContext = createContext<PreferencesValue | null>(null);

export function usePreferences(): PreferencesValue {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences outside PreferencesProvider');
  return value;
}

let wantedLocale: Locale | null = null;

/** Switch the texts (loading the catalogue first if needed), then <html lang>, so both always agree. */
function applyLocale(locale: Locale) {
  wantedLocale = locale;
  setApiLanguage(locale);
  rememberLocale(locale);
  void loadLocale(locale).then(async () => {
    if (wantedLocale !== locale) return;
    if (i18next.language !== locale) await i18next.changeLanguage(locale);
    document.documentElement.lang = locale;
  });
}

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [prefs, setPrefs] = useState<Preferences>(() => ({ locale: storedLocale(), elderMode: storedElder() }));
  const session = useSession();
  const user = session.data?.user ?? null;
  const qc = useQueryClient();
  const adoptedFor = useRef<string | null>(null);

  // A person who signs in gets the choices they saved last time, on any device. Someone who never
  // saved any (a first sign-in) keeps what they chose on this device — e.g. 长辈版 turned on at the
  // sign-in page — and it becomes their account's choice.
  useEffect(() => {
    if (!user || adoptedFor.current === user.id) return;
    adoptedFor.current = user.id;
    if (user.preferences.saved === false) {
      const device: Preferences = { locale: storedLocale(), elderMode: storedElder() };
      if (device.locale !== user.preferences.locale || device.elderMode !== user.preferences.elderMode) {
        savePreferences(device).catch(() => undefined);
      }
      setPrefs(device);
      return;
    }
    setPrefs({ locale: user.preferences.locale, elderMode: user.preferences.elderMode });
  }, [user]);

  useEffect(() => {
    applyLocale(prefs.locale);
  }, [prefs.locale]);
  useEffect(() => {
    document.body.classList.toggle('elder-mode', prefs.elderMode);
    try {
      localStorage.setItem(ELDER_KEY, prefs.elderMode ? '1' : '0');
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, [prefs.elderMode]);

  const update = useCallback((change: Partial<Preferences>) => {
    setPrefs((p) => ({ ...p, ...change }));
    if (change.locale) applyLocale(change.locale);
    const s = qc.getQueryData<Session>(SESSION_KEY);
    if (s?.user) {
      qc.setQueryData<Session>(SESSION_KEY, { ...s, user: { ...s.user, preferences: { ...s.user.preferences, ...change } } });
      // Remembering is best effort: the choice already applies on this device.
      savePreferences(change).catch(() => undefined);
    }
  }, [qc]);

  const value = useMemo<PreferencesValue>(() => ({
    ...prefs,
    setLocale: (locale) => update({ locale }),
    setElderMode: (elderMode) => update({ elderMode }),
  }), [prefs, update]);

  return (
    <PreferencesContext.Provider value={value}>
      <FeedbackProvider>{children}</FeedbackProvider>
    </PreferencesContext.Provider>
  );
}
