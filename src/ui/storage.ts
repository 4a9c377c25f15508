/**
 * Local persistence in IndexedDB: each notebook's draft (its text as edited and its parameter
 * values), saved on every change so a reload or a crash loses nothing typed. Nothing here leaves
 * the browser. Falls back to memory when IndexedDB is unavailable (private windows, tests).
 */
export interface Draft {
  notebookId: string;
  text: string;
  params: Record<string, unknown>;
  savedAt: number;
}

const DB = 'tierbook';
const STORE = 'drafts';
const memory = new Map<string, Draft>();
let dbPromise: Promise<IDBDatabase | null> | null = null;

function open(): Promise<IDBDatabase | null> {
  dbPromise ??= new Promise((resolve) => {
    try {
      const request = indexedDB.open(DB, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'notebookId' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return dbPromise;
}

function run<T>(mode: IDBTransactionMode, f: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
  return open().then(
    (db) =>
      new Promise<T | undefined>((resolve) => {
        if (!db) return resolve(undefined);
        try {
          const request = f(db.transaction(STORE, mode).objectStore(STORE));
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => resolve(undefined);
        } catch {
          resolve(undefined);
        }
      }),
  );
}

export async function loadDraft(notebookId: string): Promise<Draft | null> {
  const stored = await run<Draft>('readonly', (s) => s.get(notebookId) as IDBRequest<Draft>);
  return stored ?? memory.get(notebookId) ?? null;
}

/** Save now (the caller debounces). Parameters must be structured-clonable (they are: JSON-like). */
export async function saveDraft(draft: Draft): Promise<void> {
  memory.set(draft.notebookId, draft);
  await run('readwrite', (s) => s.put(draft));
}

export async function deleteDraft(notebookId: string): Promise<void> {
  memory.delete(notebookId);
  await run('readwrite', (s) => s.delete(notebookId));
}

/** "Erase all local data": every draft, and every other key this app stored. */
export async function eraseAll(): Promise<void> {
  memory.clear();
  await run('readwrite', (s) => s.clear());
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith('tierbook:')) localStorage.removeItem(key);
  } catch {
    // storage disabled
  }
}
