#!/usr/bin/env node
// Bundles the extension with esbuild:
//   client/src/extension.ts → dist/client.js   (cjs, node, `vscode` external)
//   server/src/server.ts    → dist/server.js
//   server/src/cli.ts       → dist/cli.js
// Flags: --watch (rebuild on change), --production (minify), --outdir DIR (default dist), --quiet.
// Also usable programmatically: `import { build } from './build.mjs'; await build({ outdir })`.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const ENTRIES = {
  client: 'client/src/extension.ts',
  server: 'server/src/server.ts',
  cli: 'server/src/cli.ts',
};

function options({ outdir, production }) {
  return {
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, src]) => [name, join(root, src)])),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    sourcemap: true,
    sourcesContent: !production,
    minify: !!production,
    keepNames: true,
    logLevel: 'silent',
    mainFields: ['module', 'main'],
  };
}

/** Build once (or start watching). Returns esbuild's result (or the watch context). */
export async function build({ outdir = join(root, 'dist'), production = false, watch = false, quiet = false } = {}) {
  const opts = options({ outdir: resolve(root, outdir), production });
  const log = (m) => { if (!quiet) console.log(m); };
  if (watch) {
    const ctx = await esbuild.context({
      ...opts,
      plugins: [{
        name: 'report',
        setup(b) {
          let t0 = 0;
          b.onStart(() => { t0 = Date.now(); });
          b.onEnd((r) => {
            for (const e of r.errors) console.error(formatMessage(e));
            log(`[build] ${r.errors.length ? 'failed' : 'ok'} in ${Date.now() - t0} ms (watching)`);
          });
        },
      }],
    });
    await ctx.watch();
    return ctx;
  }
  const t0 = Date.now();
  try {
    const result = await esbuild.build(opts);
    log(`[build] ${Object.keys(ENTRIES).map((n) => `${n}.js`).join(', ')} → ${opts.outdir} in ${Date.now() - t0} ms${production ? ' (production)' : ''}`);
    return result;
  } catch (e) {
    for (const m of e.errors ?? []) console.error(formatMessage(m));
    throw new Error('build failed');
  }
}

function formatMessage(m) {
  const loc = m.location ? `${m.location.file}:${m.location.line}:${m.location.column + 1}: ` : '';
  return `${loc}error: ${m.text}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outIdx = args.indexOf('--outdir');
  build({
    watch: args.includes('--watch'),
    production: args.includes('--production'),
    quiet: args.includes('--quiet'),
    outdir: outIdx >= 0 ? args[outIdx + 1] : undefined,
  }).catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
