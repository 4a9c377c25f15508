/**
 * Data in: everything public under `core/data`, in one import.
 *
 * @example
 *   import { parseCsv, detectRoles, toTransactions } from '../core/data';
 *   const raw = parseCsv(bytes, { file: 'orders.csv' });
 *   const tx = toTransactions(raw, detectRoles(raw), { file: 'orders.csv' });
 */
export { CsvReader, parseCsv, parseNumber, detectDelimiter, DELIMITERS, type CsvOptions } from './csv';
export { tableToCsv, csvField } from './csvWrite';
export { readArrow, writeArrow } from './arrow';
export { loadArrowBytes, gunzip, isGzip, DEFAULT_DATA_FILE, DEFAULT_DATA_META } from './defaultData';
export { readBlob, type ReadBlobOptions } from './loadBlob';
export { detectRoles, normaliseHeader, ROLE_SYNONYMS } from './roles';
export { toTransactions, type TransactionsOptions } from './transactions';
export { idCodes, timeMs, numbers, normaliseId } from './read';
export { parseDate, detectDateFormat, DATE_FORMATS, DATE_FORMATS_TEXT, type DateFormat } from './dates';
export { float64Vector, timestampVector, boolVector, utf8DictionaryVector } from './columns';
