-- 13710 督办 (issue 16 item 2): the system and reference, when it started, the four clocks' deadlines and when each was met.
alter table problems add column supervision_system text null;
alter table problems add column supervision_reference text null;
alter table problems add column supervised_at timestamptz null;
alter table problems add column arrange_by date null;
alter table problems add column measures_by date null;
alter table problems add column progress_by date null;
alter table problems add column answer_by date null;
alter table problems add column arranged_at timestamptz null;
alter table problems add column measures_at timestamptz null;
alter table problems add column progress_at timestamptz null;
alter table problems add column answered_at timestamptz null;
create index ix_problems_supervised on problems (region_code, supervised_at) where supervised_at is not null;
