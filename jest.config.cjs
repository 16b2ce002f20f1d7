/** Unit tests of the pure domain, tests of the fake runtime, and end-to-end tests of the BUILT bundle. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
    // HtmlService pages (src/**/*.html) are imported as strings, as the build does.
    '^.+\\.html$': '<rootDir>/test/support/html-transform.cjs',
  },
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json', 'html'],
  testTimeout: 30000,
};
