-- Monthly progress sheets are imported through the same jobs as project sheets; the kind says which.
alter table import_jobs add column kind text not null default 'Projects';
alter table import_jobs add column skipped int not null default 0;
