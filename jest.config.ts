/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';

/** Every project's jest.config.ts, so that `npm test` runs them all in one jest process. */
const config: Config = {
  projects: ['<rootDir>/apps/*/jest.config.ts', '<rootDir>/libs/**/jest.config.ts'],
  // A run-wide setting in jest (projects cannot set it): room for the browser tests and sign-in's hashing.
  testTimeout: 30_000,
};

export default config;
