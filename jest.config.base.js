// Shared Jest settings: TypeScript as native ESM (run with --experimental-vm-modules),
// workspace libs resolved to their sources so tests never depend on a prior build.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export function jestConfig(overrides = {}) {
  return {
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    moduleNameMapper: {
      '^@hunan-perf/(contracts|metrics|report-parser)$': `${root}libs/$1/src/index.ts`,
      '^@hunan-perf/migrations$': `${root}migrations/src/index.ts`,
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: { isolatedModules: true, sourceMap: true } }] },
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    ...overrides,
  };
}
