/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';

/** Every project's jest.config.ts, so that `npm test` runs them all in one jest process. */
const config: Config = {
  projects: ['<rootDir>/apps/*/jest.config.ts', '<rootDir>/libs/**/jest.config.ts'],
  // A run-wide setting in jest (projects cannot set it): room for the browser tests, sign-in's
  // hashing, and an API starting on a fresh database while the CI machine's two cores are busy.
  testTimeout: 60_000,
};

export default config;
