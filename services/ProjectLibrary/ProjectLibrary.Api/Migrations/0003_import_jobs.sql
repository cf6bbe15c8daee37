-- Spreadsheet imports of the project library: who imported which file, what became of every row.
-- A queued job keeps the uploaded file until a worker has processed it.
create table import_jobs (
    id uuid primary key,
    region_code text not null,
    township text null,
    created_by text not null,
    created_by_role text not null,
    file_name text not null,
    file_sha256 text not null,
    good_rows_only boolean not null,
    status text not null,
    phase text null,
    rows_read int not null default 0,
    rows_processed int not null default 0,
    created int not null default 0,
    updated int not null default 0,
    unchanged int not null default 0,
    rejected int not null default 0,
    failure_code text null,
    failure text null,
    report jsonb null,
    content bytea null,
    correlation_id text null,
    created_at timestamptz not null,
    started_at timestamptz null,
    heartbeat_at timestamptz null,
    finished_at timestamptz null
);
create index ix_import_jobs_region_created on import_jobs (region_code, created_at desc);
create index ix_import_jobs_queued on import_jobs (created_at) where status = 'Queued';
