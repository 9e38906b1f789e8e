import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ConsoleSize {
  loginPageFiles: { file: string; bytes: number; gzipBytes: number }[];
  loginPageGzipBytes: number;
  loginPageBytes: number;
  appFiles: number;
  appGzipBytes: number;
  appBytes: number;
}

const gz = (buf: Buffer) => gzipSync(buf).length; // zlib's default level, as Vite's build report

/** Static imports in a built chunk (`import{a}from"./x.js"`, `import"./x.js"`, `export…from`), not `import()`. */
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+\.js)["']/g;

/**
 * What the login page makes the browser download: the module scripts and modulepreload links of
 * index.html and, recursively, the chunks they import statically. Dynamic imports (the
 * react-admin app, fetched after login) are not followed. The whole app is every JS file built.
 */
export function consoleSize(dist: string): ConsoleSize {
  const indexHtml = join(dist, 'index.html');
  if (!existsSync(indexHtml)) throw new Error(`${indexHtml} is missing: run \`npm run build -w console\` first`);
  const html = readFileSync(indexHtml, 'utf8');
  const entries = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
  ].map((p) => p.replace(/^\//, ''));
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(join(dist, file))) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) {
      if (!m[1].startsWith('.') && !m[1].startsWith('/')) continue;
      queue.push(m[1].startsWith('/') ? m[1].slice(1) : posix.join(posix.dirname(file), m[1]));
    }
  }
  const loginPageFiles = [...seen].map((file) => {
    const buf = readFileSync(join(dist, file));
    return { file, bytes: buf.length, gzipBytes: gz(buf) };
  });
  const all: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.js')) all.push(join(dir, e.name));
    }
  };
  walk(dist);
  const appBufs = all.map((f) => readFileSync(f));
  return {
    loginPageFiles,
    loginPageGzipBytes: loginPageFiles.reduce((s, f) => s + f.gzipBytes, 0),
    loginPageBytes: loginPageFiles.reduce((s, f) => s + f.bytes, 0),
    appFiles: all.length,
    appGzipBytes: appBufs.reduce((s, b) => s + gz(b), 0),
    appBytes: appBufs.reduce((s, b) => s + b.length, 0),
  };
}
