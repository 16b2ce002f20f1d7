// Lint: typescript-eslint's recommended rules, and Apps Script services allowed only in src/gas
// (the adapters). The domain and the use cases cannot touch them by accident.
import tseslint from 'typescript-eslint';

const APPS_SCRIPT_SERVICES = [
  'SpreadsheetApp', 'FormApp', 'MailApp', 'GmailApp', 'ScriptApp', 'LockService', 'PropertiesService',
  'CacheService', 'Session', 'Utilities', 'DriveApp', 'HtmlService', 'Logger', 'UrlFetchApp', 'Browser',
].map((name) => ({ name, message: 'Apps Script services belong in src/gas/ (adapters) only.' }));

export default tseslint.config(
  { ignores: ['build/', 'out/', '.tools/', 'node_modules/'] },
  ...tseslint.configs.recommended,
  {
    // Parameters a fake keeps for the real signature are named with a leading underscore.
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...APPS_SCRIPT_SERVICES] },
  },
  {
    files: ['src/gas/**/*.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts', 'scripts/**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
