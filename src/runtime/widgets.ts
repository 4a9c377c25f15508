/**
 * Widget builtins: a cell whose value is a descriptor becomes a parameter. The runtime keeps the
 * descriptor in the cell's state (`state.widget`) and gives dependents `params[name] ?? descriptor.value`.
 *
 * @example
 *   // in a notebook cell:
 *   threshold = slider({min: 0, max: 1, step: 0.01, value: 0.5, label: 'Threshold'})
 *   // then: runtime.setParam('threshold', 0.73) re-runs the cells that read `threshold`.
 *   coerceParam(slider({min: 0, max: 10, step: 1}), '12.4') // { ok: true, value: 10 }
 */
export const WIDGET: unique symbol = Symbol.for('tierbook.widget') as never;

interface WidgetBase {
  [WIDGET]: true;
  /** Shown next to the control; default ''. */
  label: string;
}
export interface SliderWidget extends WidgetBase {
  kind: 'slider';
  min: number;
  max: number;
  /** Snap grid from `min`; undefined = continuous. */
  step?: number;
  value: number;
}
export interface NumberWidget extends WidgetBase {
  kind: 'number';
  min?: number;
  max?: number;
  step?: number;
  value: number;
}
export interface SelectOption {
  value: string | number;
  label: string;
}
export interface SelectWidget extends WidgetBase {
  kind: 'select';
  options: SelectOption[];
  value: string | number;
}
export interface CheckboxWidget extends WidgetBase {
  kind: 'checkbox';
  value: boolean;
}
export interface TextWidget extends WidgetBase {
  kind: 'text';
  value: string;
}
export type Widget = SliderWidget | NumberWidget | SelectWidget | CheckboxWidget | TextWidget;

/**
 * A widget defined outside this file (e.g. src/stdlib/dataWidgets.ts): any `kind`, and its own
 * `coerce(raw)` to check a parameter value (without one, any value is taken as is).
 */
export interface CustomWidget {
  [WIDGET]: true;
  kind: string;
  label?: string;
  value: unknown;
  coerce?: (raw: unknown) => ParamCheck;
}

export function isWidget(v: unknown): v is Widget {
  return typeof v === 'object' && v !== null && (v as Record<symbol, unknown>)[WIDGET] === true;
}

function finite(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`${what} must be a finite number, got ${String(v)}`);
  return v;
}
function optionalFinite(v: unknown, what: string): number | undefined {
  return v === undefined ? undefined : finite(v, what);
}
function label(v: unknown): string {
  return v === undefined ? '' : String(v);
}

/** Round away float noise left by snapping (0.1 + 0.2 → 0.3) to the step's decimals + 2. */
function snap(v: number, origin: number, step: number | undefined): number {
  if (step === undefined || step <= 0) return v;
  const k = Math.round((v - origin) / step);
  const decimals = Math.min(15, (String(step).split('.')[1]?.length ?? 0) + (String(origin).split('.')[1]?.length ?? 0) + 2);
  return Number((origin + k * step).toFixed(decimals));
}

function clamp(v: number, min: number | undefined, max: number | undefined): number {
  if (min !== undefined && v < min) return min;
  if (max !== undefined && v > max) return max;
  return v;
}

/**
 * A range slider. Defaults: min 0, max 1, step undefined (continuous), value (min + max) / 2, label ''.
 * The value is clamped to [min, max] and snapped to the step grid.
 * @example slider({min: 1, max: 10, step: 1, value: 5, label: 'k'})
 */
export function slider(options: { min?: number; max?: number; step?: number; value?: number; label?: string } = {}): SliderWidget {
  const min = finite(options.min ?? 0, 'slider min');
  const max = finite(options.max ?? 1, 'slider max');
  if (!(max > min)) throw new RangeError(`slider max (${max}) must be greater than min (${min})`);
  const step = optionalFinite(options.step, 'slider step');
  if (step !== undefined && step <= 0) throw new RangeError(`slider step must be positive, got ${step}`);
  const raw = finite(options.value ?? (min + max) / 2, 'slider value');
  const value = clamp(snap(clamp(raw, min, max), min, step), min, max);
  return { [WIDGET]: true, kind: 'slider', min, max, step, value, label: label(options.label) };
}

/**
 * A number box. Defaults: min/max unbounded, step undefined, value 0 (clamped into [min, max]), label ''.
 * @example number({min: 0, value: 1000, step: 100, label: 'Budget'})
 */
export function number(options: { min?: number; max?: number; step?: number; value?: number; label?: string } = {}): NumberWidget {
  const min = optionalFinite(options.min, 'number min');
  const max = optionalFinite(options.max, 'number max');
  if (min !== undefined && max !== undefined && max < min) throw new RangeError(`number max (${max}) is below min (${min})`);
  const step = optionalFinite(options.step, 'number step');
  if (step !== undefined && step <= 0) throw new RangeError(`number step must be positive, got ${step}`);
  const value = clamp(finite(options.value ?? 0, 'number value'), min, max);
  return { [WIDGET]: true, kind: 'number', min, max, step, value, label: label(options.label) };
}

/**
 * A drop-down. `options` are strings or `{value, label}`; default value: the first option; label ''.
 * @example select({options: ['rfm', 'kmeans'], value: 'kmeans', label: 'Tiering'})
 */
export function select(options: { options: (string | number | SelectOption)[]; value?: string | number; label?: string }): SelectWidget {
  if (!options || !Array.isArray(options.options) || options.options.length === 0) throw new TypeError('select needs a non-empty options array');
  const opts: SelectOption[] = options.options.map((o) =>
    typeof o === 'object' && o !== null ? { value: o.value, label: o.label ?? String(o.value) } : { value: o, label: String(o) },
  );
  const value = options.value ?? opts[0].value;
  if (!opts.some((o) => o.value === value)) throw new RangeError(`select value ${JSON.stringify(value)} is not one of the options`);
  return { [WIDGET]: true, kind: 'select', options: opts, value, label: label(options.label) };
}

/**
 * A checkbox. Defaults: value false, label ''.
 * @example checkbox({value: true, label: 'Exclude returns'})
 */
export function checkbox(options: { value?: boolean; label?: string } = {}): CheckboxWidget {
  return { [WIDGET]: true, kind: 'checkbox', value: options.value === true, label: label(options.label) };
}

/**
 * A text box. Defaults: value '', label ''.
 * @example text({value: 'GB', label: 'Country'})
 */
export function text(options: { value?: string; label?: string } = {}): TextWidget {
  return { [WIDGET]: true, kind: 'text', value: options.value === undefined ? '' : String(options.value), label: label(options.label) };
}

/** The widget builtins, as the runtime installs them. */
export const widgetBuiltins = { slider, number, select, checkbox, text };

export type ParamCheck = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Validate a parameter value for a widget; strings (from share links or `--set`) are converted.
 * Numbers are clamped to [min, max] and snapped to the step; a select value must be an option;
 * a checkbox takes booleans or 'true'/'false'; a text box takes any primitive.
 * @example coerceParam(select({options: [3, 4, 5]}), '4') // { ok: true, value: 4 }
 */
export function coerceParam(widget: Widget | CustomWidget, raw: unknown): ParamCheck {
  const own = (widget as CustomWidget).coerce;
  if (typeof own === 'function') return own(raw);
  const w = widget as Widget;
  switch (w.kind) {
    case 'slider':
    case 'number': {
      const v = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, message: `${JSON.stringify(raw)} is not a finite number` };
      const origin = w.kind === 'slider' ? w.min : (w.min ?? 0);
      return { ok: true, value: clamp(snap(clamp(v, w.min, w.max), origin, w.step), w.min, w.max) };
    }
    case 'select': {
      const exact = w.options.find((o) => o.value === raw);
      const loose = exact ?? w.options.find((o) => String(o.value) === String(raw));
      if (!loose) return { ok: false, message: `${JSON.stringify(raw)} is not one of ${w.options.map((o) => JSON.stringify(o.value)).join(', ')}` };
      return { ok: true, value: loose.value };
    }
    case 'checkbox':
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      if (raw === 'true' || raw === 'false') return { ok: true, value: raw === 'true' };
      return { ok: false, message: `${JSON.stringify(raw)} is not true or false` };
    case 'text':
      if (raw === null || raw === undefined || (typeof raw === 'object' || typeof raw === 'function' || typeof raw === 'symbol')) {
        return { ok: false, message: 'a text value must be a string' };
      }
      return { ok: true, value: String(raw) };
    default:
      return { ok: true, value: raw };
  }
}
