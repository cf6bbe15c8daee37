-- The problem loop (issue 16): 发现 → 交办 → 办理中 → 申请销号 → 销号, with 退回 and 重新打开.
-- 'Escalated' was a state; escalation now only raises the level, so such problems are being handled (or still found).
update problems set status = case when assigned_at is null then 'Found' else 'InProgress' end where status = 'Escalated';

alter table problems add column severity text not null default 'Normal';
alter table problems add column responsible_leader text null;
alter table problems add column responsible_section text null;
alter table problems add column evidence text null;
alter table problems add column opinion text null;
alter table problems add column accepted_at timestamptz null;
alter table problems add column close_requested_at timestamptz null;
alter table problems alter column severity drop default;

drop index ix_problems_open_due;
create index ix_problems_open_due on problems (due_date) where status in ('Assigned', 'InProgress', 'CloseRequested');

-- The loop's record: progress notes (办理情况), close requests, return and closing opinions, reopenings.
create table problem_notes (
    id uuid primary key,
    problem_id uuid not null references problems (id),
    kind text not null,
    text text not null,
    author text not null,
    at timestamptz not null
);
create index ix_problem_notes_problem on problem_notes (problem_id, at);
