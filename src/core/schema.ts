/**
 * The canonical transactions table every stage after loading works on.
 *
 * Loading maps a user's columns onto these roles (see `data/roles.ts`) and `data/transactions.ts`
 * builds one single-batch Arrow table with exactly these column names:
 *
 * | column     | Arrow type                    | required | meaning                                  |
 * |------------|-------------------------------|----------|------------------------------------------|
 * | customer   | Dictionary<Utf8, Int32>, null | yes      | customer id (null = missing id)          |
 * | order      | Dictionary<Utf8, Int32>       | yes      | order / invoice id (synthesised if unmapped) |
 * | time       | TimestampMillisecond          | yes      | when the order line happened (UTC ms)    |
 * | quantity   | Float64                       | yes      | units on the line (negative = return)    |
 * | price      | Float64                       | yes      | unit price                               |
 * | amount     | Float64                       | yes      | quantity × price unless a column gave it |
 * | item       | Dictionary<Utf8, Int32>, null | no       | item / SKU id                            |
 * | itemName   | Dictionary<Utf8, Int32>, null | no       | item description                         |
 * | category   | Dictionary<Utf8, Int32>, null | no       | item category                            |
 * | country    | Dictionary<Utf8, Int32>, null | no       | customer country                         |
 * | cancelled  | Bool                          | yes      | order id marks a cancellation (e.g. `C`) |
 */
export const ROLES = [
  'customer',
  'order',
  'time',
  'quantity',
  'price',
  'amount',
  'item',
  'itemName',
  'category',
  'country',
] as const;

export type Role = (typeof ROLES)[number];

/** Which user column serves each role (role → column name). */
export type RoleMap = Partial<Record<Role, string>>;

/**
 * Roles a transactions file must provide (amount may replace quantity + price). The order role is
 * optional: without it each (customer, timestamp) line group is one order, `customer@ISO-time`.
 */
export const REQUIRED_ROLES: readonly Role[] = ['customer', 'time'];

/** Human label for each role, used by the mapping panel and in error messages. */
export const ROLE_LABELS: Record<Role, string> = {
  customer: 'customer id',
  order: 'order / invoice id',
  time: 'timestamp',
  quantity: 'quantity',
  price: 'unit price',
  amount: 'amount',
  item: 'item id',
  itemName: 'item name',
  category: 'category',
  country: 'country',
};

/** Milliseconds in one day. */
export const DAY_MS = 86_400_000;
