// Heap per waiting instance (run with --expose-gc, one engine per process): N instances started and left
// waiting at their first approval, held in memory; (heapUsed after − before) / N after full collections.
// Also the size of what each engine persists for one waiting instance. Prints one JSON line.
//   node --expose-gc --import tsx bench/workflow-engine/heap.ts onestop|bpmn N
import { newId, nowIso } from '../../server/clock.ts';
import { advance, type CaseState } from '../../server/modules/workflow/engine.ts';
import { loadState, storedState } from '../../server/modules/workflow/service.ts';
import { onestopProcess } from './process.ts';
import { bpmnStarted } from './runners.ts';

const [kind, n] = [process.argv[2], Number(process.argv[3] ?? 2000)];
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const settle = () => { for (let i = 0; i < 4; i++) gc(); };

const def = onestopProcess([newId(), newId(), newId()]);
const onestopWaiting = (): CaseState => {
  const r = advance(def, null, { type: 'start', actor: 'applicant', caseId: newId(), applicantId: newId(), data: {} }, nowIso());
  if (!r.ok) throw new Error(r.reason);
  // What the shell has in hand for a waiting case: the state as loaded from its row.
  return loadState({ state: storedState(r.state), data: JSON.stringify(r.state.data) });
};

// Warm up the code paths first, so compiled code and caches do not count as instance memory.
const keep: unknown[] = [];
if (kind === 'bpmn') { for (let i = 0; i < 20; i++) (await bpmnStarted()).engine.stop(); } else { for (let i = 0; i < 20; i++) onestopWaiting(); }
settle();
const before = process.memoryUsage().heapUsed;
let persistedBytes = 0;
if (kind === 'bpmn') {
  for (let i = 0; i < n; i++) keep.push(await bpmnStarted());
  const sample = keep[0] as Awaited<ReturnType<typeof bpmnStarted>>;
  persistedBytes = JSON.stringify(await sample.engine.getState()).length;
} else {
  for (let i = 0; i < n; i++) keep.push(onestopWaiting());
  const s = keep[0] as CaseState;
  persistedBytes = storedState(s).length + JSON.stringify(s.data).length;
}
settle();
const after = process.memoryUsage().heapUsed;
console.log(JSON.stringify({ kind, instances: keep.length, heapBytesPerWaitingInstance: Math.round((after - before) / n), persistedBytesPerWaitingInstance: persistedBytes }));
process.exit(0);
