/** The sandbox program (src/sandbox/entry.ts) built as one IIFE string by the Vite plugin in vite.config.ts. */
declare module 'virtual:sandbox-bundle' {
  const code: string;
  export default code;
}
