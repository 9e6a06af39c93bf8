// English UI strings, one file per area under en/; the keys mirror zh-CN (the type checks it).
import type { Catalog } from './zh-CN.ts';
import { core } from './en/core.ts';
import { catalog } from './en/catalog.ts';
import { admin } from './en/admin.ts';
import { workflow } from './en/workflow.ts';
import { knowledge } from './en/knowledge.ts';
import { synonyms } from './en/synonyms.ts';
import { bundle } from './en/bundle.ts';
import { calendar } from './en/calendar.ts';
import { formBuilder } from './en/formBuilder.ts';

export const en: Catalog = { ...core, ...catalog, ...admin, ...workflow, ...knowledge, ...synonyms, ...bundle, ...calendar, ...formBuilder };
