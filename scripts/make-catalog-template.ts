// Writes docs/catalog-template.xlsx: the Excel template with two demo items filled in as examples.
// Run: node --import tsx scripts/make-catalog-template.ts
import fs from 'node:fs';
import { buildWorkbook } from '../server/modules/catalog/excel.ts';
import { serviceItems } from '../demo/services/index.ts';

const examples = serviceItems.filter((s) => ['employment-certificate', 'travel-reimbursement'].includes(s.code));
const wb = await buildWorkbook(examples);
fs.writeFileSync(new URL('../docs/catalog-template.xlsx', import.meta.url), Buffer.from(await wb.xlsx.writeBuffer()));
console.log(`docs/catalog-template.xlsx written with ${examples.length} example items`);
