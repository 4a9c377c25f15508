import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/data/csv';
import { detectRoles, normaliseHeader } from '../../../src/core/data/roles';

describe('detectRoles', () => {
  it('maps the Online Retail header', () => {
    const t = parseCsv(
      'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n' +
        'C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527.0,United Kingdom\n',
      { file: 'r.csv' },
    );
    expect(detectRoles(t)).toEqual({
      customer: 'CustomerID',
      order: 'InvoiceNo',
      time: 'InvoiceDate',
      quantity: 'Quantity',
      price: 'UnitPrice',
      item: 'StockCode',
      itemName: 'Description',
      country: 'Country',
    });
  });
  it('maps a Chinese header set', () => {
    const t = parseCsv('订单号,客户ID,下单时间,商品ID,商品名称,类目,数量,单价,金额,国家\nA1,u1,2024-01-02 10:00,s1,咖啡,饮料,2,3.5,7,中国\n', { file: 'c.csv' });
    expect(detectRoles(t)).toEqual({
      order: '订单号',
      customer: '客户ID',
      time: '下单时间',
      item: '商品ID',
      itemName: '商品名称',
      category: '类目',
      quantity: '数量',
      price: '单价',
      amount: '金额',
      country: '国家',
    });
    const u = parseCsv('用户ID,订单编号,日期,实付金额\nu1,o1,2024-01-02,9\n', { file: 'u.csv' });
    expect(detectRoles(u)).toEqual({ customer: '用户ID', order: '订单编号', time: '日期', amount: '实付金额' });
  });
  it('ignores case, spaces and underscores, uses keywords, and falls back to a timestamp column', () => {
    const t = parseCsv('customer_id,Order Number,when,Total Amount,Product SKU\n1,2,2024-01-01,5,x\n', { file: 'k.csv' });
    expect(detectRoles(t)).toEqual({ customer: 'customer_id', order: 'Order Number', time: 'when', amount: 'Total Amount', item: 'Product SKU' });
    expect(normaliseHeader(' Customer_ID ')).toBe('customerid');
  });
  it('does not give the time role to a numeric column and never reuses a column', () => {
    const t = parseCsv('date,user\n5,u\n', { file: 'n.csv' });
    expect(detectRoles(t)).toEqual({ customer: 'user' });
  });
});
