using City.Api.Features.Overview;
using City.Api.Features.Targets;
using Platform.Spreadsheets;

namespace City.Api.Features.Lists;

/// <summary>A region's standing on a group of metrics: target, actual and completion rate for each.</summary>
public sealed record TargetRow(string RegionCode, string RegionName, IReadOnlyList<MetricStanding> Metrics);

/// <summary>The three target lists: one row per region, target / completed / rate for each metric of the list.</summary>
public abstract class TargetList(string name, string title, params string[] metrics) : CityList<TargetRow>
{
    public override string Name => name;
    public override string Title => title;
    protected override string? TotalsLabel => null; // the city row is the total (it carries the city-level target)

    protected override IReadOnlyList<SheetColumn> Columns =>
    [
        new("地区") { Width = 10 },
        .. metrics.Select(Metrics.Get).SelectMany(m => new[]
        {
            new SheetColumn($"{m.Name}目标", ColumnKind.Decimal) { Unit = m.Unit },
            new SheetColumn($"{m.Name}完成", ColumnKind.Decimal) { Unit = m.Unit },
            new SheetColumn($"{m.Name}完成率", ColumnKind.Decimal) { Unit = "%" },
        }),
    ];

    protected override IReadOnlyList<object?> Cells(TargetRow row) =>
        [row.RegionName, .. row.Metrics.SelectMany(s => new object?[] { s.Target, s.Actual, s.CompletionRate * 100 })];

    protected override async Task<Paged<TargetRow>> QueryAsync(ListRequest request, PageRequest page, CancellationToken ct)
    {
        var overview = await OverviewEndpoints.BuildAsync(request.Db, request.Period, request.Today, request.Caller, ct);
        var regions = request.RegionCodes().ToHashSet();
        var rows = new List<TargetRow>();
        if (overview.City is { } city && request.RegionCode is null) rows.Add(Pick(city with { RegionName = "全市" }));
        rows.AddRange(overview.Regions.Where(r => regions.Contains(r.RegionCode)).Select(Pick));
        return new Paged<TargetRow>(rows.Skip(page.Skip).Take(page.PageSize).ToList(), page.Page, page.PageSize, rows.Count);
    }

    TargetRow Pick(RegionOverview region) =>
        new(region.RegionCode, region.RegionName, region.Metrics.Where(m => metrics.Contains(m.Metric)).OrderBy(m => Array.IndexOf(metrics, m.Metric)).ToList());
}

public sealed class InvestmentTargetList() : TargetList("investment-targets", "投资目标清单",
    Metrics.FixedAssetInvestment, Metrics.IndustrialInvestment, Metrics.PrivateInvestment, Metrics.NewStarts, Metrics.Inclusions,
    Metrics.BigNewStarts50Plus, Metrics.BigNewStarts10To50, Metrics.BigNewStarts5To10);

public sealed class ReserveTargetList() : TargetList("reserve-targets", "项目储备目标清单",
    Metrics.ReserveCount, Metrics.ReserveAnnualInvestment, Metrics.ReserveIndustrialCount, Metrics.ReserveIndustrialInvestment,
    Metrics.ReservePrivateCount, Metrics.ReservePrivateInvestment, Metrics.ReserveProvincialKeyCount, Metrics.ReserveProvincialKeyInvestment);

public sealed class AttractionTargetList() : TargetList("attraction-targets", "招商引资目标清单",
    Metrics.SignedTotalInvestment, Metrics.NewStartPlannedInvestment, Metrics.FundsInPlace, Metrics.FundsSecured);
