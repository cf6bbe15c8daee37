-- 未按序时进度 (laggingKeyProjects) moves from a query-time count into the aggregate, one cell per region and month,
-- kept by the consumers (Contributions.LaggingMonths). With 100,000 projects the query-time count summed the progress
-- of ~16,000 key projects, twice per overview request (~300 ms each). This fills the cells for what is already there,
-- with the same rule: a registered key project under construction whose 调度 year-to-date at the end of month m of its
-- plan year is below round(m/12 of its annual plan, 2).
insert into region_actuals (region_code, period, metric, amount)
select p.region_code, p.year::text || '-' || lpad(m::text, 2, '0'), 'laggingKeyProjects', count(*)
from project_views p
cross join generate_series(1, 12) as m
where p.registered and p.year > 0 and p.stage = 'underConstruction' and p.annual_planned_investment > 0 and p.key_level <> 'none'
  and coalesce((select sum(f.completed_investment) from project_figures f
                where f.project_id = p.project_id and f.source = 'progress'
                  and f.period >= p.year::text || '-01' and f.period <= p.year::text || '-' || lpad(m::text, 2, '0')), 0)
      < round(p.annual_planned_investment * m / 12, 2)
group by 1, 2
on conflict (period, metric, region_code) do update set amount = excluded.amount;

-- The lists' correlated sums make the planner's cost estimates large, so PostgreSQL JIT-compiles them: ~350 ms of
-- compilation for a query that runs in less. The city's queries are short and repeated; JIT never pays off here.
-- Applies to new sessions. A role that does not own the database cannot set it: then the default stays.
do $$
begin
    execute format('alter database %I set jit = off', current_database());
exception when insufficient_privilege then
    raise notice 'jit stays on: % does not own the database', current_user;
end $$;
