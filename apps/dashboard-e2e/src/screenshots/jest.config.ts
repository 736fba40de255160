/** @jest-config-loader esbuild-register */
import { jestProject } from '../../../../libs/tooling/src/jest/preset';

// `npm run screenshots`: the README's pictures, taken from the production build with the demo
// programme. Kept out of `npm test`, which would otherwise rewrite committed files on every run.
export default jestProject('dashboard-screenshots', {
  database: true,
  testMatch: ['<rootDir>/*.screenshots.ts'],
  testTimeout: 120_000,
});
