// @ts-check
import js from '@eslint/js';
import jsdoc from 'eslint-plugin-jsdoc';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'docs-site/**', 'node_modules/**', 'coverage/**', '*.tgz'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The library itself: documented, pure, no clock and no randomness.
    files: ['src/**/*.ts'],
    plugins: { jsdoc },
    settings: { jsdoc: { mode: 'typescript', tagNamePreference: { template: 'typeParam' } } },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Take `asOf`/`now` as an argument (DESIGN.md: Time).' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Use the seeded generator of src/core/random.ts (DESIGN.md: Determinism).' },
        { selector: "NewExpression[callee.name='Function']", message: 'Rules are compiled to closures, never to code (DESIGN.md: Rules are data).' },
        { selector: "CallExpression[callee.name='eval']", message: 'Never eval (DESIGN.md: Rules are data).' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'new Date() reads the clock; take `asOf` as an argument.' },
      ],
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'http', 'https', 'child_process'], message: 'jornada is a pure library: no I/O.' }] }],
      'jsdoc/require-jsdoc': [
        'error',
        {
          publicOnly: true,
          require: { FunctionDeclaration: true, ClassDeclaration: true, MethodDefinition: false },
          contexts: ['TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'ExportNamedDeclaration > VariableDeclaration'],
        },
      ],
      'jsdoc/require-example': ['error', { contexts: ['ExportNamedDeclaration > FunctionDeclaration', 'ExportNamedDeclaration > ClassDeclaration'], exemptedBy: ['internal'] }],
      'jsdoc/require-param': ['error', { contexts: ['ExportNamedDeclaration > FunctionDeclaration'], checkDestructured: false }],
      'jsdoc/require-returns': ['error', { contexts: ['ExportNamedDeclaration > FunctionDeclaration'], exemptedBy: ['internal'] }],
      'jsdoc/check-param-names': ['error', { checkDestructured: false }],
      'jsdoc/no-types': 'error',
      'jsdoc/check-tag-names': ['error', { definedTags: ['category', 'typeParam', 'internal', 'module', 'remarks', 'defaultValue', 'packageDocumentation', 'see', 'throws'] }],
    },
  },
  {
    // Internal helpers need not carry examples.
    files: ['src/core/**/*.ts'],
    rules: { 'jsdoc/require-example': 'off', 'jsdoc/require-returns': 'off', 'jsdoc/require-param': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
