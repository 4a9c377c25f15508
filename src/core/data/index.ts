/**
 * Data in: everything public under `core/data`, in one import.
 *
 * @example
 *   import { parseCsv, detectRoles, toTransactions } from '../core/data';
 *   const raw = parseCsv(bytes, { file: 'orders.csv' });
 *   const tx = toTransactions(raw, detectRoles(raw), { file: 'orders.csv' });
 */
export {
  CsvReader,
  parseCsv,
  parseCsvReport,
  parseNumber,
  detectDelimiter,
  firstRowIsHeader,
  sniffEncoding,
  invalidUtf8At,
  EncodingError,
  DELIMITERS,
  MAX_SKIPPED_FRACTION,
  type CsvOptions,
  type CsvEncoding,
  type CsvReport,
  type SkippedRow,
} from './csv';
export { readParquet, isParquet } from './parquet';
export { dropBadRoleRows, type BadRowsResult } from './badRows';
export { tableToCsv, csvField } from './csvWrite';
export { readArrow, writeArrow } from './arrow';
export { loadArrowBytes, gunzip, isGzip, DEFAULT_DATA_FILE, DEFAULT_DATA_META } from './defaultData';
export { readBlob, loadBlob, skippedRowsCsv, MAX_FILE_BYTES, type ReadBlobOptions, type LoadResult } from './loadBlob';
export { detectRoles, normaliseHeader, ROLE_SYNONYMS } from './roles';
export { toTransactions, synthesiseOrders, type TransactionsOptions } from './transactions';
export { idCodes, timeMs, numbers, normaliseId, epochMs, epochUnit, looksLikeEpochColumn } from './read';
export { parseDate, detectDateFormat, bestDateFormat, DATE_FORMATS, DATE_FORMAT_LABELS, DATE_FORMATS_TEXT, type DateFormat } from './dates';
export { float64Vector, timestampVector, boolVector, utf8DictionaryVector } from './columns';
