-- The projects this service knows, built from the project library's ProjectRegistered / ProjectUpdated events.
create table known_projects (
    id uuid primary key,
    name text not null,
    region_code text not null,
    township text null,
    category text not null,
    total_investment numeric(18,2) not null,
    year int not null,
    version bigint not null,
    updated_at timestamptz not null
);
create index ix_known_projects_region on known_projects (region_code);

-- Funding programmes: a kind of policy fund, one year and batch, owned by the region that runs it
-- (140500 for city-wide programmes, a county code for the county's own).
create table programmes (
    id uuid primary key,
    region_code text not null,
    name text not null,
    kind text not null,
    year int not null,
    batch text not null,
    opens_on date not null,
    closes_on date not null check (closes_on >= opens_on),
    eligible_categories text[] not null,
    max_share numeric(5,4) not null check (max_share > 0 and max_share <= 1),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version bigint not null
);
create unique index ux_programmes_batch on programmes (region_code, kind, year, batch);

create table applications (
    id uuid primary key,
    project_id uuid not null references known_projects (id),
    programme_id uuid not null references programmes (id),
    region_code text not null,
    township text null,
    project_name text not null,
    programme_kind text not null,
    year int not null,
    requested_amount numeric(18,2) not null check (requested_amount > 0),
    materials text[] not null,
    status text not null,
    approved_amount numeric(18,2) null check (approved_amount >= 0),
    approved_on date null,
    decision_note text null,
    submitted_on date null,
    bond_annual_revenue numeric(18,2)[] null,
    bond_financing_cost numeric(18,2) null,
    bond_principal numeric(18,2) null,
    bond_years int null,
    bond_rate numeric(7,6) null,
    bond_coverage numeric(9,4) null,
    bond_min_coverage numeric(9,4) null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version bigint not null
);
-- one application per project per programme batch (a programme is one kind, year and batch)
create unique index ux_applications_project_programme on applications (project_id, programme_id);
create index ix_applications_region_year on applications (region_code, year);
create index ix_applications_programme_status on applications (programme_id, status);

-- 资金下达 (allocation) and 支付 (disbursement), each dated.
create table transfers (
    id uuid primary key,
    application_id uuid not null references applications (id),
    region_code text not null,
    kind text not null,
    amount numeric(18,2) not null check (amount > 0),
    on_date date not null,
    document text null,
    recorded_at timestamptz not null
);
create index ix_transfers_application on transfers (application_id);
