import { after, before, describe } from 'node:test';
import { openCatalog } from '../../src/store/index.js';
import { postgresUnavailable, startPostgres, type PgServer } from '../helpers/postgres.js';
import { storeSuite } from './suite.js';

const skip = postgresUnavailable();
if (skip) process.stderr.write(`# skipping PostgreSQL store tests: ${skip}\n`);

describe('PostgreSQL store', { skip }, () => {
  let server: PgServer | undefined;
  before(async () => {
    server = await startPostgres();
  });
  after(async () => {
    await server?.stop();
  });
  storeSuite(async () => openCatalog(await (server as PgServer).createDatabase()));
});
