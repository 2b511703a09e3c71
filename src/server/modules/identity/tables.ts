import type { Generated } from 'kysely';
import type { Role } from '../../platform/auth/actor.js';

export interface AgenciesTable {
  id: string;
  name: string;
  short_name: string | null;
  uscc: string;
  region_code: string;
  parent_id: string | null;
  nature: Generated<string>;
  address: string | null;
  phone: string | null;
  created_at: Generated<Date>;
}
export interface UsersTable {
  id: Generated<string>;
  kind: 'person' | 'staff';
  login: string;
  name: string;
  id_card: string | null;
  phone: string | null;
  email: string | null;
  agency_id: string | null;
  password_hash: string | null;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  password_changed_at: Date | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}
export interface EnterprisesTable {
  id: Generated<string>;
  uscc: string;
  name: string;
  legal_rep_user_id: string | null;
  legal_rep_name: string;
  region_code: string;
  address: string | null;
  created_at: Generated<Date>;
}
export interface RoleGrantsTable {
  user_id: string;
  role: Role;
  agency_id: string;
  granted_at: Generated<Date>;
}
export interface EnterpriseAuthorizationsTable {
  id: Generated<string>;
  enterprise_id: string;
  agent_user_id: string;
  granted_by: string;
  item_codes: string[] | null;
  valid_from: Generated<Date>;
  valid_until: Date | string;
  revoked_at: Date | null;
  revoked_by: string | null;
  created_at: Generated<Date>;
}
export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  enterprise_id: string | null;
  authorization_id: string | null;
  method: string;
  created_at: Generated<Date>;
  expires_at: Date;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

declare module '../../platform/db/types.js' {
  interface Database {
    agencies: AgenciesTable;
    users: UsersTable;
    enterprises: EnterprisesTable;
    role_grants: RoleGrantsTable;
    enterprise_authorizations: EnterpriseAuthorizationsTable;
    sessions: SessionsTable;
  }
}

export interface IdentitySecretsTable {
  name: string;
  value: unknown;
  created_at: Generated<Date>;
}
export interface OidcPayloadsTable {
  model: string;
  id: string;
  payload: unknown;
  grant_id: string | null;
  user_code: string | null;
  uid: string | null;
  expires_at: Date | null;
  consumed_at: Date | null;
}
export interface OidcLoginStatesTable {
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  expires_at: Date;
  created_at: Generated<Date>;
}
export interface OtpChallengesTable {
  id: Generated<string>;
  phone: string;
  code_hash: string;
  expires_at: Date;
  attempts: Generated<number>;
  consumed_at: Date | null;
  ip: string | null;
  created_at: Generated<Date>;
}

declare module '../../platform/db/types.js' {
  interface Database {
    identity_secrets: IdentitySecretsTable;
    oidc_payloads: OidcPayloadsTable;
    oidc_login_states: OidcLoginStatesTable;
    otp_challenges: OtpChallengesTable;
  }
}
