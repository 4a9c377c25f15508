/**
 * Error messages in the UI language. Core, loader, model and runtime errors are English and stay
 * so (tests pin them, the headless runner prints them, bug reports quote them); this module only
 * translates what the UI *shows*: an ordered catalogue of patterns for the known messages, each
 * with a zh-CN template that keeps the captured file, row, column and value verbatim. A message no
 * pattern knows is shown unchanged, in English. Callers show the English original next to a
 * translation (`ErrorMessage.svelte`), so a report can quote it.
 *
 * Located data errors (`DataError`: "file, row N, column `C`: `value` problem (expected …)") are
 * taken apart into location, value, problem and expectation; all of them must be known for the
 * message to be translated — never half a sentence in each language.
 *
 * @example
 *   localizeError('orders.csv, row 13, column `Quantity`: `abc` is not a number (expected a number for the quantity role)', 'zh-CN').text
 *   // 'orders.csv，第 13 行，列 `Quantity`：`abc` 不是数字（应为：「数量」角色的数字）'
 *   localizeError('something new', 'zh-CN') // { text: 'something new', original: 'something new', translated: false }
 */
import { ROLE_LABELS, ROLES, type Role } from '../../core/schema';
import { zhCNLabels } from '../../plots/i18n/zh-CN';
import { translate, type Locale } from './messages';

/** What to show for an error message. */
export interface ShownError {
  /** The message in the UI language, or the original when no translation is known. */
  text: string;
  /** The original (English) message. */
  original: string;
  /** Whether `text` is a translation. */
  translated: boolean;
}

/** The label (with its colon) of the line that shows the English original under a translation. */
export const ORIGINAL_LABEL: Record<Locale, string> = { en: 'Original message: ', 'zh-CN': '英文原文：' };

type Render = (m: RegExpExecArray) => string | null;
type Entry = readonly [RegExp, Render];

/** A template: `{1}`, `{2}` … are the captured groups, verbatim. */
const tpl =
  (template: string): Render =>
  (m) =>
    template.replace(/\{(\d)\}/g, (_, i: string) => m[Number(i)] ?? '');

const ROLE_BY_LABEL = new Map(Object.entries(ROLE_LABELS).map(([role, label]) => [label, role as Role]));

/** A role's English label ("unit price") or key ("time") → its Chinese name ("单价"); null for an unknown one. */
function roleName(label: string): string | null {
  const role = ROLE_BY_LABEL.get(label) ?? ((ROLES as readonly string[]).includes(label) ? (label as Role) : undefined);
  return role ? translate('zh-CN', `role.${role}`) : null;
}

/** A cleaning step's label in Chinese when it is a known one (the core's own steps), else as it is. */
const stepName = (label: string): string => zhCNLabels[label] ?? label;

/** "Loaded 2 → Missing customer id 2 → …" with the known step names in Chinese. */
const stepTrail = (trail: string): string =>
  trail
    .split(' → ')
    .map((part) => {
      const m = /^([\s\S]+) ([\d,]+)$/.exec(part);
      return m ? `${stepName(m[1])} ${m[2]}` : part;
    })
    .join(' → ');

// ---------------------------------------------------------------- located data errors (DataError)

/** What is wrong, after the location (and the quoted value, when there is one). */
const PROBLEMS: readonly Entry[] = [
  [/^is not a number$/, tpl('不是数字')],
  [/^is not a finite number$/, tpl('不是有限的数值')],
  [/^is not a date$/, tpl('不是有效的日期')],
  [/^is not a timestamp$/, tpl('不是有效的时间')],
  [/^is empty$/, tpl('为空')],
  [/^is not a 0\/1 label$/, tpl('不是 0/1 标签')],
  [/^has (\d+) fields?$/, tpl('有 {1} 个字段')],
  [/^has a header but no data rows$/, tpl('只有表头，没有数据行')],
  [/^has a quoted field that is never closed$/, tpl('有一个引号字段没有闭合')],
  [/^runs on for more than ([\d.,]+) MB without ending — a quoted field that is never closed$/, tpl('超过 {1} MB 仍未结束——有一个引号字段没有闭合')],
  [/^is not valid UTF-8 text \(byte 0x([0-9A-Fa-f]+) at offset (\d+)\)$/, tpl('不是有效的 UTF-8 文本（偏移量 {2} 处的字节 0x{1}）')],
  [/^is not valid ([\w-]+) text$/, tpl('不是有效的 {1} 文本')],
  [/^has bytes that are not valid UTF-8$/, tpl('含有不是有效 UTF-8 的字节')],
  [/^appears more than once in the header; column (\d+) is renamed `([^`]*)`$/, tpl('在表头中出现了不止一次；第 {1} 列已重命名为 `{2}`')],
  [/^is a ZIP archive \(an Excel \.xlsx workbook is one\), not text$/, tpl('是 ZIP 压缩包（Excel .xlsx 工作簿就是 ZIP 格式），不是文本')],
  [/^is an Excel \.xls workbook, not text$/, tpl('是 Excel .xls 工作簿，不是文本')],
  [/^is a Parquet file, not text$/, tpl('是 Parquet 文件，不是文本')],
  [/^is gzip-compressed$/, tpl('是 gzip 压缩文件')],
  [/^is not a text file \(byte 0x([0-9A-Fa-f]+) at offset (\d+)\)$/, tpl('不是文本文件（偏移量 {2} 处的字节 0x{1}）')],
  [/^is not an Arrow IPC file$/, tpl('不是 Arrow IPC 文件')],
  [/^could not be read as Arrow IPC: ([\s\S]*)$/, tpl('无法按 Arrow IPC 格式读取：{1}')],
  [/^is not valid gzip: ([\s\S]*)$/, tpl('不是有效的 gzip 文件：{1}')],
  [/^is ([\d.,]+ [KMGT]?B), too large to load in a browser tab$/, tpl('大小为 {1}，太大，无法在浏览器标签页中加载')],
  [/^is not a Parquet file \(no `PAR1` marker at both ends\)$/, tpl('不是 Parquet 文件（首尾没有 `PAR1` 标记）')],
  [/^could not be read as Parquet: ([\s\S]*)$/, tpl('无法按 Parquet 格式读取：{1}')],
  [/^is not a valid URL$/, tpl('不是有效的网址')],
  [/^uses (\S+) which cannot be fetched$/, tpl('使用的 {1} 协议无法获取')],
  [/^could not be fetched: the server answered ([\s\S]*)$/, tpl('无法获取：服务器返回 {1}')],
  [
    /^could not be fetched from (\S+) \(([\s\S]*)\): the server is unreachable, or it does not allow other sites to read the file \(CORS\)$/,
    tpl('无法从 {1} 获取（{2}）：服务器无法访问，或不允许其他网站读取该文件（CORS）'),
  ],
  [/^has only one class \((\d+) of (\d+) rows are positive\): a purchase model needs both$/, tpl('只有一个类别（{2} 行中有 {1} 行为正例）：购买模型需要两类样本')],
  [
    /^has no column for the (.+) role \(columns: ([\s\S]*)\)$/,
    (m) => {
      const role = roleName(m[1]);
      return role ? `没有对应「${role}」角色的列（现有列：${m[2]}）` : null;
    },
  ],
  [
    /^is mapped to the (.+) role but is not in the file \(columns: ([\s\S]*)\)$/,
    (m) => {
      const role = roleName(m[1]);
      return role ? `被指定为「${role}」角色，但文件中没有这一列（现有列：${m[2]}）` : null;
    },
  ],
];

/** What would have been accepted: the text inside "(expected …)". */
const EXPECTED: readonly Entry[] = [
  [/^Arrow IPC file or stream bytes$/, tpl('Arrow IPC 文件或流')],
  [/^a header line and data rows$/, tpl('一行表头和若干数据行')],
  [/^a closing `"`$/, tpl('一个闭合的 `"`')],
  [/^UTF-8 or GBK\/GB18030 text$/, tpl('UTF-8 或 GBK/GB18030 编码的文本')],
  [/^UTF-8, UTF-16 or GBK\/GB18030 text$/, tpl('UTF-8、UTF-16 或 GBK/GB18030 编码的文本')],
  [/^UTF-8 or GBK\/GB18030 text throughout the file$/, tpl('整个文件都是 UTF-8 或 GBK/GB18030 编码的文本')],
  [/^CSV text: unzip it, or save the sheet as CSV$/, tpl('CSV 文本：请先解压，或将工作表另存为 CSV')],
  [/^CSV text: save the sheet as CSV$/, tpl('CSV 文本：请将工作表另存为 CSV')],
  [/^CSV text here; open Parquet files with the file picker or readBlob$/, tpl('此处需要 CSV 文本；Parquet 文件请用文件选择器或 readBlob 打开')],
  [/^CSV text here; gzip files are inflated by the file picker or readBlob$/, tpl('此处需要 CSV 文本；gzip 文件由文件选择器或 readBlob 解压')],
  [/^at most ([\d.,]+ [KMGT]?B): filter or split the export, or save it as Parquet or gzip-compressed CSV$/, tpl('不超过 {1}：请筛选或拆分导出的数据，或另存为 Parquet 或 gzip 压缩的 CSV')],
  [/^a complete Parquet file$/, tpl('完整的 Parquet 文件')],
  [/^CSV\/TSV text, Arrow IPC or Parquet$/, tpl('CSV/TSV 文本、Arrow IPC 或 Parquet 文件')],
  [/^an http\(s\):\/\/ address of a CSV, Arrow or Parquet file$/, tpl('CSV、Arrow 或 Parquet 文件的 http(s):// 网址')],
  [/^an http\(s\):\/\/ address$/, tpl('http(s):// 网址')],
  [
    /^a server that sends Access-Control-Allow-Origin; otherwise download the file and load it from disk$/,
    tpl('服务器需发送 Access-Control-Allow-Origin；否则请先下载文件，再从本地加载'),
  ],
  [/^a number for every customer and feature; fill or drop missing values first$/, tpl('每位用户的每个特征都是数字；请先填补或剔除缺失值')],
  [/^both buyers \(1\) and non-buyers \(0\) among the training rows$/, tpl('训练数据中同时有购买者（1）和未购买者（0）')],
  [/^(\d+), as in the header$/, tpl('{1} 个，与表头一致')],
  [/^(\d+), as in the first row$/, tpl('{1} 个，与第一行一致')],
  [
    /^a number for the (.+) role$/,
    (m) => {
      const role = roleName(m[1]);
      return role ? `「${role}」角色的数字` : null;
    },
  ],
  [
    /^a timestamp for the (.+) role$/,
    (m) => {
      const role = roleName(m[1]);
      return role ? `「${role}」角色的时间` : null;
    },
  ],
  [/^(.+) or epoch seconds\/milliseconds$/, tpl('{1}，或以秒/毫秒计的 Unix 时间戳')],
  [/^(.+), like the other values of the column$/, tpl('{1}，与该列其他值的格式一致')],
  [
    /^([\s\S]+); ([\d,]+) of ([\d,]+) rows (?:is|are) malformed, more than the ([\d.]+)% that can be skipped — check the delimiter and the quotes$/,
    (m) => {
      const first = translateWith(EXPECTED, m[1]);
      return first === null ? null : `${first}；${m[3]} 行中有 ${m[2]} 行格式错误，超过了可跳过的 ${m[4]}%——请检查分隔符和引号`;
    },
  ],
];

function translateWith(entries: readonly Entry[], text: string): string | null {
  for (const [pattern, render] of entries) {
    const m = pattern.exec(text);
    if (m) return render(m);
  }
  return null;
}

/** "`value` problem" or "problem" → Chinese, or null. */
function translateWhat(what: string): string | null {
  const quoted = /^(`[\s\S]*?`) ([\s\S]+)$/.exec(what);
  if (quoted) {
    const problem = translateWith(PROBLEMS, quoted[2]);
    if (problem !== null) return `${quoted[1]} ${problem}`;
  }
  return translateWith(PROBLEMS, what);
}

/** "file, row N, column `C`" → "file，第 N 行，列 `C`", or null when the head is not a location. */
function translateWhere(head: string): string | null {
  const m = /^([\s\S]+?)(?:, row ([\d,]+))?(?:, column (`[^`]*`))?$/.exec(head);
  if (!m || m[1] === '') return null;
  return [m[1], m[2] !== undefined ? `第 ${m[2]} 行` : null, m[3] !== undefined ? `列 ${m[3]}` : null].filter(Boolean).join('，');
}

/** A located data error, tried at every ": " (file names may contain one) and " (expected ". */
function translateDataError(message: string): string | null {
  for (let colon = message.indexOf(': '); colon > 0; colon = message.indexOf(': ', colon + 1)) {
    const where = translateWhere(message.slice(0, colon));
    if (where === null) continue;
    const rest = message.slice(colon + 2);
    const candidates: [string, string | null][] = [[rest, null]];
    if (rest.endsWith(')')) {
      for (let at = rest.indexOf(' (expected '); at >= 0; at = rest.indexOf(' (expected ', at + 1)) {
        candidates.push([rest.slice(0, at), rest.slice(at + ' (expected '.length, -1)]);
      }
    }
    for (const [what, expected] of candidates) {
      const w = translateWhat(what);
      if (w === null) continue;
      if (expected === null) return `${where}：${w}`;
      const e = translateWith(EXPECTED, expected);
      if (e !== null) return `${where}：${w}（应为：${e}）`;
    }
  }
  return null;
}

// ---------------------------------------------------------------- whole messages

/** Messages that are not located data errors: runtime, cleaning, tables, stages. */
const MESSAGES: readonly Entry[] = [
  // the runtime (src/runtime)
  [/^`([^`]+)` is not defined$/, tpl('`{1}` 未定义')],
  [/^`([^`]+)` is defined more than once$/, tpl('`{1}` 被定义了不止一次')],
  [/^circular definition: ([\s\S]+)$/, tpl('循环定义：{1}')],
  [/^input `([^`]+)` failed$/, tpl('输入 `{1}` 出错了')],
  [/^input `([^`]+)` has no value \(it was cancelled\)$/, tpl('输入 `{1}` 没有值（已被取消）')],
  [/^import cells are not supported: the notebook's builtins provide the library$/, tpl('不支持 import 单元格：笔记本的内置函数已经提供了所需的库')],
  [/^viewof and mutable references are not supported$/, tpl('不支持 viewof 和 mutable 引用')],
  [/^(viewof|mutable) is not supported: use a widget cell, e\.g\. (`[^`]+`)$/, tpl('不支持 {1}：请改用控件单元格，例如 {2}')],
  // tables and stages (src/core, src/stdlib)
  [/^column `([^`]+)` not found \(columns: ([\s\S]*)\)$/, tpl('找不到列 `{1}`（现有列：{2}）')],
  [/^column `([^`]+)` not found$/, tpl('找不到列 `{1}`')],
  [/^no column `([^`]+)` \(columns: ([\s\S]*)\)$/, tpl('没有列 `{1}`（现有列：{2}）')],
  [/^0 rows left after cleaning: the transactions table is empty \(no rows were loaded\)$/, tpl('清洗后剩余 0 行：交易表是空的（没有加载任何行）')],
  [
    /^0 rows left after cleaning: "([^"]+)" removed the last ([\d,]+) rows \(rows after each step: ([\s\S]+)\)\. Check the column roles \(is the right column mapped to customer id, quantity, unit price\?\) or switch that step off\.$/,
    (m) => `清洗后剩余 0 行：“${stepName(m[1])}”剔除了最后 ${m[2]} 行（每一步后的行数：${stepTrail(m[3])}）。请检查字段角色（用户 ID、数量、单价是否对应了正确的列？），或关闭这一步。`,
  ],
  [/^the transactions table has no timestamps, so there is no default "as of" date$/, tpl('交易表中没有时间，因此无法确定默认的“截至”日期')],
  [/^purchaseDataset: no customer has a line before the cutoff (\S+)$/, tpl('purchaseDataset：截止日 {1} 之前没有任何用户的交易记录')],
  [/^choose at least one column \(a comma-separated list, e\.g\. "([^"]+)"\)$/, tpl('请至少选择一列（用逗号分隔，例如 "{1}"）')],
  [/^dataset `([^`]+)` could not be loaded$/, tpl('数据集 `{1}` 无法加载')],
  // training (src/model)
  [
    /^(\w+): the loss became (\S+) at iteration (\d+) \(training diverged\); lower the learning rate \(now ([\d.e+-]+)\)$/,
    tpl('{1}：第 {3} 次迭代时损失变为 {2}（训练发散）；请调低学习率（当前为 {4}）'),
  ],
  [/^chooseBackend: no tfjs backend could run \(tried ([\s\S]*)\)$/, tpl('chooseBackend：没有可运行的 tfjs 后端（已尝试：{1}）')],
];

/**
 * An error message as the UI shows it in `lang`: translated when a pattern knows it (file, row,
 * column and values kept verbatim), else unchanged. English: always unchanged.
 */
export function localizeError(message: string, lang: Locale): ShownError {
  const original = message;
  if (lang === 'en' || message === '') return { text: original, original, translated: false };
  const text = translateWith(MESSAGES, message) ?? translateDataError(message);
  return text === null ? { text: original, original, translated: false } : { text, original, translated: true };
}
