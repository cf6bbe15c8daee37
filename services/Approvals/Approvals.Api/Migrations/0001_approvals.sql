-- The procedure catalogue (前期手续目录): one for the whole city, kept by its administrator.
create table procedures (
    code text primary key,
    name text not null,
    agency text not null,
    time_limit_working_days int not null check (time_limit_working_days > 0),
    required_before_start boolean not null,
    depends_on text[] not null default '{}',
    active boolean not null default true,
    sort_order int not null default 100,
    description text null,
    updated_at timestamptz not null default now(),
    version bigint not null default 1
);

-- The usual procedures with their statutory limits (working days). Codes are stable: integrators use them.
insert into procedures (code, name, agency, time_limit_working_days, required_before_start, depends_on, sort_order, description) values
    ('project-approval',      '审批/核准/备案',     '发改局',     20, true, '{}',                                 10, '政府投资项目审批（可研批复）、企业投资项目核准或备案'),
    ('land-presite',          '用地预审与选址',     '自然资源局', 20, true, '{}',                                 20, '建设项目用地预审与选址意见书'),
    ('land-planning-permit',  '建设用地规划许可',   '自然资源局', 20, true, '{land-presite}',                     30, '建设用地规划许可证'),
    ('works-planning-permit', '建设工程规划许可',   '自然资源局', 20, true, '{land-planning-permit}',             40, '建设工程规划许可证'),
    ('eia',                   '环评批复',           '生态环境局', 30, true, '{}',                                 50, '环境影响评价报告书（表）批复'),
    ('energy-review',         '节能审查',           '发改局',     20, true, '{}',                                 60, '年综合能源消费量 1 万吨标准煤及以上的项目'),
    ('energy-commitment',     '节能承诺备案',       '发改局',      5, true, '{}',                                 61, '年综合能源消费量不足 1 万吨标准煤的项目，以承诺代替审查'),
    ('soil-water',            '水土保持方案审批',   '水务局',     20, true, '{}',                                 70, '生产建设项目水土保持方案'),
    ('construction-permit',   '施工许可',           '住建局',      7, true, '{works-planning-permit,eia}',        90, '建筑工程施工许可证');

-- What this service knows of each project, from the project library's events.
create table projects (
    project_id uuid primary key,
    name text not null,
    region_code text not null,
    township text null,
    category text not null,
    nature text not null,
    stage text not null,
    industry text null,
    total_investment numeric(18,2) not null,
    is_private_investment boolean not null,
    is_industrial boolean not null,
    year int not null,
    planned_start_date date null,
    energy_consumption_tce numeric(18,2) null,
    source_version bigint not null,
    checklist_version bigint not null,
    completed_on date null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index ix_projects_region on projects (region_code, township);
create index ix_projects_planned_start on projects (planned_start_date);

-- One checklist per project: each procedure at most once.
create table checklist_items (
    id uuid primary key,
    project_id uuid not null references projects (project_id),
    region_code text not null,
    township text null,
    procedure_code text not null,
    name text not null,
    variant text null,
    agency text not null,
    time_limit_working_days int not null,
    required_before_start boolean not null,
    status text not null,
    agent text null,
    submitted_on date null,
    accepted_on date null,
    due_date date null,
    decided_on date null,
    document_number text null,
    rejection_reason text null,
    missing_documents text[] not null default '{}',
    commit_due_date date null,
    supplemented_on date null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version bigint not null
);
create unique index ux_checklist_items_project_procedure on checklist_items (project_id, procedure_code);
create index ix_checklist_items_worklist on checklist_items (region_code, agency, status);
create index ix_checklist_items_due on checklist_items (status, due_date);
create index ix_checklist_items_agent on checklist_items (agent) where agent is not null;
