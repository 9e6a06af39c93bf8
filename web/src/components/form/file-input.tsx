// File fields: each chosen file is uploaded at once (the server sniffs its type from the content and checks
// it against the field's allow-list); the field keeps the upload ids. A refused file says why, in place.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadFile } from '../../api/cases.ts';
import { errorText } from '../../api/client.ts';
import { useFormContext } from './form-context.ts';

interface Props {
  id: string;
  /** The field key, or "table.column" for a column of a table. */
  uploadKey: string;
  value: unknown;
  onChange: (v: unknown) => void;
  accept?: string[];
  max?: number;
  describedBy?: string;
  invalid: boolean;
}

/** Names of files uploaded in this tab, by upload id (restored drafts show "file 1, 2 …"). */
const names = new Map<string, string>();

export function FileInput({ id, uploadKey, value, onChange, accept, max = 10, describedBy, invalid }: Props) {
  const { t } = useTranslation();
  const { service } = useFormContext();
  const ids = Array.isArray(value) ? (value as string[]) : [];
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const input = useRef<HTMLInputElement>(null);

  const choose = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    const added: string[] = [];
    const refused: string[] = [];
    for (const file of Array.from(files).slice(0, Math.max(0, max - ids.length))) {
      try {
        const up = await uploadFile(service, uploadKey, file);
        names.set(up.id, up.name || file.name);
        added.push(up.id);
      } catch (err) {
        refused.push(`${file.name}${t('app.colon')}${errorText(err)}`);
      }
    }
    if (files.length > max - ids.length) refused.push(t('form.fileMax', { n: max }));
    setProblems(refused);
    setBusy(false);
    if (added.length) onChange([...ids, ...added]);
    if (input.current) input.current.value = '';
  };

  return (
    <span className="form-file">
      {ids.length > 0 && (
        <ul className="form-file-list">
          {ids.map((u, i) => (
            <li key={u}>
              <a href={`/api/v1/uploads/${encodeURIComponent(u)}`} target="_blank" rel="noreferrer">{names.get(u) ?? t('form.fileN', { n: i + 1 })}</a>
              <button type="button" className="btn btn-small" onClick={() => {
                const next = ids.filter((x) => x !== u);
                onChange(next.length ? next : undefined);
              }}>{t('form.removeFile', { name: names.get(u) ?? t('form.fileN', { n: i + 1 }) })}</button>
            </li>
          ))}
        </ul>
      )}
      {ids.length < max && (
        <input
          ref={input} id={id} type="file" className="form-file-input" multiple={max - ids.length > 1}
          accept={accept?.join(',')} disabled={busy} aria-describedby={describedBy} aria-invalid={invalid || undefined}
          onChange={(e) => void choose(e.target.files)}
        />
      )}
      <span className="form-note">{busy ? t('form.uploading') : t('form.fileHint', { n: max })}</span>
      {problems.map((p, i) => <span key={i} className="form-error" role="alert">{p}</span>)}
    </span>
  );
}
