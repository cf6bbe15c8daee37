using City.Api.Features.ReadModels;
using Platform.ServiceDefaults.Auth;

namespace Bench.City;

/// <summary>One generated project as the city's consumers would hold it: its view and its monthly 调度数.</summary>
public sealed record GeneratedProject(ProjectView View, List<ProjectFigure> Figures);

/// <summary>
/// A deterministic city of projects (same seed, same data): every region, a realistic mix of stages, sizes, key
/// levels and leaders, and twelve months of progress per project in the plan year. The shapes follow what the
/// project library publishes (ProjectRegistered at version 1, then one ProgressReported per month at versions 2..13).
/// </summary>
public static class CityData
{
    public const int FirstFigureVersion = 2;

    static readonly string[] Leaders = Enumerable.Range(1, 40).Select(i => $"包保领导{i:00}").ToArray();
    static readonly string[] Units = Enumerable.Range(1, 60).Select(i => $"责任单位{i:00}").ToArray();
    static readonly string[] Categories = ["industry", "infrastructure", "socialService", "realEstate", "agriculture", "other"];

    public static IEnumerable<GeneratedProject> Generate(int count, int year, DateTimeOffset now)
    {
        var random = new Random(20250101);
        var regions = Regions.Codes.ToArray();
        for (var i = 0; i < count; i++)
        {
            var region = regions[random.Next(regions.Length)];
            var stage = PickStage(random.NextDouble());
            // Log-uniform 100 万 .. 100 亿: most projects are small, a few hundred are ≥ 5 亿 (the size bands).
            var total = Math.Round((decimal)Math.Pow(10, 2 + random.NextDouble() * 4), 2);
            var annual = Math.Round(total * (decimal)(0.2 + random.NextDouble() * 0.5), 2);
            var keyRoll = random.NextDouble();
            var keyLevel = keyRoll < 0.05 ? "provincial" : keyRoll < 0.15 ? "city" : keyRoll < 0.30 ? "county" : "none";
            var planned = new DateOnly(year, 1, 1).AddDays(random.Next(365));
            var started = stage is Stages.UnderConstruction or Stages.Completed or Stages.Operating or Stages.Suspended
                ? new DateOnly(year - 1, 7, 1).AddDays(random.Next(540)) : (DateOnly?)null;
            if (started > new DateOnly(year, 12, 31)) started = new DateOnly(year, 12, 31);
            var included = started is { } s && total >= 500 && random.NextDouble() < 0.7 ? s.AddDays(random.Next(20, 120)) : (DateOnly?)null;
            var view = new ProjectView
            {
                ProjectId = new Guid(i + 1, 0xC1, 0x7E, 0xBE, 0x4C, 0x40, 0, 0, 0, 0, 0),
                RegionCode = region,
                Township = $"乡镇{random.Next(1, 9)}",
                Registered = true,
                Name = $"基准测试项目{i + 1:000000}",
                Category = Categories[random.Next(Categories.Length)],
                Nature = started is not null && started.Value.Year < year ? "continuing" : "new",
                Stage = stage,
                Industry = random.NextDouble() < 0.4 ? "manufacturing" : null,
                TotalInvestment = total,
                AnnualPlannedInvestment = annual,
                Year = year,
                KeyLevel = keyLevel,
                IsPrivateInvestment = random.NextDouble() < 0.3,
                IsIndustrial = random.NextDouble() < 0.4,
                PlannedStartDate = planned,
                ActualStartDate = started,
                PlannedFinishDate = planned.AddYears(2),
                ActualFinishDate = stage is Stages.Completed or Stages.Operating ? new DateOnly(year, 12, 1) : null,
                LeaderInCharge = keyLevel != "none" ? Leaders[random.Next(Leaders.Length)] : null,
                ResponsibleUnit = Units[random.Next(Units.Length)],
                StatisticsCode = included is not null ? $"TJ{i + 1:0000000}" : null,
                ReadyToStart = stage == Stages.Preparation && random.NextDouble() < 0.5,
                IncludedOn = included,
                FromDealId = random.NextDouble() < 0.05 ? new Guid(i + 1, 0xDE, 0xA1, 0xBE, 0x4C, 0x40, 0, 0, 0, 0, 0) : null,
                Version = 1,
                StageVersion = 1,
                InclusionVersion = included is not null ? 1 : 0,
                UpdatedAt = now,
            };
            yield return new GeneratedProject(view, Progress(random, view, year));
        }
    }

    static string PickStage(double roll) => roll switch
    {
        < 0.55 => Stages.UnderConstruction,
        < 0.70 => Stages.Preparation,
        < 0.80 => Stages.Reserve,
        < 0.90 => Stages.Completed,
        < 0.95 => Stages.Operating,
        < 0.98 => Stages.Suspended,
        _ => Stages.Terminated,
    };

    /// <summary>Twelve months; a project that has not started reports zero, a started one around its plan (some behind).</summary>
    static List<ProjectFigure> Progress(Random random, ProjectView view, int year)
    {
        var pace = view.ActualStartDate is null ? 0 : 0.4 + random.NextDouble() * 0.9;
        var figures = new List<ProjectFigure>(12);
        decimal yearToDate = 0;
        for (var month = 1; month <= 12; month++)
        {
            var amount = Math.Round(view.AnnualPlannedInvestment / 12 * (decimal)(pace * (0.7 + random.NextDouble() * 0.6)), 2);
            yearToDate += amount;
            figures.Add(new ProjectFigure
            {
                ProjectId = view.ProjectId, Source = ProjectFigure.Progress, Period = $"{year}-{month:00}",
                CompletedInvestment = amount, YearToDate = yearToDate, Version = FirstFigureVersion + month - 1,
            });
        }
        return figures;
    }
}
