-- pg_trgm gives similarity() and trigram indexes for duplicate names (it works on CJK text with a UTF-8 ctype).
create extension if not exists pg_trgm;

-- The local view of the project library's projects, fed by its events only.
create table project_views (
    id uuid primary key,
    name text not null,
    normalized_name text not null,
    region_code text not null,
    township text null,
    stage text not null,
    total_investment numeric(18,2) not null,
    national_code text null,
    statistics_code text null,
    actual_start_date date null,
    has_details boolean not null,
    version bigint not null,
    updated_at timestamptz not null
);
create index ix_project_views_region_stage on project_views (region_code, stage);
create index ix_project_views_national_code on project_views (national_code) where national_code is not null;
create index ix_project_views_name_trgm on project_views using gin (normalized_name gin_trgm_ops);

-- 入库纳统 applications and decisions.
create table inclusions (
    id uuid primary key,
    project_id uuid not null references project_views (id),
    region_code text not null,
    township text null,
    project_name text not null,
    status text not null,
    main_construction_content text not null,
    construction_contract text not null,
    site_photos text[] not null,
    approval_document text null,
    substitute_kind text null,
    substitute_reference text null,
    substitute_explanation text null,
    note text null,
    applicant text not null,
    submitted_at timestamptz not null,
    statistics_code text null,
    decided_by text null,
    decided_at timestamptz null,
    decided_on date null,
    rejection_reason text null,
    version bigint not null,
    updated_at timestamptz not null
);
-- 不重不漏: one approved inclusion and one open application per project, a statistics code used once.
create unique index ux_inclusions_one_approved on inclusions (project_id) where status = 'Approved';
create unique index ux_inclusions_one_open on inclusions (project_id) where status = 'Submitted';
create unique index ux_inclusions_statistics_code on inclusions (statistics_code) where status = 'Approved';
create index ix_inclusions_region_status on inclusions (region_code, status);

-- 统计数: the bureau's official monthly figure for an included project.
create table official_figures (
    id uuid primary key,
    project_id uuid not null references project_views (id),
    region_code text not null,
    township text null,
    period text not null,
    completed_investment numeric(18,2) not null check (completed_investment >= 0),
    source text not null,
    entered_by text not null,
    version bigint not null,
    updated_at timestamptz not null
);
create unique index ux_official_figures_project_period on official_figures (project_id, period);
create index ix_official_figures_region_period on official_figures (region_code, period);

-- 调度数: the project office's monthly figure, from ProgressReported (may arrive before the project view).
create table scheduled_figures (
    project_id uuid not null,
    period text not null,
    region_code text not null,
    completed_investment numeric(18,2) not null,
    year_to_date_investment numeric(18,2) not null,
    version bigint not null,
    updated_at timestamptz not null,
    primary key (project_id, period)
);
create index ix_scheduled_figures_region_period on scheduled_figures (region_code, period);

-- 不重不漏: pairs of projects that are likely one, for a person to confirm or dismiss. No foreign keys:
-- a pair is found while the newly registered project's view is being inserted in the same transaction.
create table duplicate_pairs (
    id uuid primary key,
    project_id uuid not null,
    other_project_id uuid not null,
    region_code text not null,
    township text null,
    other_region_code text not null,
    other_township text null,
    reason text not null,
    score numeric(4,3) not null,
    status text not null,
    decided_by text null,
    decided_at timestamptz null,
    note text null,
    detected_at timestamptz not null,
    version bigint not null,
    updated_at timestamptz not null
);
create unique index ux_duplicate_pairs_projects on duplicate_pairs (project_id, other_project_id);
create index ix_duplicate_pairs_other on duplicate_pairs (other_project_id);
create index ix_duplicate_pairs_region_status on duplicate_pairs (region_code, status);
