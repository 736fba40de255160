/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';

/** Every project's jest.config.ts, so that `npm test` runs them all in one jest process. */
const config: Config = {
  projects: ['<rootDir>/apps/*/jest.config.ts', '<rootDir>/libs/**/jest.config.ts'],
};

export default config;
