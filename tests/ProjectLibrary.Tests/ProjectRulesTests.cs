using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Problems;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Tests;

public sealed class ProjectRulesTests
{
    static ProjectInput Input(decimal annual = 3000m, KeyLevel? keyLevel = null) => new()
    {
        Name = "大唐阳城2×1000MW煤电项目", RegionCode = "140522", Category = ProjectCategory.Industry, Nature = ProjectNature.New,
        TotalInvestment = 800000m, AnnualPlannedInvestment = annual, Year = 2025, KeyLevel = keyLevel,
    };

    [Theory]
    [InlineData(4999.99, KeyLevel.None)]
    [InlineData(5000, KeyLevel.County)]
    [InlineData(120000, KeyLevel.County)]
    public void A_county_key_project_is_one_with_an_annual_plan_of_at_least_5000_wan(decimal annual, KeyLevel expected) =>
        Assert.Equal(expected, Project.Register(Input(annual), DateTimeOffset.UtcNow).KeyLevel);

    [Fact]
    public void A_key_level_set_by_the_office_wins_over_the_rule()
    {
        var project = Project.Register(Input(annual: 100m, keyLevel: KeyLevel.Provincial), DateTimeOffset.UtcNow);
        Assert.Equal(KeyLevel.Provincial, project.KeyLevel);
        Assert.True(project.KeyLevelSetExplicitly);
    }

    [Fact]
    public void A_new_project_starts_in_reserve_at_version_1_and_each_change_raises_the_version()
    {
        var project = Project.Register(Input(), DateTimeOffset.UtcNow);
        Assert.Equal(ProjectStage.Reserve, project.Stage);
        Assert.Equal(1, project.Version);
        Assert.Equal("\"1\"", project.ETag);
        project.Update(Input(annual: 6000m), DateTimeOffset.UtcNow);
        Assert.Equal(2, project.Version);
        Assert.Equal(KeyLevel.County, project.KeyLevel);
    }

    [Theory]
    [InlineData("2503-140522-04-01-123456", null)]
    [InlineData("2312-140000-89-01-000001", null)]
    [InlineData("2503-140522-04-01-12345", "must look like")]
    [InlineData("2513-140522-04-01-123456", "month")]
    [InlineData("2503-110101-04-01-123456", "region segment")]
    [InlineData("2503140522-04-01-1234567", "must look like")]
    public void The_national_project_code_is_checked_for_format_month_and_region(string code, string? problem)
    {
        var actual = NationalProjectCode.Problem(code);
        if (problem is null) Assert.Null(actual);
        else Assert.Contains(problem, actual);
    }

    [Fact]
    public void Validation_lists_every_wrong_field()
    {
        var errors = new ValidationErrors();
        new ProjectInput { Name = "", TotalInvestment = -5m, AnnualPlannedInvestment = 10.123m, Year = 1800, RegionCode = "999999" }.Validate(errors);
        var fields = errors.ToDictionary().Keys;
        foreach (var field in new[] { "name", "regionCode", "category", "nature", "totalInvestment", "annualPlannedInvestment", "year" })
            Assert.Contains(field, fields);
    }

    [Fact]
    public void The_annual_plan_cannot_exceed_the_total_investment()
    {
        var errors = new ValidationErrors();
        (Input() with { AnnualPlannedInvestment = 900000m }).Validate(errors);
        Assert.Contains("annualPlannedInvestment", errors.ToDictionary().Keys);
    }

    [Fact]
    public void An_amount_the_other_contexts_would_refuse_as_an_event_is_refused_at_the_door()
    {
        var ceiling = Platform.Contracts.Amounts.MaxPerRecord;
        Assert.Equal(ceiling, new Platform.Messaging.MessagingOptions().MaxAmount);
        var errors = new ValidationErrors();
        (Input() with { TotalInvestment = ceiling + 0.01m, AnnualPlannedInvestment = ceiling }).Validate(errors);
        Assert.Equal(["totalInvestment"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void A_validation_problem_carries_each_field_errors_code_and_parameters_beside_the_English_words()
    {
        var errors = new ValidationErrors();
        (Input() with { Name = new string('名', 201), Year = null }).Validate(errors);

        var problem = Problem.Validation(errors).ProblemDetails;

        Assert.Equal("""[{"field":"name","code":"max_length","params":{"max":200}},{"field":"year","code":"required"}]""",
            JsonSerializer.Serialize(problem.Extensions["fieldErrors"], Json.Options));
        Assert.Equal(["must be at most 200 characters"], ((HttpValidationProblemDetails)problem).Errors["name"]);
    }
}
