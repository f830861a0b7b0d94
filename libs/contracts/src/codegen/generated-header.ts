/** Heads every generated file, so nobody edits one by hand and loses the change on regeneration. */
export const GENERATED_HEADER =
  '// Generated from schemas/*.avsc by `npm run contracts:generate`. Do not edit: change the schema and regenerate.';
