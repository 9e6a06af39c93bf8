// The assistant's contract (issue 4, K4 and K5): the chat question and answer, and the guided-navigation
// question trees (智能导办) that hall managers define per life event. Shared by server, web and demo data.
import { Type, type Static } from '@sinclair/typebox';
import { LIFE_EVENTS, Localized } from './catalog.ts';

/**
 * Questions longer than this are cut before retrieval (the body itself may be longer, up to
 * ASK_BODY_MAX, so that a pasted paragraph is answered instead of refused).
 */
export const QUESTION_CUT = 200;
export const ASK_BODY_MAX = 20_000;

const ServiceCode = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$' });

export const ChatTurn = Type.Object({
  role: Type.Union([Type.Literal('user'), Type.Literal('assistant')]),
  text: Type.String({ maxLength: ASK_BODY_MAX }),
}, { additionalProperties: false });
export type ChatTurn = Static<typeof ChatTurn>;

export const AskBody = Type.Object({
  question: Type.String({ maxLength: ASK_BODY_MAX }),
  /** earlier turns of the conversation, oldest first (only the last few are used) */
  history: Type.Optional(Type.Array(ChatTurn, { maxItems: 20 })),
  /** the service the person picked when the assistant asked back: answer about that service only */
  service: Type.Optional(ServiceCode),
}, { additionalProperties: false });
export type AskBody = Static<typeof AskBody>;

export const Citation = Type.Object({
  kind: Type.Union([Type.Literal('faq'), Type.Literal('service')]),
  id: Type.String(),
  title: Type.String(),
  /** where the cited text is shown in the portal */
  href: Type.String(),
});
export type Citation = Static<typeof Citation>;

export const AssistantAction = Type.Object({
  kind: Type.Union([Type.Literal('apply'), Type.Literal('guide'), Type.Literal('book')]),
  service: Type.String(),
  label: Type.String(),
  href: Type.String(),
});
export type AssistantAction = Static<typeof AssistantAction>;

export const ClarifyOption = Type.Object({ label: Type.String(), service: Type.String() });
export const AskAnswer = Type.Object({
  /** plain text (never HTML) */
  answer: Type.String(),
  citations: Type.Array(Citation),
  actions: Type.Array(AssistantAction),
  clarify: Type.Optional(Type.Object({ question: Type.String(), options: Type.Array(ClarifyOption) })),
  /** who phrased the answer: the retrieval composer or the configured language model */
  source: Type.Union([Type.Literal('retrieval'), Type.Literal('llm')]),
});
export type AskAnswer = Static<typeof AskAnswer>;

// ---- Guided navigation (智能导办) ----

export const NAVIGATOR_NODE_PATTERN = '^[a-z0-9][a-z0-9_-]{0,39}$';
const NodeId = Type.String({ pattern: NAVIGATOR_NODE_PATTERN });
export const LifeEventCode = Type.Union(LIFE_EVENTS.map((e) => Type.Literal(e)));

export const NavigatorOption = Type.Object({
  label: Localized,
  /** the next node: a question or an end */
  next: NodeId,
  /** services this answer adds to the list (gathered along the way, in order) */
  adds: Type.Optional(Type.Array(ServiceCode, { maxItems: 20, uniqueItems: true })),
}, { additionalProperties: false });

export const NavigatorQuestion = Type.Object({
  id: NodeId,
  kind: Type.Literal('question'),
  text: Localized,
  help: Type.Optional(Localized),
  options: Type.Array(NavigatorOption, { minItems: 2, maxItems: 8 }),
}, { additionalProperties: false });

export const NavigatorEnd = Type.Object({
  id: NodeId,
  kind: Type.Literal('end'),
  summary: Localized,
  services: Type.Array(ServiceCode, { maxItems: 30, uniqueItems: true }),
}, { additionalProperties: false });

/** One life event's question tree. Checked further by the server: every branch ends, no cycles, services exist. */
export const NavigatorTree = Type.Object({
  lifeEvent: LifeEventCode,
  title: Localized,
  intro: Localized,
  start: NodeId,
  nodes: Type.Array(Type.Union([NavigatorQuestion, NavigatorEnd]), { minItems: 2, maxItems: 200 }),
}, { additionalProperties: false });
export type NavigatorTree = Static<typeof NavigatorTree>;
export type NavigatorNode = NavigatorTree['nodes'][number];

/** One line of the merged materials checklist at the end of a walk. */
export interface ChecklistItem {
  name: { zh: string; en: string };
  /** codes of the services that ask for it */
  services: string[];
  /** true when every service asking for it takes it from the university's systems (免提交) */
  providedBySystem: boolean;
  required: boolean;
  form: 'original' | 'copy' | 'original_and_copy';
  copies: number;
  notes: { zh: string; en: string }[];
}

/** Problems found in a tree beyond its JSON Schema (pure; the server adds "service exists"). */
export function navigatorTreeProblems(tree: NavigatorTree): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const byId = new Map<string, NavigatorNode>();
  tree.nodes.forEach((n, i) => {
    if (byId.has(n.id)) out.push({ path: `/nodes/${i}/id`, message: `duplicate node id "${n.id}"` });
    else byId.set(n.id, n);
  });
  if (!byId.has(tree.start)) out.push({ path: '/start', message: `start node "${tree.start}" does not exist` });
  tree.nodes.forEach((n, i) => {
    if (n.kind !== 'question') return;
    n.options.forEach((o, j) => {
      if (!byId.has(o.next)) out.push({ path: `/nodes/${i}/options/${j}/next`, message: `node "${o.next}" does not exist` });
    });
  });
  if (out.length) return out;
  // Depth-first from the start: a node met again while still on the path closes a cycle.
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, path: string): void => {
    const s = state.get(id);
    if (s === 'done') return;
    if (s === 'open') { out.push({ path, message: `the answer leads back to "${id}" (a cycle): every branch must end` }); return; }
    state.set(id, 'open');
    const node = byId.get(id)!;
    if (node.kind === 'question') {
      const i = tree.nodes.indexOf(node);
      node.options.forEach((o, j) => visit(o.next, `/nodes/${i}/options/${j}/next`));
    }
    state.set(id, 'done');
  };
  visit(tree.start, '/start');
  tree.nodes.forEach((n, i) => {
    if (!state.has(n.id)) out.push({ path: `/nodes/${i}`, message: `node "${n.id}" cannot be reached from the start` });
  });
  return out;
}

/** The services of a walk: each answer's additions, then the end's own, without repeats. */
export function walkServices(tree: NavigatorTree, choices: readonly number[]): { end: NavigatorNode & { kind: 'end' }; services: string[] } | { stuck: string } {
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  const services: string[] = [];
  const add = (codes: readonly string[] | undefined) => { for (const c of codes ?? []) if (!services.includes(c)) services.push(c); };
  let node = byId.get(tree.start);
  for (let step = 0; node && node.kind === 'question'; step++) {
    const choice = choices[step];
    const option = choice === undefined ? undefined : node.options[choice];
    if (!option) return { stuck: node.id };
    add(option.adds);
    node = byId.get(option.next);
  }
  if (!node) return { stuck: tree.start };
  add(node.services);
  return { end: node, services };
}
