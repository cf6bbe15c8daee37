using Platform.Spreadsheets;

namespace City.Api.Features.Overview;

/// <summary>The monthly ranking report (逐月排名通报) as a workbook: one row per metric and region, the city first.</summary>
public static class OverviewWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static readonly SheetColumn[] Columns =
    [
        new("指标") { Width = 26 },
        new("单位") { Width = 6 },
        new("地区") { Width = 10 },
        new("目标", ColumnKind.Decimal),
        new("完成", ColumnKind.Decimal),
        new("完成率", ColumnKind.Decimal) { Unit = "%" },
        new("排名", ColumnKind.Integer),
        new("较上月", ColumnKind.Decimal),
        new("调度数", ColumnKind.Decimal) { Unit = "万元" },
    ];

    public static byte[] Build(OverviewResponse overview)
    {
        var rows = new List<IReadOnlyList<object?>>();
        var regions = overview.City is null ? overview.Regions : [overview.City, .. overview.Regions];
        var metricCount = regions.FirstOrDefault()?.Metrics.Count ?? 0;
        for (var m = 0; m < metricCount; m++)
            foreach (var region in regions)
            {
                var s = region.Metrics[m];
                var name = ReferenceEquals(region, overview.City) ? "全市" : region.RegionName;
                rows.Add([s.Name, s.Unit, name, s.Target, s.Actual, s.CompletionRate * 100, s.Rank, s.ChangeSincePreviousMonth, s.Scheduled]);
            }
        return XlsxWriter.Write(new SheetDocument
        {
            SheetName = "排名通报",
            Title = $"晋城市项目建设攻坚 {overview.Period} 逐月排名通报（截至 {overview.AsOfMonth}）",
            Columns = Columns,
            Rows = rows,
            Notes =
            [
                "完成率 = 完成 ÷ 目标；完成率相同者并列，下一名次顺延（1、1、3）。",
                "固定资产投资、工业投资、民间投资的完成数为统计部门的统计数；调度数为项目单位报送数，仅供参考。",
                "金额单位：万元（1 亿元 = 10000 万元）；项目数单位：个。",
            ],
        });
    }
}
