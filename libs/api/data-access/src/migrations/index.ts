import { InitialSchema1795792303833 } from './1795792303833-initial-schema';

/**
 * Every migration, oldest first. They are listed as classes rather than found by a file glob so
 * that the bundled API, the CLI and the ESM test runner all load the same set.
 */
export const MIGRATIONS = [InitialSchema1795792303833];
