-- 目标企业库: the enterprises a county courts. A credit code is unique within the county keeping it.
create table enterprises (
    id uuid primary key,
    region_code text not null,
    name text not null,
    credit_code text not null,
    industry text null,
    origin_region text null,
    types text[] not null default '{}',
    contacts jsonb not null default '[]',
    note text null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version bigint not null
);
create unique index ux_enterprises_region_credit_code on enterprises (region_code, credit_code);
create index ix_enterprises_region_name on enterprises (region_code, name);

-- 招商线索: 接洽 → 考察 → 洽谈 → 签约, or 终止.
create table leads (
    id uuid primary key,
    region_code text not null,
    title text not null,
    enterprise_id uuid null references enterprises (id),
    enterprise_name text not null,
    industry text null,
    intended_investment numeric(18,2) null check (intended_investment >= 0),
    stage text not null,
    stage_changed_on date not null,
    leader text null,
    team text[] not null default '{}',
    termination_reason text null,
    deal_id uuid null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version bigint not null
);
create index ix_leads_region_stage on leads (region_code, stage);
create index ix_leads_leader on leads (leader) where leader is not null;

create table lead_contacts (
    id uuid primary key,
    lead_id uuid not null references leads (id),
    region_code text not null,
    contacted_on date not null,
    method text not null,
    summary text not null,
    participants text null,
    recorded_by text not null,
    created_at timestamptz not null
);
create index ix_lead_contacts_lead on lead_contacts (lead_id, contacted_on);

-- 签约项目 and their link to the project library once converted.
create table deals (
    id uuid primary key,
    region_code text not null,
    name text not null,
    investors jsonb not null,
    amount numeric(18,2) not null check (amount > 0),
    signed_on date not null,
    industry text null,
    planned_start_on date null,
    lead_id uuid null references leads (id),
    project_id uuid null,
    converted_at timestamptz null,
    started_on date null,
    project_total_investment numeric(18,2) null,
    project_version bigint null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version bigint not null
);
-- a deal becomes one project, and a project comes from at most one deal
create unique index ux_deals_project on deals (project_id) where project_id is not null;
create index ix_deals_region_signed on deals (region_code, signed_on);
create index ix_deals_region_started on deals (region_code, started_on) where started_on is not null;

-- 双向承诺: what each side promised, by when, and whether it was kept.
create table commitments (
    id uuid primary key,
    deal_id uuid not null references deals (id),
    region_code text not null,
    side text not null,
    kind text not null,
    content text not null,
    amount numeric(18,2) null check (amount >= 0),
    due_on date not null,
    fulfilled_on date null,
    fulfilment_note text null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version bigint not null
);
create index ix_commitments_deal on commitments (deal_id);
create index ix_commitments_open_due on commitments (region_code, due_on) where fulfilled_on is null;

-- 资金到位: money the investor actually put in, per deal and date.
create table funds_arrivals (
    id uuid primary key,
    deal_id uuid not null references deals (id),
    region_code text not null,
    amount numeric(18,2) not null check (amount > 0),
    arrived_on date not null,
    note text null,
    recorded_by text not null,
    created_at timestamptz not null
);
create index ix_funds_arrivals_deal on funds_arrivals (deal_id, arrived_on);
create index ix_funds_arrivals_region_arrived on funds_arrivals (region_code, arrived_on);
