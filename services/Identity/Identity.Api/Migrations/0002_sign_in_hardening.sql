-- Issue 14: no account lock any more (back-off per user name and client address instead), passwords
-- someone else chose must be changed at sign-in, and refresh tokens (stored as SHA-256 only).
alter table accounts drop column failed_attempts;
alter table accounts drop column locked_until;
alter table accounts add column must_change_password boolean not null default false;

create table attempt_throttle (
    purpose text not null,
    user_name text not null,
    client_address text not null,
    attempts int not null,
    last_attempt_at timestamptz not null,
    next_attempt_at timestamptz not null,
    primary key (purpose, user_name, client_address)
);
create index ix_attempt_throttle_last_attempt on attempt_throttle (last_attempt_at);

create table refresh_tokens (
    token_hash text primary key,
    family_id uuid not null,
    user_name text not null,
    issued_at timestamptz not null,
    expires_at timestamptz not null,
    used_at timestamptz null,
    revoked_at timestamptz null
);
create index ix_refresh_tokens_user on refresh_tokens (user_name);
create index ix_refresh_tokens_family on refresh_tokens (family_id);
