import { createRequire } from 'node:module';
import type { Connection, PoolClient, QueryResult, Submittable } from 'pg';

/** pg's own result builder and parameter serialiser (pg exports lib/*, without types): rows and
 * parameters are read and written exactly as client.query reads and writes them. */
interface PgResult extends QueryResult {
  addFields(fields: unknown): void;
  parseRow(fields: unknown): unknown;
  addRow(row: unknown): void;
  addCommandComplete(message: unknown): void;
}
const requireFromPg = createRequire(__filename);
const Result = requireFromPg('pg/lib/result') as new (
  rowMode: undefined,
  types: Pick<PoolClient, 'getTypeParser'>,
) => PgResult;
const { prepareValue } = requireFromPg('pg/lib/utils') as {
  prepareValue(value: unknown): string | Buffer | null;
};

export interface Statement {
  text: string;
  values?: readonly unknown[];
  /** Prepared once per connection under this name (see preparedName); unnamed statements are parsed every time. */
  name?: string;
}

/**
 * Sends several statements in one write and reads their results in one round trip: each one's
 * Parse (unless prepared on this connection already), Bind, Describe and Execute, then a single
 * Sync. node-postgres alone waits for each statement's answer before sending the next, so a
 * transaction of BEGIN, two writes and COMMIT cost four round trips and four writes to the socket.
 * On a busy 2-core machine each round trip also waits for a PostgreSQL backend to be scheduled, and
 * the transaction holds its locks all the while: bench:messaging went from 1,192 to 1,733 events/s.
 *
 * PostgreSQL runs them in order and stops at the first error: the later ones are skipped up to the
 * Sync, the promise rejects with that error, and an open transaction is left aborted (the caller
 * rolls back). Without a BEGIN among them, the statements up to the Sync form one implicit transaction.
 */
export function queryInOneRoundTrip(
  client: PoolClient,
  statements: readonly Statement[],
): Promise<QueryResult[]> {
  return new Promise((resolve, reject) => {
    client.query(new StatementsInOneRoundTrip(client, statements, resolve, reject));
  });
}

class StatementsInOneRoundTrip implements Submittable {
  private readonly results: PgResult[];
  private current = 0;
  /** The named statements this round parses, in order: each ParseComplete confirms the next one. */
  private readonly parsing: Statement[] = [];
  private readonly onParseComplete = () => {
    const parsed = this.parsing.shift();
    if (parsed?.name) this.connection!.parsedStatements[parsed.name] = parsed.text;
  };
  private connection: ParsingConnection | undefined;
  private settled = false;
  /** Set by pg when the client has a query_timeout: it must hear of the outcome to stop its timer. */
  callback: ((error: Error | null) => void) | undefined;

  constructor(
    client: PoolClient,
    private readonly statements: readonly Statement[],
    private readonly resolve: (results: QueryResult[]) => void,
    private readonly reject: (error: Error) => void,
  ) {
    const types = { getTypeParser: client.getTypeParser.bind(client) };
    this.results = statements.map(() => new Result(undefined, types));
  }

  submit(connection: Connection): Error | null {
    let parameters: (string | Buffer | null)[][];
    try {
      // Serialised before anything is written: a value that cannot be sent fails this call alone.
      parameters = this.statements.map(({ values }) => (values ?? []).map((value) => prepareValue(value)));
    } catch (error) {
      return error as Error;
    }
    const parsing = connection as ParsingConnection;
    this.connection = parsing;
    parsing.on('parseComplete', this.onParseComplete);
    const parsedHere = new Set<string>();
    parsing.stream.cork();
    try {
      this.statements.forEach((statement, index) => {
        const name = statement.name ?? '';
        if (!name || !(name in parsing.parsedStatements || parsedHere.has(name))) {
          parsing.parse({ text: statement.text, name, types: [] }, false);
          this.parsing.push(statement);
          if (name) parsedHere.add(name);
        }
        parsing.bind({ statement: name, values: parameters[index]! }, false);
        parsing.describe({ type: 'P', name: '' }, false);
        parsing.execute({ portal: '' }, false);
      });
      parsing.sync();
    } finally {
      parsing.stream.uncork();
    }
    return null;
  }

  handleRowDescription(message: { fields: unknown }): void {
    this.results[this.current]?.addFields(message.fields);
  }

  handleDataRow(message: { fields: unknown }): void {
    const result = this.results[this.current];
    if (result) result.addRow(result.parseRow(message.fields));
  }

  handleCommandComplete(message: unknown): void {
    this.results[this.current]?.addCommandComplete(message);
    this.current += 1;
  }

  handleEmptyQuery(): void {
    this.current += 1;
  }

  handleError(error: Error): void {
    this.settle(() => (this.callback?.(error), this.reject(error)));
  }

  handleReadyForQuery(): void {
    this.settle(() => (this.callback?.(null), this.resolve(this.results)));
  }

  // pg calls these for COPY and cursors, which statements sent this way never start.
  handlePortalSuspended(): void {}
  handleCopyInResponse(): void {}
  handleCopyData(): void {}

  private settle(outcome: () => void): void {
    if (this.settled) return;
    this.settled = true;
    this.connection?.removeListener('parseComplete', this.onParseComplete);
    outcome();
  }
}

/** pg's Connection keeps, per connection, the named statements PostgreSQL has parsed. */
type ParsingConnection = Connection & { parsedStatements: Record<string, string> };
