using System.Net;
using MassTransit;
using Platform.Contracts.Approvals;
using Platform.Contracts.Attraction;
using Platform.Contracts.Funding;
using Platform.Contracts.ProjectLibrary;
using Platform.Contracts.Statistics;

namespace City.Tests;

[Collection(CityCollection.Name)]
public sealed class ProjectionTests(CityFactory factory)
{
    static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    /// <summary>One event of every type the city consumes, about a fresh project in 陵川县 in 2041.</summary>
    public static TheoryData<string> EventTypes() => new(Sample(Guid.NewGuid()).Keys);

    static Dictionary<string, object> Sample(Guid projectId)
    {
        var s = Events.Snapshot(region: "140524", year: 2041) with { ProjectId = projectId };
        var day = new DateOnly(2041, 3, 3);
        Guid deal = Guid.NewGuid(), problem = Guid.NewGuid(), application = Guid.NewGuid();
        return new object[]
        {
            Events.Registered(s), Events.Updated(s with { Name = s.Name + "（改）" }, 2),
            new ProjectStageChanged { ProjectId = projectId, RegionCode = "140524", FromStage = "reserve", ToStage = "preparation", Date = day, Version = 3, OccurredAt = Now },
            Events.Started(s, day, 4), Events.Progress(s, "2041-03", 700m, 5),
            new ProblemRaised { ProblemId = problem, ProjectId = projectId, RegionCode = "140524", Title = "用地未落实", Level = "county", Version = 1, OccurredAt = Now },
            new ProblemAssigned { ProblemId = problem, ProjectId = projectId, RegionCode = "140524", Department = "自然资源局", Assignee = "张三", DueDate = day, Version = 2, OccurredAt = Now },
            new ProblemEscalated { ProblemId = problem, ProjectId = projectId, RegionCode = "140524", Level = "city", Automatic = true, Version = 3, OccurredAt = Now },
            new ProblemClosed { ProblemId = problem, ProjectId = projectId, RegionCode = "140524", Resolution = "已解决", Version = 4, OccurredAt = Now },
            new ApprovalDecided { ItemId = Guid.NewGuid(), ProjectId = projectId, RegionCode = "140524", ProcedureCode = "eia", ProcedureName = "环评批复", Agency = "生态环境局", Decision = "approved", DecidedOn = day, Version = 1, OccurredAt = Now },
            new ApprovalsCompleted { ProjectId = projectId, RegionCode = "140524", CompletedOn = day, Version = 2, OccurredAt = Now },
            new DealSigned { DealId = deal, RegionCode = "140524", Name = "签约项目", Amount = 30_000m, SignedOn = day, Version = 1, OccurredAt = Now },
            new DealConverted { DealId = deal, ProjectId = projectId, RegionCode = "140524", Amount = 30_000m, SignedOn = day, Version = 2, OccurredAt = Now },
            new FundsArrived { FundsId = Guid.NewGuid(), DealId = deal, ProjectId = projectId, RegionCode = "140524", Amount = 1_200m, ArrivedOn = day, Version = 1, OccurredAt = Now },
            new InclusionApproved { InclusionId = Guid.NewGuid(), ProjectId = projectId, RegionCode = "140524", StatisticsCode = "ST" + projectId.ToString("N")[..8], ApprovedOn = day, Version = 1, OccurredAt = Now },
            new StatisticsReported { ProjectId = projectId, RegionCode = "140524", Period = "2041-03", CompletedInvestment = 650m, Version = 1, OccurredAt = Now },
            new FundingApproved { ApplicationId = application, ProjectId = projectId, RegionCode = "140524", ProgrammeKind = "specialBond", Year = 2041, ApprovedAmount = 5_000m, ApprovedOn = day, Version = 1, OccurredAt = Now },
            new FundsDisbursed { ApplicationId = application, ProjectId = projectId, RegionCode = "140524", ProgrammeKind = "specialBond", Amount = 2_000m, DisbursedOn = day, Version = 2, OccurredAt = Now },
        }.ToDictionary(e => e.GetType().Name);
    }

    async Task<long> Aggregate() => await factory.Database.ScalarAsync<long>("select count(*) from region_actuals") +
        (long)await factory.Database.ScalarAsync<decimal>("select coalesce(sum(amount), 0) from region_actuals");

    [Theory]
    [MemberData(nameof(EventTypes))]
    public async Task Every_consumed_event_delivered_twice_is_applied_and_journaled_once(string type)
    {
        var projectId = Guid.NewGuid();
        var events = Sample(projectId);
        // What the event depends on is there first (a deal to convert, a problem to close …), as in real life.
        foreach (var earlier in events.TakeWhile(e => e.Key != type)) await factory.Deliver(earlier.Value);
        var messageId = NewId.NextGuid();
        await factory.Deliver(events[type], messageId);
        var aggregateAfterFirst = await Aggregate();
        await factory.Deliver(events[type], messageId);

        Assert.Equal(2, factory.Consumed.Count(messageId));
        Assert.Equal(1, await factory.Database.ScalarAsync<long>("select count(*) from city_events where message_id = @m", ("m", messageId)));
        Assert.Equal(aggregateAfterFirst, await Aggregate());
    }

    [Fact]
    public async Task An_older_project_event_arriving_after_a_newer_one_changes_nothing()
    {
        var s = Events.Snapshot(region: "140524", year: 2042, name: "乱序新名称");
        await factory.Deliver(Events.Updated(s with { AnnualPlannedInvestment = 9_000m }, 3));
        await factory.Deliver(Events.Registered(s with { Name = "乱序旧名称", AnnualPlannedInvestment = 1m }, 1));

        Assert.Equal("乱序新名称", await factory.Database.ScalarAsync<string>("select name from project_views where project_id = @p", ("p", s.ProjectId)));
        Assert.Equal(9_000m, await factory.Database.ScalarAsync<decimal>(
            "select amount from region_actuals where region_code = '140524' and period = '2042' and metric = 'reserveAnnualInvestment'"));
        Assert.Equal(1, await factory.Database.ScalarAsync<long>("select count(*) from city_events where project_id = @p", ("p", s.ProjectId)));
    }

    [Fact]
    public async Task Changing_a_project_moves_its_amounts_between_metrics_instead_of_adding_them_again()
    {
        var s = Events.Snapshot(region: "140524", year: 2043, annual: 5_000m);
        await factory.Deliver(Events.Registered(s));
        await factory.Deliver(Events.Updated(s with { IsIndustrial = true, AnnualPlannedInvestment = 8_000m }, 2));

        async Task<decimal> Metric(string metric) => await factory.Database.ScalarAsync<decimal>(
            "select coalesce(sum(amount), 0) from region_actuals where region_code = '140524' and period = '2043' and metric = @m", ("m", metric));
        Assert.Equal((1m, 8_000m, 1m, 8_000m), (await Metric("reserveCount"), await Metric("reserveAnnualInvestment"),
            await Metric("reserveIndustrialCount"), await Metric("reserveIndustrialInvestment")));
    }
}
