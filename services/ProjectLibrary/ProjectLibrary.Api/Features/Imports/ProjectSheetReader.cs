using Platform.ServiceDefaults.Auth;
using Platform.Spreadsheets;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Features.Imports;

/// <summary>One data row of a project sheet, read into the API's input. <see cref="Present"/> holds the fields whose column the sheet has.</summary>
public sealed record SheetProject(int Row, ProjectInput Input, IReadOnlySet<string> Present, ProjectStage? Stage, DateOnly? ActualStartDate, DateOnly? ActualFinishDate);

/// <summary>The rows of a sheet that could be read, the cells that could not, and each field's header as the sheet writes it.</summary>
public sealed record ParsedSheet(IReadOnlyList<SheetProject> Rows, IReadOnlyList<RowError> Errors, IReadOnlyDictionary<string, string> Headers, int RowsRead)
{
    public string HeaderOf(string field) =>
        Headers.TryGetValue(field, out var header) ? header : ProjectSheet.Columns.FirstOrDefault(c => c.Field == field)?.Header ?? field;
}

/// <summary>
/// Finds the header row (a title may sit above it), maps the columns by name and reads each row's cells into a
/// <see cref="ProjectInput"/>, reporting every unreadable cell in Chinese. Rules that need the database are not checked here.
/// </summary>
public static class ProjectSheetReader
{
    const int HeaderSearchRows = 10;

    /// <summary>Null and a problem when no header row is found or required columns are missing.</summary>
    public static (ParsedSheet? Sheet, string? Problem) Read(IReadOnlyList<SheetRow> sheet)
    {
        foreach (var header in sheet.Take(HeaderSearchRows))
        {
            var map = MapColumns(header);
            if (!map.ContainsKey("name")) continue;
            var missing = ProjectSheet.Columns.Where(c => c.Required && !map.ContainsKey(c.Field)).Select(c => $"“{c.Header}”").ToList();
            if (missing.Count > 0) return (null, $"表头缺少必填列：{string.Join("、", missing)}。请使用导入模板。");
            var headers = map.ToDictionary(m => m.Key, m => header[m.Value.Index].Trim());
            var present = map.Keys.ToHashSet();
            var rows = new List<SheetProject>();
            var errors = new List<RowError>();
            var read = 0;
            foreach (var row in sheet.Where(r => r.Number > header.Number && !IsTotalsRow(r, map)))
            {
                read++;
                if (ReadRow(row, map, headers, present, errors) is { } project) rows.Add(project);
            }
            return (new ParsedSheet(rows, errors, headers, read), null);
        }
        return (null, "未找到表头行：前 10 行中没有“项目名称”列。请使用导入模板。");
    }

    /// <summary>Field → column index and the factor turning the column's unit into 万元 (亿元 × 10000).</summary>
    static Dictionary<string, (int Index, decimal Factor)> MapColumns(SheetRow header)
    {
        var map = new Dictionary<string, (int, decimal)>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var (name, unit) = CellText.SplitUnit(header[i]);
            var column = ProjectSheet.Columns.FirstOrDefault(c => CellText.Normal(c.Header) == name || c.Aliases.Any(a => CellText.Normal(a) == name));
            if (column is null || map.ContainsKey(column.Field)) continue;
            map[column.Field] = (i, unit == "亿元" ? 10_000m : 1m);
        }
        return map;
    }

    static bool IsTotalsRow(SheetRow row, Dictionary<string, (int Index, decimal Factor)> map) =>
        CellText.Normal(row[map["name"].Index]) is "合计" or "总计" || CellText.Normal(row[0]) is "合计" or "总计";

    static SheetProject? ReadRow(SheetRow row, Dictionary<string, (int Index, decimal Factor)> map, Dictionary<string, string> headers,
        IReadOnlySet<string> present, List<RowError> errors)
    {
        var before = errors.Count;
        string? Text(string field) => map.TryGetValue(field, out var c) && row[c.Index].Trim() is { Length: > 0 } t ? t : null;
        void Error(string field, string problem) => errors.Add(new RowError(row.Number, headers[field], problem));

        decimal? Money(string field)
        {
            if (Text(field) is not { } text) return null;
            if (CellText.TryDecimal(text, out var value) && Math.Abs(value) < 1e15m) return value * map[field].Factor;
            Error(field, $"“{text}”不是数字（单位万元）");
            return null;
        }
        DateOnly? Date(string field)
        {
            if (Text(field) is not { } text) return null;
            if (CellText.TryDate(text, out var value)) return value;
            Error(field, $"“{text}”不是日期，请写作 2025-03-18");
            return null;
        }
        bool? Flag(string field)
        {
            if (Text(field) is not { } text) return null;
            if (CellText.TryBoolean(text, out var value)) return value;
            Error(field, $"“{text}”应填“是”或“否”");
            return null;
        }
        T? Choice<T>(string field, IReadOnlyDictionary<T, string> labels) where T : struct, Enum
        {
            if (Text(field) is not { } text) return null;
            if (Label(text, labels) is { } value) return value;
            Error(field, $"“{text}”不在可选值中（{string.Join("、", labels.Values)}）");
            return null;
        }

        int? year = null;
        if (Text("year") is { } yearText)
        {
            if (CellText.TryInteger(yearText, out var y)) year = y;
            else Error("year", $"“{yearText}”不是年份");
        }
        string? region = null;
        if (Text("regionCode") is { } regionText)
        {
            region = RegionCode(regionText);
            if (region is null) Error("regionCode", $"“{regionText}”不是本市的县（市、区）");
        }

        var input = new ProjectInput
        {
            Name = Text("name"),
            NationalCode = Text("nationalCode"),
            RegionCode = region,
            Township = Text("township"),
            Category = Choice("category", ProjectSheet.Categories),
            Nature = Choice("nature", ProjectSheet.Natures),
            Industry = Text("industry"),
            Description = Text("description"),
            TotalInvestment = Money("totalInvestment"),
            AnnualPlannedInvestment = Money("annualPlannedInvestment"),
            Year = year,
            PlannedStartDate = Date("plannedStartDate"),
            PlannedFinishDate = Date("plannedFinishDate"),
            IsPrivateInvestment = Flag("isPrivateInvestment"),
            IsIndustrial = Flag("isIndustrial"),
            IsHighTech = Flag("isHighTech"),
            IsTransformation = Flag("isTransformation"),
            KeyLevel = Choice("keyLevel", ProjectSheet.KeyLevels),
            LeaderInCharge = Text("leaderInCharge"),
            ResponsibleUnit = Text("responsibleUnit"),
            ContactPerson = Text("contactPerson"),
            ContactPhone = Text("contactPhone"),
            StatisticsCode = Text("statisticsCode"),
            BondProjectId = Text("bondProjectId"),
            LocalNumber = Text("localNumber"),
        };
        var stage = Choice("stage", ProjectSheet.Stages);
        var actualStart = Date("actualStartDate");
        var actualFinish = Date("actualFinishDate");
        return errors.Count == before ? new SheetProject(row.Number, input, present, stage, actualStart, actualFinish) : null;
    }

    /// <summary>A label as the console writes it, without a trailing 重点 ("县级"), or the API's name ("county").</summary>
    public static T? Label<T>(string text, IReadOnlyDictionary<T, string> labels) where T : struct, Enum
    {
        var normal = CellText.Normal(text);
        foreach (var (value, label) in labels)
            if (CellText.Normal(label) == normal || (label.EndsWith("重点") && label[..^2] == normal)) return value;
        return Enum.TryParse<T>(normal, ignoreCase: true, out var named) && Enum.IsDefined(named) && !int.TryParse(normal, out _) ? named : null;
    }

    /// <summary>阳城县, 阳城, 市本级 or 140522 → 140522.</summary>
    public static string? RegionCode(string text)
    {
        var normal = CellText.Normal(text);
        if (Regions.IsKnown(normal)) return normal;
        if (normal is "市本级" or "市直" or "晋城市") return Regions.City;
        return Regions.Names.FirstOrDefault(r => r.Key != Regions.City && (r.Value == normal || r.Value[..^1] == normal)).Key;
    }
}
