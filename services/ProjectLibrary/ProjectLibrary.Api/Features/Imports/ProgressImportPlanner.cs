using Platform.Spreadsheets;
using ProjectLibrary.Api.Features.Progress;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Features.Imports;

/// <summary>What a progress sheet is checked against: the caller's projects it names, their reported months, the locked months.</summary>
public sealed record ProgressLookups(
    IReadOnlyList<Project> Projects,
    IReadOnlyList<MonthlyProgress> Reported,
    IReadOnlySet<(string Region, int Year, int Month)> Locked);

/// <summary>One month to store: a new report (<see cref="Existing"/> null) or a correction of a reported one.</summary>
public sealed record ProgressChange(int Row, Project Project, Period Period, decimal Amount, string? Note, MonthlyProgress? Existing);

public sealed record ProgressPlan(IReadOnlyList<RowOutcome> Rows, IReadOnlyList<ProgressChange> Changes)
{
    public IReadOnlyList<RowError> Errors => Rows.SelectMany(r => r.Errors ?? []).ToList();
}

/// <summary>
/// Matches each row to one of the caller's projects (the platform's id from a downloaded sheet, the national project code,
/// else name + region) and decides whether the
/// month is reported (created), corrected (updated), the same (unchanged) or refused, with the reason in Chinese.
/// The rules are those of POST /api/projects/{id}/progress: a month that has begun, not locked, two decimals, not negative.
/// </summary>
public static class ProgressImportPlanner
{
    public static ProgressPlan Plan(ParsedProgressSheet sheet, CallerScope caller, ProgressLookups lookups, DateOnly today)
    {
        var outcomes = sheet.Errors.GroupBy(e => e.Row).Select(g => new RowOutcome(g.Key, RowOutcomes.Rejected, null, null, g.ToList()))
            .Concat(sheet.Blank.Select(b => new RowOutcome(b.Row, RowOutcomes.Skipped, null, b.Name))).ToList();
        var changes = new List<ProgressChange>();
        var byId = lookups.Projects.ToDictionary(p => p.Id);
        var byCode = lookups.Projects.Where(p => p.NationalCode is not null).ToDictionary(p => p.NationalCode!);
        var byName = lookups.Projects.ToLookup(p => (p.RegionCode, p.Name));
        var reported = lookups.Reported.ToDictionary(m => (m.ProjectId, m.Year, m.Month));
        var seen = new Dictionary<(Guid, Period), int>();

        foreach (var row in sheet.Rows)
        {
            var errors = new List<RowError>();
            void Error(string field, string problem) => errors.Add(new RowError(row.Row, sheet.HeaderOf(field), problem));

            var project = caller.CanWrite(row.RegionCode, caller.Township)
                ? Match(row, byId, byCode, byName, Error)
                : Refuse(() => Error("regionCode", $"不在本单位管辖范围：只能报送{ProjectSheet.RegionLabel(caller.RegionCode)}{caller.Township}的项目"));
            if (project is not null)
            {
                if (!row.Period.HasBegunBy(today)) Error("period", $"{row.Period} 尚未开始，不能报送");
                else if (lookups.Locked.Contains((project.RegionCode, row.Period.Year, row.Period.Month)))
                    Error("period", $"{row.Period} 已审核锁定，如需更正请项目办先解锁");
                else if (seen.TryGetValue((project.Id, row.Period), out var first)) Error("period", $"与第 {first} 行是同一项目的同一月份");
            }
            if (errors.Count > 0)
            {
                outcomes.Add(new RowOutcome(row.Row, RowOutcomes.Rejected, project?.Id, row.Name, errors));
                continue;
            }

            seen[(project!.Id, row.Period)] = row.Row;
            reported.TryGetValue((project.Id, row.Period.Year, row.Period.Month), out var existing);
            var note = row.HasNote ? row.Note : existing?.Note;
            if (existing is not null && existing.CompletedInvestment == row.Amount && existing.Note == note)
            {
                outcomes.Add(new RowOutcome(row.Row, RowOutcomes.Unchanged, project.Id, project.Name));
                continue;
            }
            changes.Add(new ProgressChange(row.Row, project, row.Period, row.Amount, note, existing));
            outcomes.Add(new RowOutcome(row.Row, existing is null ? RowOutcomes.Created : RowOutcomes.Updated, project.Id, project.Name));
        }
        return new ProgressPlan(outcomes.OrderBy(o => o.Row).ToList(), changes);
    }

    static Project? Match(SheetProgress row, Dictionary<Guid, Project> byId, Dictionary<string, Project> byCode, ILookup<(string, string), Project> byName,
        Action<string, string> error)
    {
        if (row.ProjectId is { } id)
        {
            if (!byId.TryGetValue(id, out var known)) return Refuse(() => error("projectId", "本单位管辖范围内没有该平台编号的项目"));
            if (known.RegionCode != row.RegionCode)
                return Refuse(() => error("regionCode", $"与平台编号不符：该项目属于{ProjectSheet.RegionLabel(known.RegionCode)}"));
            return known;
        }
        if (row.NationalCode is { } code)
        {
            if (!byCode.TryGetValue(code, out var coded)) return Refuse(() => error("nationalCode", "本单位管辖范围内没有该项目代码的项目"));
            if (coded.RegionCode != row.RegionCode)
                return Refuse(() => error("regionCode", $"与项目代码不符：该项目属于{ProjectSheet.RegionLabel(coded.RegionCode)}"));
            return coded;
        }
        var named = byName[(row.RegionCode, row.Name.Trim())].ToList();
        return named.Count switch
        {
            1 => named[0],
            0 => Refuse(() => error("name", $"{ProjectSheet.RegionLabel(row.RegionCode)}没有名为“{row.Name.Trim()}”的项目，请核对名称或填写项目代码")),
            _ => Refuse(() => error("name", "本地区有多个同名项目，请填写项目代码以区分")),
        };
    }

    static Project? Refuse(Action report)
    {
        report();
        return null;
    }
}
