alter table projects
    add column is_included_in_statistics boolean not null default false,
    add column source_deal_id uuid null,
    add column stage_before_suspension text null,
    add column stage_changed_on date null,
    add column year_to_date_investment numeric(18,2) not null default 0,
    add column reported_through_month int not null default 0 check (reported_through_month between 0 and 12),
    add column approvals_version bigint null,
    add column inclusion_version bigint null,
    add column deal_version bigint null;
create index ix_projects_actual_start on projects (actual_start_date) where actual_start_date is not null;
create index ix_projects_township on projects (region_code, township) where township is not null;

-- 一月一调度: one figure (调度数) per project and month; a resubmission overwrites it (audited).
create table project_progress (
    project_id uuid not null references projects (id),
    year int not null check (year between 2000 and 2100),
    month int not null check (month between 1 and 12),
    region_code text not null,
    completed_investment numeric(18,2) not null check (completed_investment >= 0),
    note text null,
    reported_by text not null,
    reported_at timestamptz not null,
    version bigint not null,
    primary key (project_id, year, month)
);
create index ix_project_progress_region_period on project_progress (region_code, year, month);

-- A reviewed month of a region is read-only until unlocked.
create table progress_locks (
    region_code text not null,
    year int not null,
    month int not null,
    locked_by text not null,
    locked_at timestamptz not null,
    primary key (region_code, year, month)
);

-- The problem ledger: 发现 → 交办 → 帮办/督办 → 销号.
create table problems (
    id uuid primary key,
    project_id uuid not null references projects (id),
    region_code text not null,
    township text null,
    title text not null,
    description text null,
    category text not null,
    level text not null,
    status text not null,
    department text null,
    assignee text null,
    due_date date null,
    resolution text null,
    raised_by text not null,
    raised_at timestamptz not null,
    assigned_at timestamptz null,
    escalated_at timestamptz null,
    closed_at timestamptz null,
    reminder_sent_at timestamptz null,
    auto_escalated_at timestamptz null,
    updated_at timestamptz not null,
    version bigint not null
);
create index ix_problems_project on problems (project_id);
create index ix_problems_region_status on problems (region_code, status);
-- what the background scan looks for: open problems with a deadline
create index ix_problems_open_due on problems (due_date) where status in ('Assigned', 'Escalated');
