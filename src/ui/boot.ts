/**
 * What the app opens with: the notebook named in the URL (`?notebook=`), the view (`?view=present`),
 * the local draft of that notebook, and the share state in the hash (`#s=…`). A bad link never
 * blocks the app: it yields a message and the defaults. Messages are in the language the page opens
 * in (`?lang=` or the remembered choice); the boot also records the notebook it opens, whose
 * translation maps data values (tier names) in tables.
 */
import { decodeShareDetailed } from '../notebook/share';
import { t } from './i18n/locale.svelte';
import { setActiveNotebook } from './i18n/translations';
import { notebookById, NOTEBOOKS, type ShippedNotebook } from './notebooks';
import { loadDraft, type Draft } from './storage';
import { loadStdlib } from './stdlibLoader';
import { parseNotebook } from '../notebook';
import { SHIPPED_DATASETS } from '../stdlib/shippedData';
import { loadShipped } from './datasets';
import { prewarmTrainWorker } from '../workers/client';

export interface Boot {
  notebook: ShippedNotebook;
  draft: Draft | null;
  params: Record<string, unknown>;
  /** Code edits carried by the link (run only after the user trusts them). */
  linkCode: Record<string, string> | null;
  present: boolean;
  /** The hash is this tab's own state (a reload), not a link from someone else. */
  own: boolean;
  messages: string[];
}

/** The hash this tab last wrote for its own state: a reload with it is not "opening a link". */
const OWN_HASH = 'tierbook:own-hash';

export function rememberOwnHash(hash: string): void {
  try {
    sessionStorage.setItem(OWN_HASH, hash.replace(/^#/, ''));
  } catch {
    // storage disabled: a reload then behaves like opening the link
  }
}

function isOwnHash(hash: string): boolean {
  try {
    return hash !== '' && sessionStorage.getItem(OWN_HASH) === hash.replace(/^#/, '');
  } catch {
    return false;
  }
}

export async function boot(location: Location): Promise<Boot> {
  const search = new URLSearchParams(location.search);
  const messages: string[] = [];
  // A reload of this tab's own state keeps the local draft (its edits) under the hash's parameters.
  const own = isOwnHash(location.hash);
  // The stdlib chunk loads while the link is decoded and the draft read; the workers start before it lands.
  const stdlib = loadStdlib();
  const decoded = await decodeShareDetailed(location.hash);
  let id = search.get('notebook');
  let params: Record<string, unknown> = {};
  let linkCode: Record<string, string> | null = null;
  if (decoded.ok === true) {
    id = decoded.state.notebook;
    params = decoded.state.params;
    if (decoded.state.code && Object.keys(decoded.state.code).length) linkCode = decoded.state.code;
    if (!NOTEBOOKS.some((n) => n.id === id)) {
      messages.push(t('boot.unknownNotebook', { id: String(id) }));
      params = {};
      linkCode = null;
    }
  } else if (decoded.ok === false) {
    messages.push(t(decoded.reason.key, decoded.reason.params));
  }
  const notebook = notebookById(id);
  setActiveNotebook(notebook.id);
  startEarly(notebook.text, notebook.dataset, params);
  const draft = decoded.ok === true && !own ? null : await loadDraft(notebook.id);
  // A draft that changed the dataset (or added training) starts what it needs too.
  if (draft) startEarly(draft.text, parseNotebook(draft.text).meta.dataset, { ...draft.params, ...params });
  await stdlib;
  return { notebook, draft, params, linkCode, present: search.get('view') === 'present', own, messages };
}

/**
 * What the opening notebook is sure to need, started before the page lays it out, so that it is read
 * while the cells are built: its shipped dataset (the one its parameters name, else `dataset`, its front matter's), and
 * the training worker when a cell trains a model (`trainModel(`). Both are read once per tab, so calling
 * this again only starts what is new. Failures surface later, in the cells that use them.
 */
function startEarly(text: string, dataset: string | undefined, params: Record<string, unknown>): void {
  const named = Object.values(params).find((v): v is string => typeof v === 'string' && SHIPPED_DATASETS.some((d) => d.key === v));
  const key = named ?? dataset;
  if (key) loadShipped(key)?.catch(() => {});
  if (/\btrainModel\s*\(/.test(text)) prewarmTrainWorker();
}
