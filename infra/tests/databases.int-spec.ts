import { Client } from 'pg';
import { APP_NAMES, localEndpoints } from '@platform/config';

const endpoints = localEndpoints();

async function asRole<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('the app databases created by infra up', () => {
  it.each(APP_NAMES)(
    'the %s app connects to its own database as its own role, which owns it',
    async (app) => {
      const row = await asRole(endpoints.appDatabaseUrl(app), async (client) => {
        const { rows } = await client.query<{ db: string; role: string; owner: string; superuser: boolean }>(
          `select current_database() as db, current_user as role,
                pg_get_userbyid(d.datdba) as owner, r.rolsuper as superuser
           from pg_database d, pg_roles r
          where d.datname = current_database() and r.rolname = current_user`,
        );
        return rows[0];
      });
      expect(row).toEqual({
        db: endpoints.appDatabase(app),
        role: endpoints.appDatabaseRole(app),
        owner: endpoints.appDatabaseRole(app),
        superuser: false,
      });
    },
  );

  it('does not let the order role open the payment database', async () => {
    const paymentDatabase = endpoints.appDatabase('payment');
    const asOrderRoleInPayment = endpoints
      .appDatabaseUrl('order')
      .replace(new RegExp(`/${endpoints.appDatabase('order')}$`), `/${paymentDatabase}`);
    expect(asOrderRoleInPayment.endsWith(`/${paymentDatabase}`)).toBe(true);
    await expect(
      asRole(asOrderRoleInPayment, (client) => client.query('select * from payments')),
    ).rejects.toMatchObject({
      code: '42501', // insufficient_privilege: "permission denied for database"
    });
  });

  it('gives the order role no CONNECT privilege on the payment database (PUBLIC has none either)', async () => {
    await asRole(endpoints.appDatabaseUrl('order'), async (client) => {
      const { rows } = await client.query<{ allowed: boolean }>(
        `select has_database_privilege(current_user, $1, 'CONNECT') as allowed`,
        [endpoints.appDatabase('payment')],
      );
      expect(rows[0]?.allowed).toBe(false);
    });
  });
});
