// Runs a TypeScript script (demo, bench) under Node: esbuild bundles it to .tools/ and Node runs it.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [file, ...rest] = process.argv.slice(2);
if (!file) throw new Error('usage: node scripts/run-ts.mjs FILE.ts [args]');
mkdirSync('.tools', { recursive: true });
const outfile = join('.tools', `${basename(file, '.ts')}.mjs`);
await build({ entryPoints: [file], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning', packages: 'external' });
process.argv = [process.argv[0], outfile, ...rest];
await import(pathToFileURL(join(process.cwd(), outfile)).href);
