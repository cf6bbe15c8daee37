using System.Globalization;
using City.Api.Features.Targets;

namespace City.Api.Features.ReadModels;

/// <summary>What one record adds to the aggregate: an amount of a metric for a region, in one or more period keys.</summary>
public sealed record Contribution(string RegionCode, string Metric, IReadOnlyList<string> Periods, decimal Amount)
{
    public static Contribution Flow(string region, string metric, DateOnly date, decimal amount) =>
        new(region, metric, Period.KeysContaining(date), amount);

    public static Contribution PlanYear(string region, string metric, int year, decimal amount) =>
        new(region, metric, [year.ToString(CultureInfo.InvariantCulture)], amount);
}

/// <summary>
/// The rules that turn read-model records into the metrics' actuals. Pure: a consumer computes a record's
/// contributions before and after an event and applies the difference, so the aggregate never needs a scan.
/// </summary>
public static class Contributions
{
    /// <summary>Size bands of 新开工 projects by total investment, in 万元: ≥ 50 亿, 10–50 亿, 5–10 亿.</summary>
    public const decimal FiftyYi = 500_000m, TenYi = 100_000m, FiveYi = 50_000m;

    public static IEnumerable<Contribution> Of(ProjectView? p, IEnumerable<ProjectFigure> figures)
    {
        if (p is null) yield break;
        var region = p.RegionCode;
        // 储备: the plan year's library, every registered project that is not terminated.
        if (p.Registered && p.Year > 0 && p.Stage != Stages.Terminated)
        {
            yield return Contribution.PlanYear(region, Metrics.ReserveCount, p.Year, 1);
            yield return Contribution.PlanYear(region, Metrics.ReserveAnnualInvestment, p.Year, p.AnnualPlannedInvestment);
            if (p.IsIndustrial)
            {
                yield return Contribution.PlanYear(region, Metrics.ReserveIndustrialCount, p.Year, 1);
                yield return Contribution.PlanYear(region, Metrics.ReserveIndustrialInvestment, p.Year, p.AnnualPlannedInvestment);
            }
            if (p.IsPrivateInvestment)
            {
                yield return Contribution.PlanYear(region, Metrics.ReservePrivateCount, p.Year, 1);
                yield return Contribution.PlanYear(region, Metrics.ReservePrivateInvestment, p.Year, p.AnnualPlannedInvestment);
            }
            if (p.KeyLevel == "provincial")
            {
                yield return Contribution.PlanYear(region, Metrics.ReserveProvincialKeyCount, p.Year, 1);
                yield return Contribution.PlanYear(region, Metrics.ReserveProvincialKeyInvestment, p.Year, p.AnnualPlannedInvestment);
            }
        }
        if (p.ActualStartDate is { } started)
        {
            yield return Contribution.Flow(region, Metrics.NewStarts, started, 1);
            if (SizeBand(p.TotalInvestment) is { } band) yield return Contribution.Flow(region, band, started, 1);
            if (p.FromDealId is not null) yield return Contribution.Flow(region, Metrics.NewStartPlannedInvestment, started, p.TotalInvestment);
        }
        if (p.IncludedOn is { } included) yield return Contribution.Flow(region, Metrics.Inclusions, included, 1);

        // 未按序时进度 is kept per month like every other metric, so the overview reads it instead of scanning projects.
        foreach (var month in LaggingMonths(p, figures))
            yield return new Contribution(region, Metrics.LaggingKeyProjects, [Period.OfMonth(p.Year, month).ToString()], 1);

        foreach (var f in figures)
        {
            var month = Period.Parse(f.Period).Start;
            if (f.Source == ProjectFigure.Progress)
            {
                yield return Contribution.Flow(region, Metrics.ScheduledInvestment, month, f.CompletedInvestment);
                continue;
            }
            // 统计数: fixed-asset investment "completed" in the official sense.
            yield return Contribution.Flow(region, Metrics.FixedAssetInvestment, month, f.CompletedInvestment);
            if (p.IsIndustrial) yield return Contribution.Flow(region, Metrics.IndustrialInvestment, month, f.CompletedInvestment);
            if (p.IsPrivateInvestment) yield return Contribution.Flow(region, Metrics.PrivateInvestment, month, f.CompletedInvestment);
        }
    }

    /// <summary>
    /// The months of its plan year at whose end a key project under construction is behind 序时进度: its 调度 year-to-date
    /// below m/12 of the annual plan (rounded to the 分 half away from zero, as PostgreSQL's round does).
    /// </summary>
    public static IEnumerable<int> LaggingMonths(ProjectView p, IEnumerable<ProjectFigure> figures)
    {
        if (!p.Registered || p.Year <= 0 || p.Stage != Stages.UnderConstruction || p.AnnualPlannedInvestment <= 0 || !p.IsKey) yield break;
        var completed = new decimal[13];
        foreach (var f in figures)
            if (f.Source == ProjectFigure.Progress && Period.TryParse(f.Period, out var period) && period.Kind == PeriodKind.Month && period.Year == p.Year)
                completed[period.Number] += f.CompletedInvestment;
        decimal yearToDate = 0;
        for (var month = 1; month <= 12; month++)
        {
            yearToDate += completed[month];
            if (yearToDate < Math.Round(p.AnnualPlannedInvestment * month / 12, 2, MidpointRounding.AwayFromZero)) yield return month;
        }
    }

    public static string? SizeBand(decimal totalInvestment) => totalInvestment switch
    {
        >= FiftyYi => Metrics.BigNewStarts50Plus,
        >= TenYi => Metrics.BigNewStarts10To50,
        >= FiveYi => Metrics.BigNewStarts5To10,
        _ => null,
    };

    public static IEnumerable<Contribution> Of(DealView? d)
    {
        if (d?.SignedOn is { } signed) yield return Contribution.Flow(d.RegionCode, Metrics.SignedTotalInvestment, signed, d.Amount);
    }

    public static IEnumerable<Contribution> Of(FundsArrival? f)
    {
        if (f is not null) yield return Contribution.Flow(f.RegionCode, Metrics.FundsInPlace, f.ArrivedOn, f.Amount);
    }

    public static IEnumerable<Contribution> Of(FundingView? f)
    {
        if (f is not null) yield return Contribution.Flow(f.RegionCode, Metrics.FundsSecured, f.ApprovedOn, f.ApprovedAmount);
    }
}
