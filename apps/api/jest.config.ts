/** @jest-config-loader esbuild-register */
import { jestProject } from '../../libs/tooling/src/jest/preset';

export default jestProject('api', { database: true });
