// 简体中文界面文案（默认语言），one file per area under zh-CN/. English lives in en.ts / en/ with the same keys.
import { core } from './zh-CN/core.ts';
import { catalog } from './zh-CN/catalog.ts';
import { admin } from './zh-CN/admin.ts';
import { workflow } from './zh-CN/workflow.ts';
import { knowledge } from './zh-CN/knowledge.ts';
import { synonyms } from './zh-CN/synonyms.ts';
import { bundle } from './zh-CN/bundle.ts';
import { calendar } from './zh-CN/calendar.ts';
import { formBuilder } from './zh-CN/formBuilder.ts';

export const zhCN = { ...core, ...catalog, ...admin, ...workflow, ...knowledge, ...synonyms, ...bundle, ...calendar, ...formBuilder };

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** Every language catalogue has exactly the keys of the Chinese one. */
export type Catalog = Widen<typeof zhCN>;
