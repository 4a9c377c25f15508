/**
 * The notebooks that ship with the app, bundled as text at build time (no fetch needed).
 */
import valueTiering from '../../notebooks/value-tiering.md?raw';

export interface ShippedNotebook {
  id: string;
  title: string;
  text: string;
}

export const NOTEBOOKS: ShippedNotebook[] = [
  { id: 'value-tiering', title: 'Customer value tiering', text: valueTiering },
];

export function notebookById(id: string | null): ShippedNotebook {
  return NOTEBOOKS.find((n) => n.id === id) ?? NOTEBOOKS[0];
}
