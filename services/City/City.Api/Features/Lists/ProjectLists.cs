using City.Api.Features.Overview;
using City.Api.Features.ReadModels;
using Platform.ServiceDefaults.Text;
using Platform.Spreadsheets;

namespace City.Api.Features.Lists;

public sealed record LeaderProjectRow(string Leader, Guid ProjectId, string Name, string RegionCode, string RegionName, string KeyLevel,
    string Stage, decimal TotalInvestment, decimal AnnualPlannedInvestment, decimal YearToDate, string? ResponsibleUnit);

/// <summary>包保重点项目: the year's key projects, grouped by the leader bound to push each.</summary>
public sealed class LeaderProjectList : CityList<LeaderProjectRow>
{
    public override string Name => "leader-projects";
    public override string Title => "领导包保重点项目清单";
    protected override IReadOnlyList<SheetColumn> Columns =>
    [
        new("包保领导") { Width = 10 }, new("项目名称") { Width = 36 }, new("地区"), new("重点级别"), new("阶段"),
        new("总投资", ColumnKind.Decimal) { Unit = "万元", Total = true }, new("年度计划投资", ColumnKind.Decimal) { Unit = "万元", Total = true },
        new("累计完成投资", ColumnKind.Decimal) { Unit = "万元", Total = true }, new("责任单位") { Width = 20 },
    ];
    protected override IReadOnlyList<object?> Cells(LeaderProjectRow r) =>
        [r.Leader, r.Name, r.RegionName, Chinese.Label("keyLevel", r.KeyLevel), Chinese.Label("projectStage", r.Stage), r.TotalInvestment,
            r.AnnualPlannedInvestment, r.YearToDate, r.ResponsibleUnit];

    protected override async Task<Paged<LeaderProjectRow>> QueryAsync(ListRequest request, PageRequest page, CancellationToken ct)
    {
        var year = request.Period.Year;
        var first = $"{year}-01";
        var last = request.AsOf.ToString();
        var figures = request.Db.ProjectFigures;
        var q = request.Projects().Where(p => p.LeaderInCharge != null && p.KeyLevel != "none" && p.Year == year);
        if (request.Leader is not null) q = q.Where(p => p.LeaderInCharge == request.Leader);
        var result = await q.OrderBy(p => p.LeaderInCharge).ThenBy(p => p.RegionCode).ThenBy(p => p.Name).ThenBy(p => p.ProjectId)
            .Select(p => new LeaderProjectRow(p.LeaderInCharge!, p.ProjectId, p.Name, p.RegionCode, "", p.KeyLevel, p.Stage, p.TotalInvestment,
                p.AnnualPlannedInvestment,
                figures.Where(f => f.ProjectId == p.ProjectId && f.Source == ProjectFigure.Progress
                    && string.Compare(f.Period, first) >= 0 && string.Compare(f.Period, last) <= 0).Sum(f => (decimal?)f.CompletedInvestment) ?? 0,
                p.ResponsibleUnit))
            .ToPageAsync(page, ct);
        return Named(result, r => r with { RegionName = Regions.NameOf(r.RegionCode) });
    }

    internal static Paged<T> Named<T>(Paged<T> page, Func<T, T> name) => page with { Items = page.Items.Select(name).ToList() };
}

public sealed record NotStartedRow(Guid ProjectId, string Name, string RegionCode, string RegionName, string? Township, string Stage,
    DateOnly? PlannedStartDate, decimal TotalInvestment, decimal AnnualPlannedInvestment, bool ReadyToStart, string? LeaderInCharge, string? ResponsibleUnit);

/// <summary>Projects planned to start by the end of the period that have not started (nor been suspended or terminated).</summary>
public sealed class NotStartedList : CityList<NotStartedRow>
{
    public override string Name => "not-started";
    public override string Title => "计划开工未开工项目清单";
    protected override IReadOnlyList<SheetColumn> Columns =>
    [
        new("项目名称") { Width = 36 }, new("地区"), new("乡镇"), new("阶段"), new("计划开工日期", ColumnKind.Date),
        new("总投资", ColumnKind.Decimal) { Unit = "万元", Total = true }, new("年度计划投资", ColumnKind.Decimal) { Unit = "万元", Total = true },
        new("手续完备"), new("包保领导"), new("责任单位") { Width = 20 },
    ];
    protected override IReadOnlyList<object?> Cells(NotStartedRow r) =>
        [r.Name, r.RegionName, r.Township, Chinese.Label("projectStage", r.Stage), r.PlannedStartDate, r.TotalInvestment, r.AnnualPlannedInvestment,
            r.ReadyToStart ? "是" : "否", r.LeaderInCharge, r.ResponsibleUnit];

    protected override async Task<Paged<NotStartedRow>> QueryAsync(ListRequest request, PageRequest page, CancellationToken ct)
    {
        var end = request.Period.End;
        var result = await request.Projects()
            .Where(p => p.PlannedStartDate <= end && p.ActualStartDate == null && Stages.BeforeStart.Contains(p.Stage))
            .OrderBy(p => p.PlannedStartDate).ThenBy(p => p.RegionCode).ThenBy(p => p.ProjectId)
            .Select(p => new NotStartedRow(p.ProjectId, p.Name, p.RegionCode, "", p.Township, p.Stage, p.PlannedStartDate, p.TotalInvestment,
                p.AnnualPlannedInvestment, p.ReadyToStart, p.LeaderInCharge, p.ResponsibleUnit))
            .ToPageAsync(page, ct);
        return LeaderProjectList.Named(result, r => r with { RegionName = Regions.NameOf(r.RegionCode) });
    }
}

public sealed record StartedNotIncludedRow(Guid ProjectId, string Name, string RegionCode, string RegionName, string? Township,
    DateOnly StartedOn, decimal TotalInvestment, string Stage, string? ResponsibleUnit);

/// <summary>已开工未入库: started by the end of the period, at or above the 500 万 statistics threshold, not included by then.</summary>
public sealed class StartedNotIncludedList : CityList<StartedNotIncludedRow>
{
    /// <summary>计划总投资 500 万元及以上 must be in the statistics (应统尽统).</summary>
    public const decimal StatisticsThreshold = 500m;

    public override string Name => "started-not-included";
    public override string Title => "已开工未入库项目清单";
    protected override IReadOnlyList<SheetColumn> Columns =>
    [
        new("项目名称") { Width = 36 }, new("地区"), new("乡镇"), new("开工日期", ColumnKind.Date),
        new("总投资", ColumnKind.Decimal) { Unit = "万元", Total = true }, new("阶段"), new("责任单位") { Width = 20 },
    ];
    protected override IReadOnlyList<object?> Cells(StartedNotIncludedRow r) =>
        [r.Name, r.RegionName, r.Township, r.StartedOn, r.TotalInvestment, Chinese.Label("projectStage", r.Stage), r.ResponsibleUnit];

    protected override async Task<Paged<StartedNotIncludedRow>> QueryAsync(ListRequest request, PageRequest page, CancellationToken ct)
    {
        var end = request.Period.End;
        var result = await request.Projects()
            .Where(p => p.ActualStartDate <= end && (p.IncludedOn == null || p.IncludedOn > end)
                && p.TotalInvestment >= StatisticsThreshold && p.Stage != Stages.Terminated)
            .OrderBy(p => p.ActualStartDate).ThenBy(p => p.RegionCode).ThenBy(p => p.ProjectId)
            .Select(p => new StartedNotIncludedRow(p.ProjectId, p.Name, p.RegionCode, "", p.Township, p.ActualStartDate!.Value, p.TotalInvestment, p.Stage, p.ResponsibleUnit))
            .ToPageAsync(page, ct);
        return LeaderProjectList.Named(result, r => r with { RegionName = Regions.NameOf(r.RegionCode) });
    }
}

public sealed record BehindScheduleRow(Guid ProjectId, string Name, string RegionCode, string RegionName, string KeyLevel,
    decimal AnnualPlannedInvestment, decimal Expected, decimal YearToDate, decimal Shortfall, string? LeaderInCharge);

/// <summary>未按序时进度: under construction, and the year-to-date 调度数 below m/12 of the annual plan at the period's month.</summary>
public sealed class BehindScheduleList : CityList<BehindScheduleRow>
{
    public override string Name => "behind-schedule";
    public override string Title => "未按序时进度项目清单";
    protected override IReadOnlyList<SheetColumn> Columns =>
    [
        new("项目名称") { Width = 36 }, new("地区"), new("重点级别"),
        new("年度计划投资", ColumnKind.Decimal) { Unit = "万元", Total = true }, new("序时应完成", ColumnKind.Decimal) { Unit = "万元", Total = true },
        new("累计完成", ColumnKind.Decimal) { Unit = "万元", Total = true }, new("差额", ColumnKind.Decimal) { Unit = "万元", Total = true }, new("包保领导"),
    ];
    protected override IReadOnlyList<object?> Cells(BehindScheduleRow r) =>
        [r.Name, r.RegionName, Chinese.Label("keyLevel", r.KeyLevel), r.AnnualPlannedInvestment, r.Expected, r.YearToDate, r.Shortfall, r.LeaderInCharge];

    protected override async Task<Paged<BehindScheduleRow>> QueryAsync(ListRequest request, PageRequest page, CancellationToken ct)
    {
        var visible = request.Projects().Select(p => p.ProjectId);
        var result = await Actuals.BehindSchedule(request.Db, request.AsOf.Year, request.AsOf.Number, keyOnly: false)
            .Where(b => visible.Contains(b.Project.ProjectId))
            .OrderByDescending(b => b.Expected - b.YearToDate).ThenBy(b => b.Project.ProjectId)
            .Select(b => new BehindScheduleRow(b.Project.ProjectId, b.Project.Name, b.Project.RegionCode, "", b.Project.KeyLevel,
                b.Project.AnnualPlannedInvestment, b.Expected, b.YearToDate, b.Expected - b.YearToDate, b.Project.LeaderInCharge))
            .ToPageAsync(page, ct);
        return LeaderProjectList.Named(result, r => r with { RegionName = Regions.NameOf(r.RegionCode) });
    }
}
