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
    /// <summary>Null and a problem when no header row is found or required columns are missing.</summary>
    public static (ParsedSheet? Sheet, string? Problem) Read(IReadOnlyList<SheetRow> sheet)
    {
        var (layout, problem) = SheetLayout.Find(sheet, ProjectSheet.Columns, "name");
        if (layout is null) return (null, problem);
        var present = ProjectSheet.Columns.Where(c => layout.Has(c.Field)).Select(c => c.Field).ToHashSet();
        var rows = new List<SheetProject>();
        var errors = new List<RowError>();
        var read = 0;
        foreach (var row in layout.DataRows(sheet, "name"))
        {
            read++;
            if (ReadRow(row, layout, present, errors) is { } project) rows.Add(project);
        }
        return (new ParsedSheet(rows, errors, layout.Headers, read), null);
    }

    static SheetProject? ReadRow(SheetRow row, SheetLayout layout, IReadOnlySet<string> present, List<RowError> errors)
    {
        var before = errors.Count;
        string? Text(string field) => layout.Text(row, field);
        void Error(string field, string problem) => errors.Add(new RowError(row.Number, layout.Headers[field], problem));

        decimal? Money(string field)
        {
            if (Text(field) is not { } text) return null;
            if (CellText.TryDecimal(text, out var value) && Math.Abs(value) < 1e15m) return value * layout.Factor(field);
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
