export { parseNotebook } from './parse';
export { serializeNotebook } from './serialize';
export { parseInfo, formatInfo, OPTION_KEY, type ParsedInfo } from './info';
export { defaultCellId, ID_PATTERN, type CellKind, type CellSpec, type Notebook } from './types';
