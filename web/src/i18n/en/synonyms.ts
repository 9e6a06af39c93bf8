// English UI strings: the search's synonym dictionary (catalog admin → knowledge base). Keys mirror ../zh-CN/synonyms.ts (the type checks it).
import type { Catalog } from '../zh-CN.ts';

export const synonyms: Pick<Catalog, 'synonyms'> = {
  synonyms: {
    tab: 'Synonyms',
    intro: 'The everyday words people type (such as 看病, "seeing a doctor") mapped to the words the services and FAQs use (such as 医保, 就医). A campus dictionary comes with the system; add, change or switch off entries, and search and the assistant use the change at once.',
    filter: 'Find a phrase',
    phrase: 'Everyday phrase',
    means: 'Stands for',
    source: 'Source',
    sources: { default: 'Built in', changed: 'Changed', added: 'Added', off: 'Switched off' },
    defaultWas: 'Built in: {{words}}',
    actions: 'Actions',
    add: 'Add a synonym',
    edit: 'Change',
    turnOff: 'Switch off',
    reset: 'Restore built-in',
    remove: 'Delete',
    editTitle: 'Change "{{phrase}}"',
    meansHelp: 'One word per line, at most 10.',
    phraseRequired: 'Enter the everyday phrase (at most 20 characters).',
    meansRequired: 'Enter at least one word it stands for.',
    saved: 'Saved; search is updated.',
    turnedOff: 'Switched off "{{phrase}}".',
    wasReset: 'Restored "{{phrase}}".',
    removed: 'Deleted "{{phrase}}".',
    count: '{{count}} entries',
  },
};
