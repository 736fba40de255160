/** @jest-config-loader esbuild-register */
import { jestProject } from '../../libs/tooling/src/jest/preset';

// Browser tests run against the production build (`npm test` builds it first) and a real Chromium.
export default jestProject('dashboard-e2e', {
  database: true,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
});
