/**
 * Guess which column plays which role (customer, order, time, …) from column names and types.
 *
 * Names are compared case-, space-, underscore-, hyphen- and dot-insensitively against English
 * and common Chinese headers; exact synonyms win over keyword matches. Each column serves at most
 * one role and each role takes at most one column. When no name matches the time role, the first
 * timestamp column is used. A numeric column takes the time role by name only when its values are
 * YYYYMMDD integers or epoch numbers (≥ 1e8). CDNOW's `customer_id date number_of_cds
 * dollar_value` maps to customer, time, quantity, amount.
 *
 * @example
 *   detectRoles(parseCsv(onlineRetailCsv, { file: 'x.csv' }));
 *   // { order: 'InvoiceNo', item: 'StockCode', itemName: 'Description', quantity: 'Quantity',
 *   //   time: 'InvoiceDate', price: 'UnitPrice', customer: 'CustomerID', country: 'Country' }
 */
import { Table, Type } from 'apache-arrow';
import type { Role, RoleMap } from '../schema';
import { looksLikeEpochColumn, numericColumn } from './read';

/** Normalise a header for matching: lower case, without spaces, `_`, `-`, `.`, `/`, `#`. */
export function normaliseHeader(name: string): string {
  return name.toLowerCase().replace(/[\s_\-./#()（）]+/g, '');
}

/** Exact (normalised) header synonyms per role. */
export const ROLE_SYNONYMS: Record<Role, readonly string[]> = {
  customer: [
    'customerid', 'customer', 'customerno', 'customernumber', 'customercode', 'custid', 'clientid', 'client',
    'userid', 'user', 'memberid', 'member', 'buyerid', 'buyer', 'accountid', 'shopperid',
    '客户id', '客户', '客户编号', '客户号', '用户id', '用户', '用户编号', '会员id', '会员', '会员编号', '买家id', '顾客id', '顾客编号',
  ],
  order: [
    'invoiceno', 'invoice', 'invoiceid', 'invoicenumber', 'orderid', 'order', 'orderno', 'ordernumber',
    'transactionid', 'transaction', 'txnid', 'receiptid', 'basketid',
    '订单号', '订单id', '订单编号', '订单', '发票号', '交易号', '交易id', '流水号',
  ],
  time: [
    'invoicedate', 'orderdate', 'date', 'datetime', 'timestamp', 'time', 'ordertime', 'purchasedate',
    'purchasetime', 'transactiondate', 'transactiontime', 'createdat', 'orderedat',
    '下单时间', '下单日期', '日期', '时间', '订单日期', '订单时间', '购买时间', '购买日期', '交易时间', '交易日期', '支付时间', '付款时间',
  ],
  quantity: ['quantity', 'qty', 'units', 'count', 'amountunits', 'numitems', 'numberofitems', 'numberofunits', 'numberofcds', '数量', '购买数量', '件数', '商品数量'],
  price: ['unitprice', 'price', 'itemprice', 'priceeach', 'unitcost', '单价', '价格', '商品单价', '售价'],
  amount: [
    'amount', 'total', 'totalprice', 'totalamount', 'revenue', 'sales', 'value', 'ordervalue', 'spend',
    'lineamount', 'linetotal', 'subtotal', 'payment', 'dollarvalue', 'dollars', 'salesamount', 'netamount',
    '金额', '总金额', '订单金额', '实付金额', '支付金额', '消费金额', '销售额', '总价',
  ],
  item: ['stockcode', 'itemid', 'item', 'sku', 'productid', 'product', 'productcode', 'itemcode', 'articleid', '商品id', '商品编号', '商品编码', '商品', '货号'],
  itemName: ['description', 'itemname', 'productname', 'name', 'title', 'itemdescription', 'productdescription', '商品名称', '商品名', '品名', '商品描述', '名称'],
  category: ['category', 'productcategory', 'itemcategory', 'department', 'class', 'categoryname', '类目', '品类', '类别', '分类', '商品类目', '商品分类'],
  country: ['country', 'countryname', 'nation', 'region', 'market', '国家', '地区', '国家地区'],
};

/** Keyword fallbacks (normalised substrings), tried when no synonym matched. */
const ROLE_KEYWORDS: [Role, RegExp][] = [
  ['customer', /(customer|client|user|member|buyer|客户|用户|会员|顾客)/],
  ['order', /(invoice|order|transaction|订单|发票|交易)/],
  ['time', /(date|time|日期|时间)/],
  ['quantity', /(quantity|qty|^numberof|^num(?!ber)|数量)/],
  ['price', /(price|单价|价格)/],
  ['amount', /(amount|total|revenue|dollar|value|spend|sales|金额|销售额)/],
  ['itemName', /(description|名称|name)/],
  ['item', /(stock|sku|product|item|商品)/],
  ['category', /(categor|类目|品类|分类)/],
  ['country', /(country|国家)/],
];

/** Roles in the order they claim columns (more specific roles first). */
const CLAIM_ORDER: Role[] = ['time', 'customer', 'order', 'quantity', 'price', 'amount', 'itemName', 'item', 'category', 'country'];

function isTimestamp(typeId: number): boolean {
  return typeId === Type.Timestamp || typeId === Type.Date;
}

/**
 * Guess the role map of a table from its column names and types.
 *
 * @example
 *   detectRoles(table); // { customer: '客户ID', order: '订单号', time: '下单时间', … }
 */
export function detectRoles(table: Table): RoleMap {
  const fields = table.schema.fields;
  const names = fields.map((f) => normaliseHeader(f.name));
  const taken = new Set<number>();
  const roles: RoleMap = {};
  const claim = (role: Role, j: number): void => {
    roles[role] = fields[j].name;
    taken.add(j);
  };
  const timeOk = (j: number): boolean => {
    const t = fields[j].type.typeId;
    if (t === Type.Int || t === Type.Float) return looksLikeEpochColumn(numericColumn(table, fields[j].name)!);
    return isTimestamp(t) || t === Type.Dictionary || t === Type.Utf8 || t === Type.LargeUtf8;
  };
  // Pass 1: exact synonyms, in synonym priority order within a role.
  for (const role of CLAIM_ORDER) {
    for (const syn of ROLE_SYNONYMS[role]) {
      const j = names.findIndex((n, k) => n === syn && !taken.has(k) && (role !== 'time' || timeOk(k)));
      if (j >= 0) {
        claim(role, j);
        break;
      }
    }
  }
  // Pass 2: keywords for roles still open.
  for (const [role, re] of ROLE_KEYWORDS) {
    if (roles[role] !== undefined) continue;
    const j = names.findIndex((n, k) => !taken.has(k) && re.test(n) && (role !== 'time' || timeOk(k)));
    if (j >= 0) claim(role, j);
  }
  // Pass 3: the first timestamp-typed column serves as time.
  if (roles.time === undefined) {
    const j = fields.findIndex((f, k) => !taken.has(k) && isTimestamp(f.type.typeId));
    if (j >= 0) claim('time', j);
  }
  return roles;
}
