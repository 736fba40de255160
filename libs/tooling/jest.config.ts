/** @jest-config-loader esbuild-register */
import { jestProject } from './src/jest/preset';

export default jestProject('tooling');
