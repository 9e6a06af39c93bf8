// The process both engines run: three approvals one after the other (科室 → 处长 → 分管校领导), then done.
import type { ProcessDefinition } from '../../server/modules/workflow/definition.ts';

export const STEPS = ['a', 'b', 'c'] as const;

/** OneStop's definition; each step goes to one named person. */
export function onestopProcess(approvers: [string, string, string]): ProcessDefinition {
  const names = [['科室审核', 'Section review'], ['处长审批', 'Head approval'], ['分管校领导审批', 'Vice-president approval']];
  return {
    start: 'a',
    steps: STEPS.map((id, i) => ({
      id, name: { zh: names[i]![0]!, en: names[i]![1]! }, kind: 'approval' as const,
      assignee: { kind: 'person' as const, personId: approvers[i]! }, ...(i < 2 ? { next: STEPS[i + 1] } : {}),
    })),
  };
}

/** The same process in BPMN 2.0: start → three user tasks in sequence → end. */
export const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="approval3">
  <process id="approval" isExecutable="true">
    <startEvent id="start" />
    <sequenceFlow id="f0" sourceRef="start" targetRef="a" />
    <userTask id="a" name="Section review" />
    <sequenceFlow id="f1" sourceRef="a" targetRef="b" />
    <userTask id="b" name="Head approval" />
    <sequenceFlow id="f2" sourceRef="b" targetRef="c" />
    <userTask id="c" name="Vice-president approval" />
    <sequenceFlow id="f3" sourceRef="c" targetRef="end" />
    <endEvent id="end" />
  </process>
</definitions>`;
