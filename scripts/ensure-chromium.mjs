// npm test's first step: the HtmlService pages are tested in Debian's headless chromium
// (test/browser). Where it is missing and this is a Debian machine run as root (CI, a fresh
// workplace machine), install it with the Japanese fonts the screenshots need; elsewhere, say how.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasFonts = () => {
  try {
    execSync('dpkg -s fonts-noto-cjk', { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

if (existsSync(CHROMIUM) && (process.env.CHROMIUM_PATH || hasFonts())) process.exit(0);
const root = typeof process.getuid === 'function' && process.getuid() === 0;
if (!root || !existsSync('/usr/bin/apt-get')) {
  console.error(`${CHROMIUM} (and fonts-noto-cjk) missing: install them (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH; the browser tests will fail without it.`);
  process.exit(0);
}
console.log('Installing chromium and fonts-noto-cjk for the browser tests (apt-get)…');
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null', { stdio: 'inherit', shell: '/bin/bash' });
