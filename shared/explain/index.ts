/** Every number explained: the derivation of each figure of an estimate, with its actual inputs, in worksheet notation. */
export { explainContext, type ExplainContext, type ExplainOptions } from './context';
export { explainAll, explainFigure, explainNode, nodeFigures } from './explain';
export { evaluate, formatValue, render, renderValue, valuesOf, type Term, type Unit, type ValueTerm } from './expression';
export {
  derivationLines, figureKey, HEADLINE_FIGURES, NODE_FIGURES, stepText,
  type Derivation, type FigureRef, type HeadlineFigure, type NodeFigure, type Step,
} from './figures';
