-- Targets the city sets for its districts (and counties for their townships), per period and metric.
create table targets (
    id uuid primary key,
    level text not null,                 -- city | district | township
    region_code text not null,
    township text not null default '',   -- '' unless level = township, so the natural key stays unique
    period text not null,                -- 2024, 2024-Q1 or 2024-03
    metric text not null,
    amount numeric(18,2) not null check (amount >= 0),
    note text null,
    set_by text not null,
    updated_at timestamptz not null,
    version bigint not null,
    unique (period, metric, level, region_code, township)
);
create index ix_targets_region on targets (region_code, period);

-- Read models: built only from other services' events, rebuildable by replaying city_events.
create table project_views (
    project_id uuid primary key,
    region_code text not null,
    township text null,
    registered boolean not null default false,
    name text not null default '',
    category text null,
    nature text null,
    stage text not null default 'reserve',
    industry text null,
    total_investment numeric(18,2) not null default 0,
    annual_planned_investment numeric(18,2) not null default 0,
    year int not null default 0,
    key_level text not null default 'none',
    is_private_investment boolean not null default false,
    is_industrial boolean not null default false,
    planned_start_date date null,
    actual_start_date date null,
    planned_finish_date date null,
    actual_finish_date date null,
    leader_in_charge text null,
    responsible_unit text null,
    national_code text null,
    statistics_code text null,
    ready_to_start boolean not null default false,
    approvals_completed_on date null,
    included_on date null,
    from_deal_id uuid null,
    version bigint not null default 0,
    stage_version bigint not null default 0,
    approvals_version bigint not null default 0,
    inclusion_version bigint not null default 0,
    updated_at timestamptz not null
);
create index ix_project_views_region_year on project_views (region_code, year);
create index ix_project_views_not_started on project_views (planned_start_date) where actual_start_date is null;
create index ix_project_views_leader on project_views (leader_in_charge) where leader_in_charge is not null;

-- Monthly figures per project: the project office's 调度数 (progress) and the bureau's 统计数 (statistics).
create table project_figures (
    project_id uuid not null,
    source text not null,                -- progress | statistics
    period text not null,                -- 2025-03
    completed_investment numeric(18,2) not null,
    year_to_date numeric(18,2) null,
    version bigint not null,
    primary key (project_id, source, period)
);

create table problem_views (
    problem_id uuid primary key,
    project_id uuid not null,
    region_code text not null,
    title text null,
    level text null,
    status text not null,                -- raised | assigned | escalated | closed
    department text null,
    assignee text null,
    due_date date null,
    resolution text null,
    version bigint not null,
    updated_at timestamptz not null
);
create index ix_problem_views_open on problem_views (region_code) where status <> 'closed';

create table approval_views (
    item_id uuid primary key,
    project_id uuid not null,
    region_code text not null,
    procedure_code text not null,
    procedure_name text not null,
    agency text not null,
    decision text not null,
    decided_on date not null,
    version bigint not null
);
create index ix_approval_views_project on approval_views (project_id);

create table deal_views (
    deal_id uuid primary key,
    region_code text not null,
    name text not null default '',
    amount numeric(18,2) not null default 0,
    signed_on date null,
    industry text null,
    project_id uuid null,
    version bigint not null default 0
);

create table funds_arrivals (
    funds_id uuid primary key,
    deal_id uuid not null,
    project_id uuid null,
    region_code text not null,
    amount numeric(18,2) not null,
    arrived_on date not null,
    version bigint not null
);

create table funding_views (
    application_id uuid primary key,
    project_id uuid not null,
    region_code text not null,
    programme_kind text not null,
    year int not null,
    approved_amount numeric(18,2) not null,
    approved_on date not null,
    version bigint not null
);

-- Disbursements add up, so each is its own row (application, version): order of arrival does not matter.
create table funding_disbursements (
    application_id uuid not null,
    version bigint not null,
    project_id uuid not null,
    region_code text not null,
    programme_kind text not null,
    amount numeric(18,2) not null,
    disbursed_on date not null,
    primary key (application_id, version)
);

-- The aggregate the overview reads: one row per region, period key (month, quarter, year) and metric,
-- kept current by the consumers with additive upserts, so a request never scans projects.
create table region_actuals (
    region_code text not null,
    period text not null,
    metric text not null,
    amount numeric(18,2) not null,
    primary key (period, metric, region_code)
);

-- Append-only journal of every applied event, in commit order (see Journal.cs for how position is assigned).
create table city_events (
    position bigint primary key,
    message_id uuid not null,
    event_type text not null,
    region_code text not null,
    project_id uuid null,
    occurred_at timestamptz not null,
    recorded_at timestamptz not null default now(),
    body jsonb not null
);
create index ix_city_events_region on city_events (region_code, position);
