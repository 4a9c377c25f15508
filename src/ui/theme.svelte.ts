/** Light or dark theme: follows the system until the user picks one; the choice is remembered. */
const KEY = 'tierbook:theme';

function initial(): 'light' | 'dark' {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // storage disabled
  }
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const theme = $state({ value: initial() });

function apply(value: 'light' | 'dark') {
  document.documentElement.dataset.theme = value;
}
apply(theme.value);

export function setTheme(value: 'light' | 'dark') {
  theme.value = value;
  apply(value);
  try {
    localStorage.setItem(KEY, value);
  } catch {
    // storage disabled
  }
}
