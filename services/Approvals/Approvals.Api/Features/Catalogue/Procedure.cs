namespace Approvals.Api.Features.Catalogue;

/// <summary>
/// One pre-construction procedure of the catalogue (前期手续目录): who decides it, its statutory time limit in
/// working days, whether construction may start without it, and which procedures must be through first.
/// The catalogue is the city's: one list for every county.
/// </summary>
public sealed class Procedure : IAudited
{
    /// <summary>Stable code integrators use (eia, construction-permit …); never changes once created.</summary>
    public string Code { get; init; } = "";
    public string Name { get; private set; } = "";
    public string Agency { get; private set; } = "";
    public int TimeLimitWorkingDays { get; private set; }
    public bool RequiredBeforeStart { get; private set; }
    public List<string> DependsOn { get; private set; } = [];
    /// <summary>Inactive procedures stay for the checklists that have them but go into no new checklist.</summary>
    public bool Active { get; private set; } = true;
    public int SortOrder { get; private set; }
    public string? Description { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; }

    public string RegionCode => Regions.City;
    public string ETag => $"\"{Version}\"";

    public static Procedure Create(ProcedureInput input, DateTimeOffset now)
    {
        var procedure = new Procedure { Code = input.Code!.Trim() };
        procedure.Apply(input, now);
        procedure.Version = 1;
        return procedure;
    }

    public void Update(ProcedureInput input, DateTimeOffset now)
    {
        Apply(input, now);
        Version++;
    }

    void Apply(ProcedureInput input, DateTimeOffset now)
    {
        Name = input.Name!.Trim();
        Agency = input.Agency!.Trim();
        TimeLimitWorkingDays = input.TimeLimitWorkingDays!.Value;
        RequiredBeforeStart = input.RequiredBeforeStart!.Value;
        DependsOn = (input.DependsOn ?? []).Select(d => d.Trim()).Distinct().ToList();
        Active = input.Active ?? true;
        SortOrder = input.SortOrder ?? 100;
        Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        UpdatedAt = now;
    }

    /// <summary>
    /// The refusal for a catalogue in which <paramref name="changed"/> would depend on an unknown code or, through
    /// others, on itself; null when the dependencies are sound.
    /// </summary>
    public static string? DependencyProblem(string changed, IReadOnlyList<string> dependsOn, IReadOnlyDictionary<string, IReadOnlyList<string>> others)
    {
        if (dependsOn.FirstOrDefault(d => d != changed && !others.ContainsKey(d)) is { } unknown)
            return $"depends on {unknown}, which is not in the catalogue";
        var graph = new Dictionary<string, IReadOnlyList<string>>(others) { [changed] = dependsOn };
        var seen = new HashSet<string>();
        var stack = new Stack<string>(dependsOn);
        while (stack.TryPop(out var code))
        {
            if (code == changed) return "would depend on itself through its dependencies";
            if (!seen.Add(code)) continue;
            foreach (var next in graph.GetValueOrDefault(code) ?? []) stack.Push(next);
        }
        return null;
    }
}
