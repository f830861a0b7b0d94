import { Client } from 'pg';
import { APP_NAMES, localEndpoints } from '@platform/config';

const endpoints = localEndpoints();

describe('the app databases created by infra up', () => {
  it.each(APP_NAMES)('the %s app can connect to its own database', async (app) => {
    const client = new Client({ connectionString: endpoints.databaseUrl(endpoints.appDatabase(app)) });
    await client.connect();
    try {
      const { rows } = await client.query<{ db: string }>('select current_database() as db');
      expect(rows[0]?.db).toBe(app);
    } finally {
      await client.end();
    }
  });
});
