/**
 * Where profile cards read notebook values from: the session registers `(name) => runtime.value(name)`.
 * Until one is registered, tables do not offer the card.
 */
let source: ((name: string) => unknown) | null = null;

/** Register how the card looks up notebook values by cell name (once per session). */
export function setProfileSource(lookup: ((name: string) => unknown) | null): void {
  source = lookup;
}

/** True when a value source is registered, so customer ids can open a card. */
export function hasProfileSource(): boolean {
  return source !== null;
}

/** The notebook value named `name`, or undefined. */
export function profileValue(name: string): unknown {
  return source?.(name);
}
