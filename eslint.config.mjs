import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

const services = ['identity', 'ingestion', 'report-engine', 'notifications', 'ml-scoring', 'voc-signals'];

// Layering: contracts are leaves, platform libs build on contracts and utils, services sit on top.
const typeConstraints = [
  {
    sourceTag: 'type:service',
    onlyDependOnLibsWithTags: ['type:platform', 'type:contract', 'type:util', 'type:testing'],
  },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:contract', 'type:util'] },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:platform', 'type:contract', 'type:util', 'type:testing'],
  },
  { sourceTag: 'type:contract', onlyDependOnLibsWithTags: ['type:contract', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
];
// Ownership: a service sees only itself and shared code, so services never import each other.
const scopeConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  ...services.map((s) => ({
    sourceTag: `scope:${s}`,
    onlyDependOnLibsWithTags: [`scope:${s}`, 'scope:shared'],
  })),
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.local', '**/.nx', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [...typeConstraints, ...scopeConstraints],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // Domain code is pure: deciders, events and errors must run without any framework or driver.
    files: ['**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*'],
              message: 'domain/ is framework-free: move Nest code to use-cases/ or adapters.',
            },
            {
              group: ['mongoose', 'mongodb'],
              message: 'domain/ is framework-free: persistence belongs in projections/ or adapters.',
            },
            { group: ['kafkajs'], message: 'domain/ is framework-free: messaging belongs in integration/.' },
            { group: ['pg', 'pg-*'], message: 'domain/ is framework-free: storage belongs in adapters.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests of any project may use the testing lib (real infrastructure, process supervisor);
      // production code may not. Ownership (scope) rules stay as strict as for the code itself.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            ...typeConstraints.map((c) => ({
              ...c,
              onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:testing'],
            })),
            ...scopeConstraints,
          ],
        },
      ],
    },
  },
  prettier,
];
