import { createHash, randomBytes, randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { authSchema } from "./auth-schema";
import type { RoleName } from "./roles";

// The REST API's keys: per tenant, with a role, shown once. Only a SHA-256 of each key is
// stored: a key is 256 random bits, so a fast hash is as safe as a slow one and costs nothing per
// request, and a copy of the table lets no one call the API.

const table = sql.table(`${authSchema}.api_key`);
const keyPrefix = "remit_";

/** An API key as the team page lists it: never the key itself. */
export type ApiKeyRecord = {
  id: string;
  tenantId: string;
  name: string;
  role: RoleName;
  /** The key's first characters, to tell keys apart (`remit_AbC1…`). */
  start: string;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
};

type ApiKeyRow = {
  id: string;
  tenant_id: string;
  name: string;
  role: RoleName;
  start: string;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
};

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    role: row.role,
    start: row.start,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
  };
}

function hashOf(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function createApiKeys(db: Kysely<unknown>) {
  return {
    async migrate(): Promise<void> {
      await sql`create table if not exists ${table} (
        id text primary key,
        tenant_id text not null,
        name text not null,
        role text not null,
        start text not null,
        key_hash text not null unique,
        created_by text not null,
        created_at timestamptz not null default now(),
        revoked_at timestamptz
      )`.execute(db);
      await sql`create index if not exists api_key_tenant_idx on ${table} (tenant_id, created_at)`.execute(
        db,
      );
    },

    /** A new key for the tenant: the record, and the key itself, which is never shown again. */
    async create(input: {
      tenantId: string;
      name: string;
      role: RoleName;
      createdBy: string;
    }): Promise<{ key: string; record: ApiKeyRecord }> {
      const key = `${keyPrefix}${randomBytes(32).toString("base64url")}`;
      const { rows } = await sql<ApiKeyRow>`
        insert into ${table} (id, tenant_id, name, role, start, key_hash, created_by)
        values (${randomUUID()}, ${input.tenantId}, ${input.name}, ${input.role},
                ${key.slice(0, keyPrefix.length + 4)}, ${hashOf(key)}, ${input.createdBy})
        returning *`.execute(db);
      return { key, record: toRecord(rows[0] as ApiKeyRow) };
    },

    /** The tenant's keys, newest first, revoked ones included. */
    async list(tenantId: string): Promise<ApiKeyRecord[]> {
      const { rows } = await sql<ApiKeyRow>`
        select * from ${table} where tenant_id = ${tenantId} order by created_at desc`.execute(db);
      return rows.map(toRecord);
    },

    /** Revokes one of the tenant's keys; `false` when the tenant has no such key. */
    async revoke(tenantId: string, id: string): Promise<boolean> {
      const { rows } = await sql`
        update ${table} set revoked_at = coalesce(revoked_at, now())
        where tenant_id = ${tenantId} and id = ${id} returning id`.execute(db);
      return rows.length > 0;
    },

    /** The live key a caller presented, or `undefined` for an unknown or revoked one. */
    async verify(key: string): Promise<ApiKeyRecord | undefined> {
      if (!key.startsWith(keyPrefix) || key.length > 200) return undefined;
      const { rows } = await sql<ApiKeyRow>`
        select * from ${table} where key_hash = ${hashOf(key)} and revoked_at is null`.execute(db);
      return rows[0] ? toRecord(rows[0]) : undefined;
    },
  };
}

export type ApiKeys = ReturnType<typeof createApiKeys>;
