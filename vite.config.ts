/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { defineConfig, build, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * `virtual:sandbox-bundle`: src/sandbox/entry.ts built as one IIFE string, inlined into the
 * sandboxed iframe that runs untrusted notebook code (an opaque-origin document cannot load the
 * app's module scripts, and must not fetch anything).
 */
/** CSP hash source of the sandbox's inline script, for the app's policy (srcdoc documents inherit it). */
let sandboxScriptHash = '';

function sandboxBundle(): Plugin {
  const id = 'virtual:sandbox-bundle';
  return {
    name: 'tierbook-sandbox-bundle',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      const out = await build({
        configFile: false,
        logLevel: 'warn',
        define: { 'process.env.NODE_ENV': '"production"' },
        build: {
          write: false,
          minify: true,
          target: 'es2022',
          lib: { entry: 'src/sandbox/entry.ts', formats: ['iife'], name: 'TierbookSandbox', fileName: () => 'sandbox.js' },
        },
      });
      const outputs = Array.isArray(out) ? out : [out];
      const chunk = outputs.flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
      if (!chunk || chunk.type !== 'chunk') throw new Error('sandbox bundle: no output');
      // Inline as <script>…</script>: no "</script" may appear inside.
      const code = chunk.code.replace(/<\/script/gi, '<\\/script');
      sandboxScriptHash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
      return `export default ${JSON.stringify(code)};`;
    },
  };
}

/**
 * The app's Content-Security-Policy (production build): scripts only from the app's origin
 * ('unsafe-eval' compiles the notebook's own trusted cells; 'wasm-unsafe-eval' runs tfjs's wasm),
 * no plugins, no foreign frames. `connect-src https:` lets a user load their own data by URL;
 * untrusted notebook code never runs here — it runs in a sandboxed iframe with no network at all.
 */
const csp = () => [
  "default-src 'self'",
  `script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'${sandboxScriptHash ? ` ${sandboxScriptHash}` : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data: https:",
  "worker-src 'self' blob:",
  "frame-src 'self' about: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'tierbook-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp()}" />`),
    },
  };
}

export default defineConfig({
  // Relative base: dist/ works from any sub-path of any static host.
  base: './',
  plugins: [svelte(), sandboxBundle(), contentSecurityPolicy()],
  worker: { format: 'es' },
  optimizeDeps: {
    include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', 'comlink', '@observablehq/plot', 'apache-arrow'],
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
