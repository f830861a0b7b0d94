export type SchemaDifferenceKind =
  | 'missing-table'
  | 'extra-table'
  | 'missing-column'
  | 'extra-column'
  | 'nullability'
  | 'type'
  | 'primary-key'
  | 'missing-enum'
  | 'enum-values';

/** One disagreement between the Prisma schema and the database, with a message for people. */
export interface SchemaDifference {
  kind: SchemaDifferenceKind;
  /** `schema.table` (or the enum's name for enum differences). */
  table: string;
  column?: string;
  message: string;
}
