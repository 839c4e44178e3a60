/**
 * The constraint a database error violated, when its SQLSTATE is `sqlState` (`23505` unique,
 * `23P01` exclusion); null for any other error. node-postgres and PGlite both report `code` and
 * `constraint`, Drizzle may wrap them in `cause`.
 */
export function violatedConstraint(err: unknown, sqlState: '23505' | '23P01'): string | null {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === sqlState) return typeof constraint === 'string' ? constraint : '';
  }
  return null;
}
