using Approvals.Api.Features.Catalogue;
using Platform.ServiceDefaults.Problems;

namespace Approvals.Tests;

public sealed class ProcedureCatalogueTests
{
    static readonly Dictionary<string, IReadOnlyList<string>> Catalogue = new()
    {
        ["land-presite"] = [],
        ["land-planning-permit"] = ["land-presite"],
        ["works-planning-permit"] = ["land-planning-permit"],
        ["construction-permit"] = ["works-planning-permit"],
    };

    [Fact]
    public void A_procedure_may_depend_on_known_procedures() =>
        Assert.Null(Procedure.DependencyProblem("fire-safety", ["works-planning-permit"], Catalogue));

    [Fact]
    public void A_procedure_cannot_depend_on_an_unknown_code() =>
        Assert.Contains("not in the catalogue", Procedure.DependencyProblem("fire-safety", ["no-such"], Catalogue));

    [Fact]
    public void A_dependency_cycle_is_refused()
    {
        Assert.Contains("itself", Procedure.DependencyProblem("land-presite", ["construction-permit"], Catalogue));
        Assert.Contains("itself", Procedure.DependencyProblem("eia", ["eia"], Catalogue));
    }

    [Fact]
    public void A_procedure_needs_a_code_name_agency_and_a_positive_limit()
    {
        var errors = new ValidationErrors();
        new ProcedureInput { Code = "Bad Code", TimeLimitWorkingDays = 0 }.Validate(errors);
        var fields = errors.ToDictionary().Keys;
        foreach (var field in new[] { "code", "name", "agency", "timeLimitWorkingDays", "requiredBeforeStart" }) Assert.Contains(field, fields);
    }
}
