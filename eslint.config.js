// @ts-check
/**
 * ESLint for the project's own code: src/, scripts/, tests/, the Vite and Vitest configs and this file (`npm run lint`,
 * part of `npm test`). typescript-eslint's type-checked recommended rules (about 10 s on two cores), the hooks rules
 * where Preact components live, and every `eslint-disable` comment states its reason.
 */
import js from '@eslint/js';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Calls and members that return a live DOM collection (one that changes while a loop walks it). */
const LIVE_CALL = 'CallExpression[callee.property.name=/^getElementsBy(?:TagName|TagNameNS|ClassName|Name)$/]';
const LIVE_MEMBER = 'MemberExpression[property.name=/^(?:children|childNodes)$/]';
const LIVE_MESSAGE =
  'Iterating a live DOM collection: walk it with an indexed loop (or firstElementChild / nextElementSibling), as the rest of src/extract does.';

export default defineConfig([
  // Build output, reports and scratch files, the docs, and the fixture pages (HTML, not code).
  globalIgnores(['dist*/', 'out/', 'artifacts/', '.scratch/', 'docs/', 'icons/', 'tests/pages/', 'tests/fixtures/']),
  {
    // An eslint-disable comment that no longer disables anything is an error, not a leftover.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // tsconfig.json covers every .ts file; this file is the one JavaScript file, checked with the default project.
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // The codebase's conventions: `_name` for what a destructuring or a signature must name but does not use, and
      // `const { dropped, ...rest } = x` to leave a property out.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The hooks rules read every `use*()` call as a hook. Preact code lives in src/ (and its tests in .tsx files);
    // elsewhere `use*` names other things (tests/e2e's `useSession()` registers Vitest's beforeAll/afterAll).
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // An error, not a warning: `eslint .` passes with warnings, and a missing dependency is a stale-value bug.
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  comments.recommended,
  {
    rules: {
      // Every eslint-disable comment says why: `// eslint-disable-next-line rule -- the reason`.
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: ['eslint-enable'] }],
    },
  },
  {
    // src/extract walks live collections by index: for...of or a spread over one is slow in Chromium, and skips
    // elements when the loop changes the tree. No code there does either. Array.from of a live collection is not
    // forbidden: src/extract has seven, some of them snapshots of a collection the loop then changes.
    files: ['src/extract/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: `ForOfStatement > ${LIVE_CALL}.right`, message: LIVE_MESSAGE },
        { selector: `ForOfStatement > ${LIVE_MEMBER}.right`, message: LIVE_MESSAGE },
        { selector: `SpreadElement > ${LIVE_CALL}.argument`, message: LIVE_MESSAGE },
        { selector: `SpreadElement > ${LIVE_MEMBER}.argument`, message: LIVE_MESSAGE },
      ],
    },
  },
]);
