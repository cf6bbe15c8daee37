using City.Api.Features.ReadModels;
using City.Api.Features.Targets;

namespace City.Tests;

public sealed class ContributionTests
{
    static ProjectView View(Action<ProjectView> set)
    {
        var view = ProjectView.Stub(Guid.NewGuid(), "140522", DateTimeOffset.UtcNow);
        view.Apply(Events.Snapshot(), 1, DateTimeOffset.UtcNow);
        set(view);
        return view;
    }

    static decimal Sum(IEnumerable<Contribution> contributions, string metric, string period) =>
        contributions.Where(c => c.Metric == metric && c.Periods.Contains(period)).Sum(c => c.Amount);

    [Theory]
    [InlineData(500_000, Metrics.BigNewStarts50Plus)]
    [InlineData(499_999.99, Metrics.BigNewStarts10To50)]
    [InlineData(100_000, Metrics.BigNewStarts10To50)]
    [InlineData(50_000, Metrics.BigNewStarts5To10)]
    [InlineData(49_999, null)]
    public void New_starts_fall_into_the_size_bands_of_the_notice(double total, string? band) =>
        Assert.Equal(band, Contributions.SizeBand((decimal)total));

    [Fact]
    public void A_started_project_counts_as_a_new_start_in_its_month_quarter_and_year()
    {
        var view = View(v => { v.ActualStartDate = new DateOnly(2030, 5, 10); v.TotalInvestment = 120_000m; });
        var c = Contributions.Of(view, []).ToList();
        foreach (var period in new[] { "2030-05", "2030-Q2", "2030" }) Assert.Equal(1m, Sum(c, Metrics.NewStarts, period));
        Assert.Equal(1m, Sum(c, Metrics.BigNewStarts10To50, "2030"));
        Assert.Equal(0m, Sum(c, Metrics.NewStarts, "2030-Q1"));
    }

    [Fact]
    public void Official_investment_is_the_statistics_figure_and_the_progress_figure_is_only_scheduled()
    {
        var view = View(v => { v.IsIndustrial = true; });
        var figures = new[]
        {
            new ProjectFigure { ProjectId = view.ProjectId, Source = ProjectFigure.Statistics, Period = "2030-03", CompletedInvestment = 800m },
            new ProjectFigure { ProjectId = view.ProjectId, Source = ProjectFigure.Progress, Period = "2030-03", CompletedInvestment = 1_000m },
        };
        var c = Contributions.Of(view, figures).ToList();
        Assert.Equal((800m, 800m, 0m, 1_000m), (Sum(c, Metrics.FixedAssetInvestment, "2030-Q1"), Sum(c, Metrics.IndustrialInvestment, "2030"),
            Sum(c, Metrics.PrivateInvestment, "2030"), Sum(c, Metrics.ScheduledInvestment, "2030-03")));
    }

    [Fact]
    public void The_reserve_counts_every_registered_project_of_the_plan_year_except_terminated_ones()
    {
        var provincial = View(v => { v.KeyLevel = "provincial"; v.IsPrivateInvestment = true; v.AnnualPlannedInvestment = 9_000m; });
        var c = Contributions.Of(provincial, []).ToList();
        Assert.Equal((1m, 9_000m, 1m, 9_000m, 1m), (Sum(c, Metrics.ReserveCount, "2030"), Sum(c, Metrics.ReserveAnnualInvestment, "2030"),
            Sum(c, Metrics.ReserveProvincialKeyCount, "2030"), Sum(c, Metrics.ReservePrivateInvestment, "2030"), Sum(c, Metrics.ReservePrivateCount, "2030")));
        Assert.Empty(Contributions.Of(View(v => v.Stage = Stages.Terminated), []));
        Assert.Empty(Contributions.Of(ProjectView.Stub(Guid.NewGuid(), "140522", DateTimeOffset.UtcNow), []));
    }

    [Fact]
    public void An_older_snapshot_fills_a_stub_but_never_rolls_back_its_lifecycle()
    {
        var view = ProjectView.Stub(Guid.NewGuid(), "140522", DateTimeOffset.UtcNow);
        Assert.True(view.Start(new DateOnly(2030, 4, 1), 3, DateTimeOffset.UtcNow));
        Assert.True(view.Apply(Events.Snapshot(name: "迟到的登记", stage: "reserve"), 1, DateTimeOffset.UtcNow));
        Assert.Equal(("迟到的登记", Stages.UnderConstruction, new DateOnly(2030, 4, 1)), (view.Name, view.Stage, view.ActualStartDate!.Value));
        Assert.False(view.Apply(Events.Snapshot(name: "更旧的"), 1, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void A_key_project_under_construction_lags_in_each_month_its_year_to_date_is_below_the_plan_so_far()
    {
        var view = View(v => { v.KeyLevel = "city"; v.Stage = Stages.UnderConstruction; v.AnnualPlannedInvestment = 1_200m; });
        ProjectFigure Progress(string period, decimal amount) =>
            new() { ProjectId = view.ProjectId, Source = ProjectFigure.Progress, Period = period, CompletedInvestment = amount };
        // Plan so far: 100 a month. January is on plan (not below), February falls behind and never catches up;
        // a statistics figure and another year's progress do not count.
        var figures = new[]
        {
            Progress("2030-01", 100m), Progress("2030-02", 50m), Progress("2029-12", 5_000m),
            new ProjectFigure { ProjectId = view.ProjectId, Source = ProjectFigure.Statistics, Period = "2030-02", CompletedInvestment = 5_000m },
        };
        Assert.Equal(Enumerable.Range(2, 11), Contributions.LaggingMonths(view, figures));
        var c = Contributions.Of(view, figures).ToList();
        Assert.Equal((0m, 1m, 0m), (Sum(c, Metrics.LaggingKeyProjects, "2030-01"), Sum(c, Metrics.LaggingKeyProjects, "2030-02"),
            Sum(c, Metrics.LaggingKeyProjects, "2030-Q1")));
        Assert.Empty(Contributions.LaggingMonths(View(v => { v.KeyLevel = "none"; v.Stage = Stages.UnderConstruction; v.AnnualPlannedInvestment = 1_200m; }), figures));
        Assert.Empty(Contributions.LaggingMonths(View(v => { v.KeyLevel = "city"; v.Stage = Stages.Preparation; v.AnnualPlannedInvestment = 1_200m; }), figures));
    }
}
