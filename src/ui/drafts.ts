/**
 * Local drafts: every edit to a notebook is written to localStorage at once, so a reload or a
 * crash loses nothing typed. Nothing here leaves the browser.
 */
const PREFIX = 'tierbook:draft:';

export function loadDraft(notebookId: string): string | null {
  try {
    return localStorage.getItem(PREFIX + notebookId);
  } catch {
    return null;
  }
}

export function saveDraft(notebookId: string, text: string): void {
  try {
    localStorage.setItem(PREFIX + notebookId, text);
  } catch {
    // Storage full or disabled: the edit stays in memory; nothing else to do.
  }
}

export function clearDraft(notebookId: string): void {
  try {
    localStorage.removeItem(PREFIX + notebookId);
  } catch {
    // ignore
  }
}
