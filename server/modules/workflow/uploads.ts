// Uploads for file fields: the type is sniffed from the content (never the name), checked against the
// field's allow-list, and the bytes are stored once by SHA-256 under DATA_DIR/uploads. A form value holds
// upload ids; submitting checks that each id is an upload of the applicant (or the clerk filing for them)
// of an accepted type. Several server processes need DATA_DIR on a shared disk for uploads.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/index.ts';
import { newId, nowIso } from '../../clock.ts';
import { AppError, type FieldProblem } from '../../http/errors.ts';
import type { Lang } from '../../../common/problems.ts';
import type { FormColumn, FormData, FormDefinition, FormField } from '../../../common/form.ts';

/** Largest upload accepted, in bytes. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** What a file field accepts when its definition names nothing. */
export const DEFAULT_ACCEPT = ['application/pdf', 'image/png', 'image/jpeg'];

const SIGNATURES: Array<{ mime: string; label: string; test: (b: Buffer) => boolean }> = [
  { mime: 'application/pdf', label: 'PDF', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { mime: 'image/png', label: 'PNG', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/jpeg', label: 'JPEG', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/gif', label: 'GIF', test: (b) => /^GIF8[79]a$/.test(b.subarray(0, 6).toString('latin1')) },
  { mime: 'image/webp', label: 'WebP', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { mime: 'application/zip', label: 'ZIP', test: (b) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04 },
];

/** The type of a file from its first bytes; `application/octet-stream` when it is none we know. */
export function sniffType(bytes: Buffer): { mime: string; label: string } {
  const hit = SIGNATURES.find((s) => s.test(bytes));
  return hit ? { mime: hit.mime, label: hit.label } : { mime: 'application/octet-stream', label: 'unknown' };
}

/** Whether a MIME type is on an allow-list of types and `type/*` wildcards. */
export function accepts(accept: readonly string[], mime: string): boolean {
  return accept.some((a) => a === mime || a === '*/*' || (a.endsWith('/*') && mime.startsWith(a.slice(0, -1))));
}

/** A file field by key, or a file column as "table.column". */
export function findFileField(def: FormDefinition, ref: string): FormField | FormColumn | undefined {
  const [key, column] = ref.split('.', 2);
  const f = def.fields.find((x) => x.key === key);
  const target = column === undefined ? f : f?.type === 'table' ? f.columns?.find((c) => c.key === column) : undefined;
  return target?.type === 'file' ? target : undefined;
}

function blobPath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'uploads', sha256.slice(0, 2), sha256);
}

/** Stores an upload for a file field after sniffing its type; refuses types the field does not accept. */
export async function storeUpload(db: Db, dataDir: string, personId: string, field: FormField | FormColumn, name: string, bytes: Buffer, lang: Lang) {
  if (bytes.length === 0) throw new AppError('validation_failed', {}, [{ path: '/', message: lang === 'en' ? 'the file is empty' : '文件是空的' }]);
  const type = sniffType(bytes);
  const accept = field.accept?.length ? field.accept : DEFAULT_ACCEPT;
  if (!accepts(accept, type.mime)) {
    throw new AppError('upload_type_refused', { type: type.label === 'unknown' ? (lang === 'en' ? 'of an unknown type' : '无法识别的类型') : type.label, accept: accept.join(', ') });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = blobPath(dataDir, sha256);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed, so a crash never leaves a half file under the final name.
    const tmp = `${file}.${process.pid}.${newId()}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
  }
  const row = { id: newId(), person_id: personId, sha256, size: bytes.length, mime: type.mime, name: name.slice(0, 200), created_at: nowIso() };
  await db.insertInto('upload').values(row).execute();
  return { id: row.id, name: row.name, mime: row.mime, size: row.size, sha256 };
}

export function findUpload(db: Db, id: string) {
  return db.selectFrom('upload').selectAll().where('id', '=', id).executeTakeFirst();
}

export function readUpload(dataDir: string, sha256: string): Buffer {
  return fs.readFileSync(blobPath(dataDir, sha256));
}

/** Every upload id a form's data refers to, with the field it sits in and its path. */
export function fileRefs(def: FormDefinition, data: FormData): Array<{ id: string; path: string; field: FormField | FormColumn }> {
  const out: Array<{ id: string; path: string; field: FormField | FormColumn }> = [];
  const add = (v: unknown, path: string, field: FormField | FormColumn) => {
    if (Array.isArray(v)) v.forEach((id, i) => { if (typeof id === 'string') out.push({ id, path: `${path}/${i}`, field }); });
  };
  for (const f of def.fields) {
    if (f.type === 'file') add(data[f.key], `/data/${f.key}`, f);
    if (f.type === 'table' && Array.isArray(data[f.key])) {
      (data[f.key] as unknown[]).forEach((row, r) => {
        for (const c of f.columns ?? []) {
          if (c.type === 'file' && row && typeof row === 'object') add((row as FormData)[c.key], `/data/${f.key}/${r}/${c.key}`, c);
        }
      });
    }
  }
  return out;
}

/** Problems with the files a submission names: unknown, someone else's, or of a type the field refuses. */
export async function fileProblems(db: Db, def: FormDefinition, data: FormData, owners: string[], lang: Lang): Promise<FieldProblem[]> {
  const refs = fileRefs(def, data);
  if (refs.length === 0) return [];
  const rows = await db.selectFrom('upload').select(['id', 'person_id', 'mime']).where('id', 'in', refs.map((r) => r.id)).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: FieldProblem[] = [];
  for (const r of refs) {
    const u = byId.get(r.id);
    if (!u || !owners.includes(u.person_id)) out.push({ path: r.path, message: lang === 'en' ? 'no such upload' : '找不到该上传文件' });
    else if (!accepts(r.field.accept?.length ? r.field.accept : DEFAULT_ACCEPT, u.mime)) out.push({ path: r.path, message: lang === 'en' ? `a ${u.mime} file is not accepted here` : `此处不接受 ${u.mime} 文件` });
  }
  return out;
}
