// bpmn-moddle (a dependency of bpmn-engine) ships no types; the benchmark uses only fromXML.
declare module 'bpmn-moddle' {
  export default class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string): Promise<unknown>;
  }
}
