using Platform.Contracts;
using Platform.Contracts.ProjectLibrary;

namespace Platform.Messaging.Tests;

public sealed class ContractRulesTests
{
    static readonly MessageValidators Validators = new();

    static ProjectUpdated Genuine(Func<ProjectSnapshot, ProjectSnapshot>? change = null)
    {
        var snapshot = new ProjectSnapshot
        {
            ProjectId = Guid.NewGuid(), Name = "阳城县东部片区供水工程", RegionCode = "140522", Township = "凤城镇", Category = "infrastructure",
            Nature = "new", Stage = "reserve", Industry = "水利", TotalInvestment = 32000.50m, AnnualPlannedInvestment = 8000m, Year = 2025,
            KeyLevel = "county", PlannedStartDate = new DateOnly(2025, 4, 1),
        };
        return new ProjectUpdated { Project = change?.Invoke(snapshot) ?? snapshot, Version = 2, OccurredAt = DateTimeOffset.UtcNow };
    }

    static IReadOnlyList<string> Check<T>(T message) where T : class => Validators.Check(message, 10_000_000m);

    [Fact]
    public void Every_event_in_Platform_Contracts_has_content_rules()
    {
        var events = typeof(ProjectRegistered).Assembly.GetExportedTypes()
            .Where(t => t.Namespace!.StartsWith("Platform.Contracts.", StringComparison.Ordinal) && t != typeof(ProjectSnapshot));
        Assert.Empty(events.Where(t => !Validators.Covers(t)).Select(t => t.FullName));
    }

    [Fact]
    public void A_genuine_ProjectUpdated_passes() => Assert.Empty(Check(Genuine()));

    [Theory]
    [InlineData("regionCode", "project.regionCode")]
    [InlineData("totalInvestment", "project.totalInvestment")]
    [InlineData("negative", "project.annualPlannedInvestment")]
    [InlineData("decimals", "project.totalInvestment")]
    [InlineData("year", "project.year")]
    [InlineData("date", "project.plannedStartDate")]
    [InlineData("emptyId", "project.projectId")]
    [InlineData("longName", "project.name")]
    [InlineData("nul", "project.name")]
    [InlineData("stage", "project.stage")]
    public void A_forged_ProjectUpdated_is_refused_naming_the_field(string forgery, string field)
    {
        var message = Genuine(p => forgery switch
        {
            "regionCode" => p with { RegionCode = "999999" },
            "totalInvestment" => p with { TotalInvestment = 10_000_000.01m },
            "negative" => p with { AnnualPlannedInvestment = -1m },
            "decimals" => p with { TotalInvestment = 1.005m },
            "year" => p with { Year = 99999 },
            "date" => p with { PlannedStartDate = new DateOnly(1, 1, 1) },
            "emptyId" => p with { ProjectId = Guid.Empty },
            "longName" => p with { Name = new string('名', 201) },
            "nul" => p with { Name = "a\0b" },
            "stage" => p with { Stage = "'; drop table projects; --" },
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        });
        Assert.Contains(Check(message), problem => problem.StartsWith(field + " ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    [InlineData(long.MaxValue)]
    public void A_version_no_aggregate_can_have_is_refused(long version) =>
        Assert.Contains(Check(Genuine() with { Version = version }), p => p.StartsWith("version ", StringComparison.Ordinal));

    [Fact]
    public void A_progress_report_for_a_month_that_is_not_one_is_refused()
    {
        var report = new ProgressReported
        {
            ProjectId = Guid.NewGuid(), RegionCode = RegionCodes.City, Period = "2025-13", CompletedInvestment = 1m,
            YearToDateInvestment = 1m, Version = 3, OccurredAt = DateTimeOffset.UtcNow,
        };
        Assert.Equal(["period '2025-13' is not a month written like 2025-03"], Check(report));
        Assert.Empty(Check(report with { Period = "2025-12" }));
    }

    [Theory]
    [InlineData(10_001L, 1L, true)]
    [InlineData(10_002L, 1L, false)]
    [InlineData(10_000L, null, true)]
    [InlineData(10_001L, null, false)]
    [InlineData((long)int.MaxValue, 7L, false)]
    public void An_event_version_more_than_the_allowed_gap_ahead_of_the_held_one_is_refused(long incoming, long? held, bool accepted)
    {
        if (accepted) Assert.True(EventVersion.IsNewer(incoming, held));
        else Assert.Throws<MessageRejectedException>(() => EventVersion.IsNewer(incoming, held));
    }

    [Fact]
    public void An_event_moving_a_known_project_to_another_region_is_refused()
    {
        var id = Guid.NewGuid();
        EventRegion.EnsureUnchanged(null, "140522", "Project", id);
        EventRegion.EnsureUnchanged("140522", "140522", "Project", id);
        var refused = Assert.Throws<MessageRejectedException>(() => EventRegion.EnsureUnchanged("140522", "140581", "Project", id));
        Assert.Contains("140581", refused.Reason);
    }
}
