// The knowledge base's contract (issue 4): the FAQ record of the JSON Lines / xlsx import format, the
// admin bodies for FAQs, notices and the search backlog. Shared by server, web and the demo data.
import { Type, type Static } from '@sinclair/typebox';
import { AUDIENCES } from './catalog.ts';

/** FAQ ids are the imported ids: letters, digits, `_`, `-`, `.` (never `#`, which marks a guide's own FAQ entry). */
export const FAQ_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$';
export const FaqId = Type.String({ pattern: FAQ_ID_PATTERN });
const Code = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$' });
const Question = Type.String({ minLength: 1, maxLength: 300 });
const Answer = Type.String({ minLength: 1, maxLength: 5000 });
const Aliases = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 30 });

export const FAQ_STATES = ['draft', 'in_review', 'published', 'retired'] as const;
export type FaqState = (typeof FAQ_STATES)[number];

/** One line of a JSON Lines import file (or one xlsx row). */
export const FaqRecord = Type.Object({
  id: FaqId,
  category: Code,
  question: Question,
  answer: Answer,
  aliases: Type.Optional(Aliases),
  service: Type.Optional(Code),
  en: Type.Optional(Type.Object({ question: Question, answer: Answer }, { additionalProperties: false })),
}, { additionalProperties: false });
export type FaqRecord = Static<typeof FaqRecord>;

/** What an editor writes: the record without its id (the id comes from the URL or is created). */
export const FaqContent = Type.Object({
  category: Code,
  question: Question,
  answer: Answer,
  aliases: Aliases,
  service: Type.Union([Code, Type.Null()]),
  en: Type.Union([Type.Object({ question: Question, answer: Answer }, { additionalProperties: false }), Type.Null()]),
}, { additionalProperties: false });
export type FaqContent = Static<typeof FaqContent>;

/** An ISO-8601 date-time with a zone (stored normalized to UTC). */
const DateTime = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})$' });

export const NOTICE_STATES = ['draft', 'published', 'retired'] as const;
export const NoticeContent = Type.Object({
  title: Type.Object({ zh: Type.String({ minLength: 1, maxLength: 200 }), en: Type.String({ maxLength: 200 }) }, { additionalProperties: false }),
  body: Type.Object({ zh: Type.String({ minLength: 1, maxLength: 10000 }), en: Type.String({ maxLength: 10000 }) }, { additionalProperties: false }),
  /** who sees it; empty = everyone */
  audiences: Type.Array(Type.Union(AUDIENCES.map((a) => Type.Literal(a))), { uniqueItems: true }),
  publishFrom: DateTime,
  publishUntil: Type.Union([DateTime, Type.Null()]),
}, { additionalProperties: false });
export type NoticeContent = Static<typeof NoticeContent>;

export const BACKLOG_REASONS = ['no_result', 'no_click', 'not_helpful'] as const;
export type BacklogReason = (typeof BACKLOG_REASONS)[number];

/** How an editor closes a backlog entry: a new FAQ draft, an alias on an existing FAQ, or nothing to do. */
export const BacklogResolution = Type.Union([
  Type.Object({ action: Type.Literal('new_faq'), id: FaqId, content: FaqContent }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('alias'), faq: FaqId, alias: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('dismiss') }, { additionalProperties: false }),
]);
export type BacklogResolution = Static<typeof BacklogResolution>;
