import 'reflect-metadata';
import { loadConfig } from '@tiltak/api-core';
import {
  checkDatabaseServer,
  createDataSource,
  migrateDatabase,
  pendingSchemaChanges,
  revertLastMigration,
  StartupProblem,
} from '@tiltak/api-data-access';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { databaseTarget, openDatabase } from './app/database';

const MIGRATIONS_DIR = 'libs/api/data-access/src/migrations';

const USAGE = `Tiltak's command-line tool. Uses DATABASE_URL, or the embedded PostgreSQL when it is unset.

  migration:run              apply every pending migration
  migration:revert           revert the newest migration
  migration:show             list the migrations and whether each is applied
  migration:create <name>    write an empty migration to fill in by hand
  migration:generate <name>  write a migration with the SQL that brings the schema in line with the entities
`;

async function main(command: string | undefined, name: string | undefined): Promise<void> {
  switch (command) {
    case 'migration:create':
      return writeMigration(requireName(name), [], []);
    case 'migration:run':
    case 'migration:revert':
    case 'migration:show':
    case 'migration:generate':
      return withDatabase(async (url) => {
        if (command === 'migration:run') {
          const applied = await migrateDatabase(url);
          console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
        } else if (command === 'migration:revert') {
          console.log((await revertLastMigration(url)) ? 'Reverted the newest migration.' : 'Nothing to revert.');
        } else if (command === 'migration:show') {
          await showMigrations(url);
        } else {
          await generateMigration(url, requireName(name));
        }
      });
    case undefined:
    default:
      console.log(USAGE);
      if (command) process.exitCode = 2;
  }
}

async function withDatabase(work: (url: string) => Promise<void>): Promise<void> {
  const config = loadConfig(process.env, { dashboardDir: '' });
  const database = await openDatabase(config);
  try {
    await checkDatabaseServer(database.url, databaseTarget(config));
    await work(database.url);
  } finally {
    await database.stop();
  }
}

async function showMigrations(url: string): Promise<void> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    const executed = new Set(
      ((await dataSource.query('SELECT name FROM migration').catch(() => [])) as { name: string }[]).map((r) => r.name),
    );
    for (const migration of dataSource.migrations) {
      const migrationName = migration.name ?? migration.constructor.name;
      console.log(`${executed.has(migrationName) ? '[x]' : '[ ]'} ${migrationName}`);
    }
  } finally {
    await dataSource.destroy();
  }
}

async function generateMigration(url: string, name: string): Promise<void> {
  await migrateDatabase(url);
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    const log = await dataSource.driver.createSchemaBuilder().log();
    if ((await pendingSchemaChanges(dataSource)).length === 0) {
      console.log('The entities and the migrations agree; nothing to generate.');
      return;
    }
    await writeMigration(
      name,
      log.upQueries.map((q) => q.query),
      log.downQueries.map((q) => q.query).reverse(),
    );
  } finally {
    await dataSource.destroy();
  }
}

async function writeMigration(name: string, up: string[], down: string[]): Promise<void> {
  const timestamp = Date.now();
  const className = `${name.replace(/(^|[-_\s]+)(\w)/g, (_, __, c: string) => c.toUpperCase())}${timestamp}`;
  const fileName = `${timestamp}-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.ts`;
  const statements = (queries: string[]) =>
    queries.length
      ? queries.map((q) => `    await db.query(\`${q.replaceAll('`', '\\`')}\`);`).join('\n')
      : '    // TODO';
  const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(db: QueryRunner): Promise<void> {
${statements(up)}
  }

  async down(db: QueryRunner): Promise<void> {
${statements(down)}
  }
}
`;
  const path = join(MIGRATIONS_DIR, fileName);
  await writeFile(path, source, { flag: 'wx' });
  console.log(`Wrote ${path}. Review the SQL, then add ${className} to MIGRATIONS in ${MIGRATIONS_DIR}/index.ts.`);
}

function requireName(name: string | undefined): string {
  if (!name || !/^[A-Za-z][\w-]*$/.test(name)) {
    console.error('Give the migration a name of letters, digits and dashes, for example add-indicators');
    process.exit(2);
  }
  return name;
}

const [command, name] = process.argv.slice(2);
main(command, name).catch((error: unknown) => {
  console.error(error instanceof StartupProblem ? error.message : error);
  process.exit(1);
});
