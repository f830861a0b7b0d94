import { PrismaPg } from '@prisma/adapter-pg';

/** The constructor of a client made by the `prisma-client` generator. */
export type PrismaClientConstructor<Client> = new (options: { adapter: PrismaPg }) => Client;

/**
 * Builds a generated Prisma client on the node-postgres driver adapter: with an adapter Prisma
 * needs no native query engine, which these machines cannot download. `schema` is the
 * PostgreSQL schema for models without @@schema (default: public).
 */
export function createPrismaClient<Client>(
  PrismaClient: PrismaClientConstructor<Client>,
  databaseUrl: string,
  { schema }: { schema?: string } = {},
): Client {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl }, schema ? { schema } : undefined),
  });
}
