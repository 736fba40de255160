/** @jest-config-loader esbuild-register */
import { jestProject } from '../../tooling/src/jest/preset';

export default jestProject('dashboard-exchange', { testEnvironment: 'jsdom' });
