// Bundles src/ into build/Code.js as one classic script for Apps Script.
// esbuild emits an IIFE assigned to a single global (`BansouNet`); Apps Script only sees
// top-level `function` declarations as runnable (menus, triggers, the editor), so for every
// export of src/main.ts we append `function name(...args) { return BansouNet.name(...args); }`.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build');
const GLOBAL = 'BansouNet';

const common = {
  entryPoints: [join(root, 'src/main.ts')],
  bundle: true,
  target: 'es2020',
  platform: 'neutral',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
  // HtmlService pages live in their own .html files (openable in a browser); they are bundled as strings.
  loader: { '.html': 'text' },
};

// 1. Learn the entry points: the names src/main.ts exports.
const probe = await build({ ...common, format: 'esm', write: false, metafile: true, outfile: 'probe.js' });
const exportsOf = Object.values(probe.metafile.outputs).flatMap((o) => o.exports ?? []);
const entryPoints = [...new Set(exportsOf)].sort();
if (entryPoints.length === 0) throw new Error('src/main.ts exports no entry points');

// 2. The bundle itself.
const result = await build({ ...common, format: 'iife', globalName: GLOBAL, write: false, outfile: 'Code.js' });
const bundle = result.outputFiles[0].text;
if (/^\s*(import|export)\s/m.test(bundle)) throw new Error('bundle still contains import/export');

const stubs = entryPoints
  .map((name) => `function ${name}(...args) { return ${GLOBAL}.${name}(...args); }`)
  .join('\n');
const code = `// Built by scripts/build.mjs from src/: do not edit, run \`npm run build\`.\n${bundle}\n// Entry points (SPEC §6): top-level functions for menus, triggers and the editor.\n${stubs}\n`;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'Code.js'), code);
copyFileSync(join(root, 'appsscript.json'), join(out, 'appsscript.json'));
// Only Code.js and appsscript.json go to Apps Script (rootDir build/).
const bytes = Buffer.byteLength(code);
console.log(`build/Code.js: ${bytes} bytes, ${entryPoints.length} entry points (${entryPoints.join(', ')})`);
