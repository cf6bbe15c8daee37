using City.Api.Features.ReadModels;
using City.Api.Features.Targets;
using Platform.Spreadsheets;

namespace City.Api.Features.Lists;

/// <summary>What a list request asks for: the period, the caller's scope and the filters.</summary>
public sealed record ListRequest(CityDb Db, Period Period, DateOnly Today, CallerScope Caller, string? RegionCode, string? Township, string? Leader)
{
    /// <summary>The month the period stands at today (序时进度 is measured there).</summary>
    public Period AsOf => Period.AsOfMonth(Today);

    /// <summary>Projects the caller may see, narrowed by the region and township filters.</summary>
    public IQueryable<ProjectView> Projects()
    {
        var q = Db.Projects();
        if (!Caller.IsCity) q = q.Where(p => p.RegionCode == Caller.RegionCode);
        if (Caller.Township is not null) q = q.Where(p => p.Township == Caller.Township);
        if (RegionCode is not null) q = q.Where(p => p.RegionCode == RegionCode);
        if (Township is not null) q = q.Where(p => p.Township == Township);
        return q;
    }

    /// <summary>Regions the caller may see, narrowed by the region filter.</summary>
    public IEnumerable<string> RegionCodes() =>
        Regions.Codes.Where(r => Caller.CanRead(r) && (RegionCode is null || r == RegionCode));
}

/// <summary>One of the nine lists (九张清单): its rows as JSON pages, and as a sheet a bureau would print.</summary>
public interface ICityList
{
    string Name { get; }
    string Title { get; }
    Task<Paged<object>> PageAsync(ListRequest request, PageRequest page, CancellationToken ct);
    Task<SheetDocument> SheetAsync(ListRequest request, CancellationToken ct);
}

public abstract class CityList<TRow> : ICityList where TRow : class
{
    /// <summary>An export holds at most this many rows; a bigger one should be filtered by region.</summary>
    public const int MaxExportRows = 50_000;

    public abstract string Name { get; }
    public abstract string Title { get; }
    protected abstract IReadOnlyList<SheetColumn> Columns { get; }
    protected abstract IReadOnlyList<object?> Cells(TRow row);
    protected abstract Task<Paged<TRow>> QueryAsync(ListRequest request, PageRequest page, CancellationToken ct);
    protected virtual string? TotalsLabel => "合计";

    public async Task<Paged<object>> PageAsync(ListRequest request, PageRequest page, CancellationToken ct)
    {
        var result = await QueryAsync(request, page, ct);
        return new Paged<object>(result.Items.Cast<object>().ToList(), result.Page, result.PageSize, result.Total);
    }

    public async Task<SheetDocument> SheetAsync(ListRequest request, CancellationToken ct)
    {
        var rows = await QueryAsync(request, new PageRequest(1, MaxExportRows), ct);
        var scope = request.Caller.IsCity && request.RegionCode is null ? "晋城市" : Regions.NameOf(request.RegionCode ?? request.Caller.RegionCode);
        return new SheetDocument
        {
            SheetName = Title.Length > 31 ? Title[..31] : Title,
            Title = $"{scope}{Title}（{request.Period}）",
            Columns = Columns,
            Rows = rows.Items.Select(Cells).ToList(),
            TotalsLabel = TotalsLabel,
            Notes = [$"共 {rows.Total} 条。金额单位：万元。数据来源：项目建设攻坚平台，截至 {request.Today:yyyy-MM-dd}。"],
        };
    }
}

public static class ListQueries
{
    public static IQueryable<ProjectView> Projects(this CityDb db) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.ProjectViews).Where(p => p.Registered);
}
