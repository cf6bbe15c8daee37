using System.Text.RegularExpressions;

namespace Approvals.Api.Features.Catalogue;

/// <summary>Body of POST and PUT /api/approvals/procedures (PUT ignores a code that differs from the path's).</summary>
public sealed partial record ProcedureInput : IValidatable
{
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? Agency { get; init; }
    public int? TimeLimitWorkingDays { get; init; }
    public bool? RequiredBeforeStart { get; init; }
    public List<string>? DependsOn { get; init; }
    public bool? Active { get; init; }
    public int? SortOrder { get; init; }
    public string? Description { get; init; }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,49}$")]
    private static partial Regex CodePattern();

    public void Validate(ValidationErrors errors)
    {
        errors.Required(Code, "code")
            .Matches(Code, CodePattern(), "code", FieldErrors.InvalidFormat("must be lower-case letters, digits and dashes (2–50), starting with a letter"))
            .Required(Name, "name").MaxLength(Name, 100, "name")
            .Required(Agency, "agency").MaxLength(Agency, 50, "agency")
            .Required(TimeLimitWorkingDays, "timeLimitWorkingDays").Range(TimeLimitWorkingDays, 1, 365, "timeLimitWorkingDays")
            .Required(RequiredBeforeStart, "requiredBeforeStart")
            .Range(SortOrder, 0, 10_000, "sortOrder")
            .MaxLength(Description, 1000, "description")
            .When(DependsOn is { Count: > 20 }, "dependsOn", FieldErrors.TooMany(20, "lists more than 20 procedures"))
            .When(DependsOn?.Any(string.IsNullOrWhiteSpace) == true, "dependsOn", FieldErrors.EmptyEntry("contains an empty code"));
    }
}

public sealed record ProcedureResponse(string Code, string Name, string Agency, int TimeLimitWorkingDays, bool RequiredBeforeStart,
    IReadOnlyList<string> DependsOn, bool Active, int SortOrder, string? Description, DateTimeOffset UpdatedAt, long Version)
{
    public static ProcedureResponse From(Procedure p) => new(p.Code, p.Name, p.Agency, p.TimeLimitWorkingDays, p.RequiredBeforeStart,
        p.DependsOn, p.Active, p.SortOrder, p.Description, p.UpdatedAt, p.Version);
}
