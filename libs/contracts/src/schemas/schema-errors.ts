/** A schema file that cannot become a registered contract; the message names the file and the rule. */
export class SchemaDefinitionError extends Error {
  readonly code = 'SCHEMA_DEFINITION_INVALID';

  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'SchemaDefinitionError';
  }
}
