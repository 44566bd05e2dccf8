import { sql } from 'drizzle-orm';
import type { Database } from '.';

/** A plain PostgreSQL role name: what `grant-app-role` accepts, so nothing odd reaches SQL. */
export const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Gives the app's own role rows to read and write, and nothing more (no DDL), through the
 * function migration 0004 installs. Must run as the owner of the tables; see
 * docs/decisions/006-least-privilege-and-rls.md.
 */
export async function grantAppRole(ownerDb: Database, role: string) {
	if (!ROLE_NAME.test(role)) throw new Error(`not a plain role name: ${role}`);
	await ownerDb.execute(sql`select herstelpad_grant_app_role(${role})`);
}
