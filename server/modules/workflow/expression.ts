// The condition language lives in common/ so the browser evaluates `visibleIf` with the same parser.
export * from '../../../common/expression.ts';
