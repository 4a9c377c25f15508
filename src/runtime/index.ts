export { Runtime, type RuntimeOptions, type CellListener, type ParamResult } from './runtime';
export { compileCell, type CompileResult, type CompiledCell, type CompileFailure } from './compile';
export { buildGraph, type Graph, type GraphInput, type GraphNode, type Resolution } from './graph';
export { hashValue, hashValues, fnv1a } from './hash';
export * from './cell';
export * from './widgets';
