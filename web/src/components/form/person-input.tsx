// A person picker: type a name or username; staff get suggestions from the people directory (a native
// <datalist>), everyone else types the username or staff number.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../../api/cases.ts';
import { useL } from '../../lib/localized.ts';

export function PersonInput({ id, value, onChange, describedBy, invalid, required }: {
  id: string; value: string; onChange: (v: string) => void; describedBy?: string; invalid?: boolean; required?: boolean;
}) {
  const { t } = useTranslation();
  const l = useL();
  const [q, setQ] = useState(value);
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(q.trim()), 250);
    return () => clearTimeout(timer);
  }, [q]);
  const people = usePeople(debounced);
  return (
    <>
      <input
        id={id} type="text" className="form-input" autoComplete="off" spellCheck={false} list={`${id}-people`}
        placeholder={t('form.personPlaceholder')} value={q} aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required={required || undefined}
        onChange={(e) => {
          setQ(e.target.value);
          onChange(e.target.value.trim());
        }}
      />
      <datalist id={`${id}-people`}>
        {(people.data?.items ?? []).map((p) => <option key={p.id} value={p.username}>{`${p.name} · ${l(p.org.name)}`}</option>)}
      </datalist>
    </>
  );
}
