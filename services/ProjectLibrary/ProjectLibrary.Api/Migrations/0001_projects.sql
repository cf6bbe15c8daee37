create table projects (
    id uuid primary key,
    name text not null,
    region_code text not null,
    township text null,
    category text not null,
    nature text not null,
    industry text null,
    description text null,
    total_investment numeric(18,2) not null check (total_investment >= 0),
    annual_planned_investment numeric(18,2) not null check (annual_planned_investment >= 0),
    year int not null,
    stage text not null,
    planned_start_date date null,
    planned_finish_date date null,
    actual_start_date date null,
    actual_finish_date date null,
    is_private_investment boolean not null default false,
    is_industrial boolean not null default false,
    is_high_tech boolean not null default false,
    is_transformation boolean not null default false,
    key_level text not null,
    key_level_set_explicitly boolean not null default false,
    leader_in_charge text null,
    responsible_unit text null,
    contact_person text null,
    contact_phone text null,
    national_code text null,
    statistics_code text null,
    bond_project_id text null,
    local_number text null,
    ready_to_start boolean not null default false,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version bigint not null
);
-- one project is never two: each identifier it collects is unique where present
create unique index ux_projects_national_code on projects (national_code) where national_code is not null;
create unique index ux_projects_statistics_code on projects (statistics_code) where statistics_code is not null;
create unique index ux_projects_bond_project_id on projects (bond_project_id) where bond_project_id is not null;
create unique index ux_projects_local_number on projects (region_code, local_number) where local_number is not null;
create index ix_projects_region_stage on projects (region_code, stage);
create index ix_projects_region_year on projects (region_code, year);
create index ix_projects_leader on projects (leader_in_charge) where leader_in_charge is not null;
