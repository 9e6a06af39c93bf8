// 在线表单 (/admin/services/:code/form): department admins build the online form of their service — fields
// listed with add / reorder / remove, one field edited at a time, a live preview drawn by the apply page's
// renderer, the server's lint (a dry run, also run by itself a moment after each change) shown beside the
// fields, publishing a new version (the process is sent back as it is), and the version history with diffs.
// A refused publish keeps every edit; unpublished edits are kept on the device and leaving the page asks first.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Tabs } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FormDefinition, FormField } from '../../../../common/form.ts';
import { useAdminItem } from '../../api/admin.ts';
import { useMe } from '../../api/session.ts';
import { ProblemError, errorText } from '../../api/client.ts';
import { useSaveDefinitions, useServiceDefinitions, type DefinitionProblem } from '../../api/form-builder.ts';
import { PageError, PageLoading } from '../../components/page-state.tsx';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { useL } from '../../lib/localized.ts';
import { useMessage } from '../../state/feedback.tsx';
import { cleanDefinition, findingsAt, newField } from './draft.ts';
import { FieldEditor, FieldMarks, Findings } from './field-editor.tsx';
import { FormPreview } from './form-preview.tsx';
import { FormVersions } from './form-versions.tsx';
import { PublishConflict } from './publish-conflict.tsx';
import { ItemList } from './item-list.tsx';
import './form-builder.css';

/** Unpublished edits are kept on this device per person and service, so a closed tab or an expired session loses nothing. */
const draftKey = (slot: string) => `onestop.formBuilder.${slot}`;
interface StoredDraft { base: number; fields: FormField[] }

function readDraft(slot: string, base: number): FormField[] | null {
  try {
    const d = JSON.parse(localStorage.getItem(draftKey(slot)) ?? 'null') as StoredDraft | null;
    return d && d.base === base && Array.isArray(d.fields) && d.fields.length ? d.fields : null;
  } catch {
    return null;
  }
}

function writeDraft(slot: string, draft: StoredDraft | null): void {
  try {
    if (draft) localStorage.setItem(draftKey(slot), JSON.stringify(draft));
    else localStorage.removeItem(draftKey(slot));
  } catch { /* private mode or full: the page still works, only without a kept draft */ }
}

/** What the last check said, and for which definition (findings are shown only while it is still the same). */
interface Check { json: string; problems: DefinitionProblem[]; failure: unknown }

/** A refused request as findings: 400 field problems are lint or schema findings; anything else is a failure. */
function asCheck(json: string, err: unknown): Check {
  if (err instanceof ProblemError && err.status === 400 && err.errors.length) {
    return { json, problems: err.errors.map((e) => ({ severity: 'error' as const, path: e.path, message: e.message })), failure: null };
  }
  return { json, problems: [], failure: err };
}

export default function FormBuilderPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const l = useL();
  const message = useMessage();
  const me = useMe();
  const slot = `${me?.id ?? ''}.${code}`;
  const defs = useServiceDefinitions(code);
  const item = useAdminItem(code);
  const checker = useSaveDefinitions(code);
  const publisher = useSaveDefinitions(code);
  const [fields, setFields] = useState<FormField[] | null>(null);
  const [selected, setSelected] = useState<number | null>(0);
  const [check, setCheck] = useState<Check | null>(null);
  const [tab, setTab] = useState('design');
  const [restored, setRestored] = useState(false);
  const loadedVersion = useRef<number | null>(null);
  // The versions this page started from, sent with a publish; a newer one published meanwhile is a conflict.
  const [base, setBase] = useState<{ form: number; process: number } | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const current = defs.data?.current;
  const content = item.data?.draft?.content ?? item.data?.published?.content;
  useDocumentTitle(t('formBuilder.title', { name: content ? l(content.name) : code }));

  // Start from the current version; after a publish, from the new one.
  useEffect(() => {
    if (!current || current.bundle) return;
    if (loadedVersion.current === current.form.version) {
      // The same form under a newer process (published elsewhere): the edits stay, a publish now sends that process.
      if (base && base.process !== current.process.version) { setBase({ form: current.form.version, process: current.process.version }); setConflict(null); }
      return;
    }
    // The first load picks up edits kept from an earlier visit to the same version; a publish starts afresh.
    const kept = loadedVersion.current === null ? readDraft(slot, current.form.version) : null;
    loadedVersion.current = current.form.version;
    setBase({ form: current.form.version, process: current.process.version });
    setConflict(null);
    setFields(kept ?? current.form.definition.fields);
    setRestored(kept !== null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current, slot]);

  const def: FormDefinition | null = fields ? cleanDefinition({ fields }) : null;
  const json = def ? JSON.stringify(def) : '';
  const dirty = !!current && json !== '' && json !== JSON.stringify(current.form.definition);

  // The server's lint a moment after the last change (and once at the start).
  useEffect(() => {
    if (!def || !current || current.bundle) return;
    const timer = setTimeout(() => {
      checker.mutateAsync({ form: def, process: current.process.definition, dryRun: true })
        .then((a) => setCheck({ json, problems: a.problems, failure: null }), (err) => setCheck(asCheck(json, err)));
    }, 700);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [json, current]);

  useEffect(() => {
    if (!current || !fields) return;
    writeDraft(slot, dirty ? { base: current.form.version, fields } : null);
  }, [slot, current, fields, dirty]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (defs.isLoading) return <PageLoading />;
  if (defs.error) return <PageError error={defs.error} onRetry={() => void defs.refetch()} />;
  const back = <p className="no-print"><Link to={`/admin/services/${encodeURIComponent(code)}`}>← {content ? l(content.name) : code}</Link></p>;
  const heading = <h1>{t('formBuilder.title', { name: content ? l(content.name) : code })}</h1>;
  if (!current || current.bundle) {
    return <>{back}{heading}<Alert type="info" showIcon title={current ? t('formBuilder.bundle') : t('formBuilder.noProcess')} /></>;
  }
  if (!fields || !def) return <PageLoading />;

  const fresh = check?.json === json;
  const problems = fresh ? check!.problems : [];
  const errors = problems.filter((p) => p.severity === 'error');
  const formWide = problems.filter((p) => !p.path.startsWith('/form/fields/'));
  const choose = (i: number) => setSelected(selected === i ? null : i);

  const runCheck = () => checker.mutate({ form: def, process: current.process.definition, dryRun: true }, {
    onSuccess: (a) => setCheck({ json, problems: a.problems, failure: null }),
    onError: (err) => setCheck(asCheck(json, err)),
  });
  const publish = () => publisher.mutate({ form: def, process: current.process.definition, dryRun: false, expectedVersions: base ?? undefined }, {
    onSuccess: (a) => {
      setCheck({ json, problems: a.problems, failure: null });
      void message.success(t('formBuilder.published', { version: a.published?.form ?? 0 }));
    },
    onError: (err) => {
      if (err instanceof ProblemError && err.code === 'definition_changed') {
        setConflict(err.detail);
        setTimeout(() => {
          const h = document.getElementById('fb-h-conflict');
          h?.scrollIntoView({ block: 'center' });
          h?.focus({ preventScroll: true });
        }, 0);
        return;
      }
      setCheck(asCheck(json, err));
      void message.error(err instanceof ProblemError && err.status === 400 ? t('formBuilder.publishRefused') : errorText(err));
      setTimeout(() => document.getElementById('fb-status')?.focus(), 0);
    },
  });
  const add = () => {
    const next = [...fields, newField(fields.map((f) => f.key), { zh: t('formBuilder.newField'), en: 'New field' })];
    setFields(next);
    setSelected(next.length - 1);
    setTimeout(() => document.getElementById('fb-field-key')?.focus(), 0);
  };
  const sel = selected !== null && fields[selected] ? selected : null;

  const status = checker.isPending && !fresh ? t('formBuilder.checking')
    : !fresh ? t('formBuilder.changed')
    : check!.failure ? t('formBuilder.checkFailed', { reason: errorText(check!.failure) })
    : errors.length ? t('formBuilder.errorsFound', { count: errors.length })
    : problems.length ? t('formBuilder.warningsOnly', { count: problems.length })
    : t('formBuilder.clean');

  const design = (
    <>
      {restored && dirty && <Alert type="warning" showIcon title={t('formBuilder.restored')} className="form-alert" />}
      {conflict && base && (
        <PublishConflict code={code} base={base} process={current.process.definition} detail={conflict} onLoad={() => {
          if (!window.confirm(t('formBuilder.conflictConfirm'))) return;
          void defs.refetch();
        }} />
      )}
      <div className="fb-layout">
        <div className="fb-edit">
          <section className="admin-panel" aria-labelledby="fb-h-fields">
            <h2 id="fb-h-fields">{t('formBuilder.fields')}</h2>
            <ItemList id="fb-fields" label={t('formBuilder.fields')} items={fields} keep={1} name={(f) => l(f.label) || f.key}
              details={(f, i) => <FieldMarks field={f} errors={findingsAt(problems, `/form/fields/${i}`)} />}
              selected={sel} onSelect={choose} onChange={(next, s) => { setFields(next); setSelected(s); }}
              expanded={(f, i) => (
                <>
                  <h3 className="fb-editor-title">{t('formBuilder.editing', { name: l(f.label) || f.key })}</h3>
                  <FieldEditor key={i} id="fb-field" field={f} fields={fields} problems={problems} prefix={`/form/fields/${i}`}
                    onChange={(next) => setFields(fields.map((x, j) => (j === i ? (next as FormField) : x)))} />
                </>
              )} />
            <button type="button" className="btn fb-add" id="fb-fields-add" onClick={add}>+ {t('formBuilder.addField')}</button>
          </section>
        </div>
        <div className="fb-side">
          <FormPreview code={code} def={def} />
        </div>
      </div>
      <div className="editor-actions fb-actions">
        <p id="fb-status" className={errors.length || (fresh && check!.failure) ? 'fb-status fb-status-bad' : 'fb-status'} role="status" tabIndex={-1}>{status}</p>
        <Button onClick={() => { setFields(current.form.definition.fields); setSelected(0); setRestored(false); }} disabled={!dirty}>{t('formBuilder.discard')}</Button>
        <Button onClick={runCheck} loading={checker.isPending}>{t('formBuilder.check')}</Button>
        <Button type="primary" onClick={publish} loading={publisher.isPending} disabled={!dirty || (fresh && errors.length > 0)}>{t('formBuilder.publish')}</Button>
      </div>
      {fresh && formWide.length > 0 && (
        <section className="admin-panel" aria-labelledby="fb-h-other">
          <h2 id="fb-h-other">{t('formBuilder.otherFindings')}</h2>
          <Findings id="fb-other-findings" list={formWide.map((p) => ({ ...p, rest: '' }))} />
        </section>
      )}
    </>
  );

  return (
    <>
      {back}
      {heading}
      <p className="guide-code">{t('formBuilder.current', { form: current.form.version, process: current.process.version })}</p>
      <Alert type="info" showIcon title={t('formBuilder.intro')} className="form-alert" />
      <Tabs activeKey={tab} onChange={setTab} items={[
        { key: 'design', label: t('formBuilder.tabDesign'), children: design },
        { key: 'versions', label: t('formBuilder.tabVersions'), children: tab === 'versions' ? <FormVersions code={code} versions={defs.data!.formVersions} /> : null },
      ]} />
    </>
  );
}
