// The default restricted patterns of @backstage/cli, repeated because an override replaces them.
const defaultPatterns = [
  {
    group: ['*.stories*', '*.test*', '**/__testUtils__/**', '**/__mocks__/**'],
  },
];

// Import rules of docs/architecture.md that a linter can say while typing; src/architecture.test.ts
// checks all of them (cycles included) over the whole import graph.
module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      files: ['src/contracts/*.ts'],
      excludedFiles: ['*.test.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...defaultPatterns,
              {
                group: ['../*'],
                message:
                  'contracts/ is a pure library: it imports itself and the common package only',
              },
            ],
          },
        ],
      },
    },
    {
      files: ['src/processing/*.ts'],
      excludedFiles: ['*.test.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...defaultPatterns,
              {
                group: ['../service', '../service/*'],
                message: 'processing/ never calls back up into service/',
              },
            ],
          },
        ],
      },
    },
  ],
});
