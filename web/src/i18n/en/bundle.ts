// English UI strings: life-event bundles (一件事一次办).
import type { Catalog } from '../zh-CN.ts';

export const bundle: Pick<Catalog, 'bundle'> = {
  bundle: {
    applyNote: 'One application for the whole matter: fill in this one form, shared details only once. When you submit, the {{count}} services below start at the same time, each as a case of its own.',
    members: 'Services handled together',
    childrenTitle: 'Progress of each part',
    childrenIntro: 'This matter is handled by {{count}} offices, each on its part; it is done when every part is. Open a part to follow it or to correct something.',
    progress: '{{done}} of {{total}} parts completed',
    waiting: 'A part was returned for correction: open it, fix what it lists and send it again.',
    partlyRejected: 'Some parts were not approved (the reason is on each part); the others are completed.',
    rejected: 'A part was not approved; the reason is on that part.',
    partPromiseBefore: 'Promised by ',
    partPromiseAfter: '',
    currentStep: 'Current step',
    open: 'Open this part',
    partOf: 'This case is "{{member}}", part of "{{name}}" (one application, number {{number}}).',
    backToBundle: 'Back to the whole matter',
    inList: 'Parts',
  },
};
