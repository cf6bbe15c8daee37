create table accounts (
    user_name text primary key,
    display_name text not null,
    password_hash text not null,
    region_code text not null,
    role text not null,
    township text null,
    agency text null,
    enabled boolean not null default true,
    failed_attempts int not null default 0,
    locked_until timestamptz null,
    last_login_at timestamptz null,
    created_at timestamptz not null default now(),
    version bigint not null default 1
);
create index ix_accounts_region_role on accounts (region_code, role);
