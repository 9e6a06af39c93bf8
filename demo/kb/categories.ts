// Categories of the demo knowledge base (知识库分类): the catalog's categories plus one for the hall itself.
import { categories } from '../categories.ts';

export interface KbCategorySeed { code: string; name: { zh: string; en: string }; sort: number }

export const kbCategories: KbCategorySeed[] = [
  { code: 'hall', name: { zh: '大厅与账号', en: 'The hall and your account' }, sort: 0 },
  ...categories.map((c) => ({ code: c.code, name: c.name, sort: c.sort })),
];
