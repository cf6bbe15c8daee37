using Platform.Contracts.ProjectLibrary;
using Platform.Messaging;
using ProjectLibrary.Api.Features.Problems;
using ProjectLibrary.Api.Features.Progress;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Seeding;

/// <summary>
/// Demo library for ./platform up (Platform:SeedDemoData, never in Production): ~15 projects per region with stages,
/// the last few months' 调度数 (some behind 序时进度) and problems. It goes through the entity methods and the outbox
/// like any user would and is deterministic (fixed seed). Keyed on the projects the source documents name: once
/// one of them is in the library the library is seeded, and a second run adds nothing. Other contexts key their
/// demo data on these projects as their events reach them.
/// </summary>
public sealed class DemoData(ProjectsDb db, TimeProvider clock, ILogger<DemoData> logger) : IDemoSeed
{
    const string Actor = "demo-data";

    public async Task<DemoSeedResult> SeedAsync(CancellationToken ct)
    {
        await using var tx = await DemoSeedLock.BeginAsync(db, nameof(DemoData), ct);
        var named = DemoProjects.Named.SelectMany(r => r.Value.Select(p => p.Name)).ToList();
        if (await db.Projects.AnyAsync(p => named.Contains(p.Name), ct)) return DemoSeedResult.Done;

        var seeder = new Seeder(db, clock.Today(), clock.GetUtcNow(), new Random(20250319));
        foreach (var region in Regions.Codes) seeder.Region(region);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Seeded {Count} demo projects", seeder.Count);
        return DemoSeedResult.Done;
    }

    sealed class Seeder(ProjectsDb db, DateOnly today, DateTimeOffset now, Random random)
    {
        public int Count { get; private set; }

        public void Region(string region)
        {
            var townships = DemoProjects.Townships[region];
            var named = DemoProjects.Named[region];
            for (var i = 0; i < DemoProjects.PerRegion; i++)
            {
                if (i < named.Length)
                {
                    // Some named projects sit in the demo township, so a township user has something to see.
                    var township = townships.Length > 0 && i % 3 == 0 ? townships[0] : null;
                    Project(region, township, named[i]);
                    continue;
                }
                var generic = DemoProjects.Generic[(i + region.Length * 7 + Count) % DemoProjects.Generic.Length];
                var place = townships.Length > 0 ? townships[i % townships.Length] : "市区";
                var total = decimal.Round(generic.Total * (decimal)(0.7 + random.NextDouble() * 0.8), 0);
                Project(region, townships.Length > 0 ? place : null,
                    new DemoProject($"{Regions.NameOf(region)}{string.Format(generic.Pattern, place)}", generic.Category, total, generic.Industry));
            }
        }

        void Project(string region, string? township, DemoProject spec)
        {
            var roll = random.NextDouble();
            var target = roll switch
            {
                < 0.12 => ProjectStage.Reserve,
                < 0.25 => ProjectStage.Preparation,
                < 0.80 => ProjectStage.UnderConstruction,
                < 0.92 => ProjectStage.Completed,
                _ => ProjectStage.Operating,
            };
            var building = target >= ProjectStage.UnderConstruction;
            var share = spec.TotalInvestment >= 100_000m ? 0.15 : building ? 0.25 + random.NextDouble() * 0.25 : 0.05;
            var input = new ProjectInput
            {
                Name = spec.Name, RegionCode = region, Township = township, Category = spec.Category,
                Nature = building && random.Next(2) == 0 ? ProjectNature.Continuing : ProjectNature.New,
                Industry = spec.Industry, TotalInvestment = spec.TotalInvestment,
                AnnualPlannedInvestment = decimal.Round(spec.TotalInvestment * (decimal)share, 0), Year = today.Year,
                IsIndustrial = spec.Category == ProjectCategory.Industry, IsPrivateInvestment = random.Next(3) == 0,
                IsHighTech = spec.Industry is "电子信息" or "医药" or "新能源",
                LeaderInCharge = DemoProjects.Leaders[random.Next(DemoProjects.Leaders.Length)],
                ResponsibleUnit = township is null ? $"{Regions.NameOf(region)}项目推进中心" : $"{township}人民政府",
                PlannedStartDate = new DateOnly(today.Year, 3, 1), PlannedFinishDate = new DateOnly(today.Year + 2, 12, 31),
            };
            var project = Features.Projects.Project.Register(input, now);
            db.Projects.Add(project);
            db.AddEvent(new ProjectRegistered { Project = project.ToSnapshot(), Version = project.Version, OccurredAt = now });
            Count++;

            // Half the building projects started this year (新开工), the rest last year (续建).
            var start = random.Next(2) == 0 && today.Month > 2
                ? new DateOnly(today.Year, 1 + random.Next(today.Month - 1), 1 + random.Next(25))
                : new DateOnly(today.Year - 1, 1 + random.Next(12), 1 + random.Next(25));
            var finish = start.AddDays(200 + random.Next(100)) is var f && f < today ? f : today;
            var path = new List<(ProjectStage, DateOnly)> { (ProjectStage.Preparation, start.AddDays(-60)) };
            if (building) path.Add((ProjectStage.UnderConstruction, start));
            if (target >= ProjectStage.Completed) path.Add((ProjectStage.Completed, finish));
            if (target == ProjectStage.Operating) path.Add((ProjectStage.Operating, finish));
            foreach (var (stage, date) in path.Where(_ => target != ProjectStage.Reserve))
                if (project.TransitionTo(stage, date, today, now, out var change) is null)
                    StageEndpoints.Publish(db, project, change!, now);

            if (building) Progress(project, start);
            if (target == ProjectStage.UnderConstruction && random.NextDouble() < 0.45) Problem(project);
        }

        /// <summary>The last three months' 调度数; the first carries what came before. Paces vary so some lag (序时进度).</summary>
        void Progress(Project project, DateOnly start)
        {
            var last = today.Month - 1;
            if (last < 1) return;
            var pace = new[] { 1.15m, 1.0m, 0.95m, 0.82m, 0.6m }[random.Next(5)];
            var first = Math.Max(1, last - 2);
            var months = new List<MonthlyProgress>();
            decimal Through(int m) => decimal.Round(project.AnnualPlannedInvestment * m / 12m * pace, 2);
            for (var m = first; m <= last; m++)
            {
                var amount = m == first ? Through(m) : Through(m) - Through(m - 1);
                var note = m == first && first > 1 ? $"含1-{first - 1}月累计调度数" : "现场施工正常推进";
                var entry = MonthlyProgress.Report(project.Id, project.RegionCode, Period.OfMonth(today.Year, m), amount, note, Actor, now);
                db.Progress.Add(entry);
                months.Add(entry);
                project.RecalculateYearToDate(months.Select(x => (x.Month, x.CompletedInvestment)));
                project.Touch(now);
                db.AddEvent(new ProgressReported
                {
                    ProjectId = project.Id, RegionCode = project.RegionCode, Period = entry.Period.ToString(),
                    CompletedInvestment = amount, YearToDateInvestment = project.YearToDateInvestment, Version = project.Version, OccurredAt = now,
                });
            }
        }

        /// <summary>A problem in one of the loop's states: found, assigned (due soon, later or overdue), in progress (some under 13710), asked to close, closed.</summary>
        void Problem(Project project)
        {
            var pick = random.Next(DemoProjects.ProblemTitles.Length);
            var category = new[] { ProblemCategory.Land, ProblemCategory.Environment, ProblemCategory.Utilities, ProblemCategory.Demolition,
                ProblemCategory.Funding, ProblemCategory.Approvals }[pick];
            var severity = random.Next(5) == 0 ? ProblemSeverity.Major : ProblemSeverity.Normal;
            var problem = ProjectProblem.Raise(project.Id, project.RegionCode, project.Township, DemoProjects.ProblemTitles[pick],
                $"{project.Name}：{DemoProjects.ProblemTitles[pick]}，影响项目按序时推进。", category, ProblemLevel.County, Actor, now, severity);
            db.Problems.Add(problem);
            ProblemEvents.Raised(db, problem);
            var state = random.Next(7);
            if (state == 0) return;
            var due = state switch { 1 => today.AddDays(2), 3 => today.AddDays(-5), _ => today.AddDays(20) };
            problem.Assign(new ProblemAssignment(DemoProjects.Departments[random.Next(DemoProjects.Departments.Length)], "分管副县长",
                "责任科室", "责任科室负责人", due), now);
            ProblemEvents.Assigned(db, problem);
            if (state <= 3) return;
            if (state == 4)
            {
                // Handed down by 13710 a fortnight ago: its clocks show what was done in time and what is overdue.
                problem.Supervise(SuperviseRequest.System13710, "二季度13710交办", new SupervisionOptions().ClocksFrom(today.AddDays(-14)), now);
                ProblemEvents.Supervised(db, problem);
            }
            problem.AddNote("已召开专题协调会，正在推进。", Actor, now);
            ProblemEvents.Progressed(db, problem, "已召开专题协调会，正在推进。");
            if (state == 4) return;
            problem.RequestClose("问题已协调解决。", "协调会议纪要", Actor, now);
            ProblemEvents.CloseRequested(db, problem);
            if (state == 5) return;
            problem.Close("同意销号。", Actor, now);
            ProblemEvents.Closed(db, problem);
        }
    }
}
