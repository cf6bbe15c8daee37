using Platform.ServiceDefaults.Text;
using Platform.Spreadsheets;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Features.Imports;

public static class RowOutcomes
{
    public const string Created = "created", Updated = "updated", Unchanged = "unchanged", Rejected = "rejected";

    /// <summary>A progress row left without an amount: nothing reported for that project this time.</summary>
    public const string Skipped = "skipped";
}

/// <summary>What became of one row; <see cref="Errors"/> only when it was rejected.</summary>
public sealed record RowOutcome(int Row, string Outcome, Guid? ProjectId, string? Name, IReadOnlyList<RowError>? Errors = null);

/// <summary>What the library holds that a sheet's rows are matched and checked against.</summary>
public sealed record ImportLookups(
    IReadOnlyList<Project> InScope,
    IReadOnlyDictionary<string, Guid> NationalCodes,
    IReadOnlyDictionary<string, Guid> StatisticsCodes,
    IReadOnlyDictionary<string, Guid> BondProjectIds,
    IReadOnlyDictionary<(string Region, string Number), Guid> LocalNumbers);

/// <summary>The decision for a whole sheet, before anything is written.</summary>
public sealed record ImportPlan(IReadOnlyList<RowOutcome> Rows, IReadOnlyList<Project> Creates, IReadOnlyList<(Project Existing, ProjectInput Input)> Updates)
{
    public IReadOnlyList<RowError> Errors => Rows.SelectMany(r => r.Errors ?? []).ToList();
    public int Count(string outcome) => Rows.Count(r => r.Outcome == outcome);
}

/// <summary>
/// Matches each row to an existing project (national project code, else name + region), decides created / updated /
/// unchanged / rejected, and says in Chinese what is wrong with a rejected row. Pure: the caller loads, the writer writes.
/// </summary>
public static class ImportPlanner
{
    public static ImportPlan Plan(ParsedSheet sheet, CallerScope caller, ImportLookups lookups, DateOnly today, DateTimeOffset now)
    {
        var outcomes = sheet.Errors.GroupBy(e => e.Row).Select(g => new RowOutcome(g.Key, RowOutcomes.Rejected, null, null, g.ToList())).ToList();
        var creates = new List<Project>();
        var updates = new List<(Project, ProjectInput)>();
        var byCode = lookups.InScope.Where(p => p.NationalCode is not null).ToDictionary(p => p.NationalCode!);
        var byName = lookups.InScope.ToLookup(p => (p.RegionCode, p.Name));
        var seen = new Dictionary<string, int>(); // a project (or a new project's key) → the row that claimed it
        var claimed = new Dictionary<string, int>(); // an identifier → the row that carries it

        foreach (var row in sheet.Rows)
        {
            var errors = new List<RowError>();
            void Error(string field, string problem) => errors.Add(new RowError(row.Row, sheet.HeaderOf(field), problem));
            var input = row.Input;
            var name = input.Name?.Trim();

            if (input.RegionCode is { } region && !caller.CanWrite(region, caller.Township ?? input.Township))
                Error("regionCode", $"不在本单位管辖范围：只能导入{ProjectSheet.RegionLabel(caller.RegionCode)}的项目");
            else if (caller.Township is not null && input.Township?.Trim() != caller.Township)
                Error("township", $"乡镇用户只能导入{caller.Township}的项目");

            var existing = errors.Count == 0 && name is not null && input.RegionCode is not null ? Match(row, name, byCode, byName, lookups, Error) : null;
            var key = existing?.Id.ToString() ?? (input.NationalCode?.Trim() is { Length: > 0 } code ? code : $"{input.RegionCode}/{name}");
            if (errors.Count == 0 && seen.TryGetValue(key, out var firstRow))
                Error(existing is null && input.NationalCode is null ? "name" : "nationalCode", $"与第 {firstRow} 行是同一个项目");

            var merged = existing is null ? input : Overlay(existing.ToInput(), row);
            merged = merged with { KeyLevel = KeyLevelToStore(merged, existing) };
            var (keyLevel, keyLevelRefused) = KeyLevelRules.Resolve(caller, merged.KeyLevel, existing);
            if (keyLevelRefused) Error("keyLevel", KeyLevelRules.Chinese);
            else merged = merged with { KeyLevel = keyLevel };
            if (errors.Count == 0)
            {
                var validation = new ValidationErrors();
                merged.Validate(validation);
                foreach (var (field, error) in validation.All) Error(field, Chinese.Of(error));
            }
            if (errors.Count == 0) CheckIdentifiers(merged, existing?.Id, row.Row, lookups, claimed, Error);
            if (errors.Count == 0 && existing is not null) CheckLifecycleUnchanged(row, existing, Error);
            if (errors.Count == 0 && existing is null
                && Project.ImportedStageProblem(row.Stage ?? ProjectStage.Reserve, row.ActualStartDate, row.ActualFinishDate, today) is { } stageProblem)
                Error(stageProblem.Field, stageProblem.Problem);

            if (errors.Count > 0)
            {
                outcomes.Add(new RowOutcome(row.Row, RowOutcomes.Rejected, existing?.Id, name, errors));
                continue;
            }
            seen[key] = row.Row;
            Claim(merged, row.Row, claimed);
            if (existing is null)
            {
                var project = Project.RegisterImported(merged, row.Stage ?? ProjectStage.Reserve, row.ActualStartDate, row.ActualFinishDate, now);
                creates.Add(project);
                outcomes.Add(new RowOutcome(row.Row, RowOutcomes.Created, project.Id, project.Name));
            }
            else if (existing.WouldChange(merged))
            {
                updates.Add((existing, merged));
                outcomes.Add(new RowOutcome(row.Row, RowOutcomes.Updated, existing.Id, existing.Name));
            }
            else outcomes.Add(new RowOutcome(row.Row, RowOutcomes.Unchanged, existing.Id, existing.Name));
        }
        return new ImportPlan(outcomes.OrderBy(o => o.Row).ToList(), creates, updates);
    }

    /// <summary>National project code first; a code the library does not know yet may name a project registered without one.</summary>
    static Project? Match(SheetProject row, string name, Dictionary<string, Project> byCode, ILookup<(string, string), Project> byName,
        ImportLookups lookups, Action<string, string> error)
    {
        if (row.Input.NationalCode?.Trim() is { Length: > 0 } code)
        {
            if (byCode.TryGetValue(code, out var coded)) return coded;
            if (lookups.NationalCodes.ContainsKey(code))
            {
                // Which project holds it, and where, is not the importer's to learn: the same words as any taken identifier.
                error("nationalCode", "已被另一个项目使用");
                return null;
            }
        }
        var named = byName[(row.Input.RegionCode!, name)].Where(p => row.Input.NationalCode is null || p.NationalCode is null).ToList();
        if (named.Count > 1) error("name", "本地区有多个同名项目，请填写项目代码以区分");
        return named.Count == 1 ? named[0] : null;
    }

    /// <summary>The sheet's value where it has the column; a blank identifier never erases one the project already has.</summary>
    static ProjectInput Overlay(ProjectInput stored, SheetProject row)
    {
        var s = row.Input;
        T? Pick<T>(string field, T? sheet, T? current) => row.Present.Contains(field) ? sheet : current;
        string? Identifier(string field, string? sheet, string? current) => row.Present.Contains(field) && !string.IsNullOrWhiteSpace(sheet) ? sheet : current;
        return new ProjectInput
        {
            Name = s.Name, RegionCode = s.RegionCode,
            Township = Pick("township", s.Township, stored.Township),
            Category = Pick("category", s.Category, stored.Category),
            Nature = Pick("nature", s.Nature, stored.Nature),
            Industry = Pick("industry", s.Industry, stored.Industry),
            Description = Pick("description", s.Description, stored.Description),
            TotalInvestment = Pick("totalInvestment", s.TotalInvestment, stored.TotalInvestment),
            AnnualPlannedInvestment = Pick("annualPlannedInvestment", s.AnnualPlannedInvestment, stored.AnnualPlannedInvestment),
            Year = Pick("year", s.Year, stored.Year),
            PlannedStartDate = Pick("plannedStartDate", s.PlannedStartDate, stored.PlannedStartDate),
            PlannedFinishDate = Pick("plannedFinishDate", s.PlannedFinishDate, stored.PlannedFinishDate),
            IsPrivateInvestment = Pick("isPrivateInvestment", s.IsPrivateInvestment, stored.IsPrivateInvestment),
            IsIndustrial = Pick("isIndustrial", s.IsIndustrial, stored.IsIndustrial),
            IsHighTech = Pick("isHighTech", s.IsHighTech, stored.IsHighTech),
            IsTransformation = Pick("isTransformation", s.IsTransformation, stored.IsTransformation),
            KeyLevel = Pick("keyLevel", s.KeyLevel, stored.KeyLevel),
            LeaderInCharge = Pick("leaderInCharge", s.LeaderInCharge, stored.LeaderInCharge),
            ResponsibleUnit = Pick("responsibleUnit", s.ResponsibleUnit, stored.ResponsibleUnit),
            ContactPerson = Pick("contactPerson", s.ContactPerson, stored.ContactPerson),
            ContactPhone = Pick("contactPhone", s.ContactPhone, stored.ContactPhone),
            NationalCode = Identifier("nationalCode", s.NationalCode, stored.NationalCode),
            StatisticsCode = Identifier("statisticsCode", s.StatisticsCode, stored.StatisticsCode),
            BondProjectId = Identifier("bondProjectId", s.BondProjectId, stored.BondProjectId),
            LocalNumber = Identifier("localNumber", s.LocalNumber, stored.LocalNumber),
        };
    }

    /// <summary>A level that only repeats the rule (an exported 县级重点 of a 6,000 万 plan) stays "by rule", so re-importing changes nothing.</summary>
    static KeyLevel? KeyLevelToStore(ProjectInput input, Project? existing) =>
        input.KeyLevel is { } level && input.AnnualPlannedInvestment is { } plan && level == Project.DefaultKeyLevel(plan)
        && existing?.KeyLevelSetExplicitly != true ? null : input.KeyLevel;

    static void CheckIdentifiers(ProjectInput input, Guid? self, int row, ImportLookups lookups, Dictionary<string, int> claimed, Action<string, string> error)
    {
        void Check(string field, string? value, Func<string, Guid?> holder, string key)
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            if (holder(value.Trim()) is { } other && other != self) error(field, "已被另一个项目使用");
            else if (claimed.TryGetValue(key + value.Trim(), out var first) && first != row) error(field, $"与第 {first} 行重复");
        }
        Check("nationalCode", input.NationalCode, v => lookups.NationalCodes.TryGetValue(v, out var id) ? id : null, "n:");
        Check("statisticsCode", input.StatisticsCode, v => lookups.StatisticsCodes.TryGetValue(v, out var id) ? id : null, "s:");
        Check("bondProjectId", input.BondProjectId, v => lookups.BondProjectIds.TryGetValue(v, out var id) ? id : null, "b:");
        Check("localNumber", input.LocalNumber, v => lookups.LocalNumbers.TryGetValue((input.RegionCode!, v), out var id) ? id : null, $"l:{input.RegionCode}:");
    }

    static void Claim(ProjectInput input, int row, Dictionary<string, int> claimed)
    {
        foreach (var (prefix, value) in new[] { ("n:", input.NationalCode), ("s:", input.StatisticsCode), ("b:", input.BondProjectId), ($"l:{input.RegionCode}:", input.LocalNumber) })
            if (!string.IsNullOrWhiteSpace(value)) claimed.TryAdd(prefix + value.Trim(), row);
    }

    /// <summary>An existing project's stage and actual dates move only through the lifecycle, which checks and announces them.</summary>
    static void CheckLifecycleUnchanged(SheetProject row, Project existing, Action<string, string> error)
    {
        if (row.Stage is { } stage && stage != existing.Stage)
            error("stage", $"已有项目的阶段须在平台中办理阶段变更（当前：{ProjectSheet.Stages[existing.Stage]}）");
        if (row.ActualStartDate is { } start && start != existing.ActualStartDate)
            error("actualStartDate", $"实际开工日期以平台的阶段记录为准（当前：{existing.ActualStartDate?.ToString("yyyy-MM-dd") ?? "未开工"}）");
        if (row.ActualFinishDate is { } finish && finish != existing.ActualFinishDate)
            error("actualFinishDate", $"实际竣工日期以平台的阶段记录为准（当前：{existing.ActualFinishDate?.ToString("yyyy-MM-dd") ?? "未竣工"}）");
    }
}
