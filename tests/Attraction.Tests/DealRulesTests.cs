using Attraction.Api.Features.Deals;
using Platform.Contracts.ProjectLibrary;

namespace Attraction.Tests;

public sealed class DealRulesTests
{
    static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    static Deal SignedDeal(DateOnly? signedOn = null) => Deal.Sign("140522",
        new DealInput { Name = "年产5万吨光伏玻璃项目", Amount = 120_000m, SignedOn = signedOn ?? new DateOnly(2025, 3, 18) },
        [new DealInvestor(null, "某光伏科技有限公司")], Now);

    static Commitment Promise(DateOnly due) => Commitment.Promise(Guid.NewGuid(), "140522",
        new CommitmentInput(CommitmentSide.Government, "land", "交付净地200亩", null, due), Now);

    static ProjectStarted Started(Guid projectId, long version, DateOnly on, decimal total = 118_000m) => new()
    {
        ProjectId = projectId, RegionCode = "140522", ActualStartDate = on, TotalInvestment = total, Version = version, OccurredAt = Now,
    };

    [Fact]
    public void A_commitment_is_overdue_only_once_its_due_date_has_passed_unfulfilled()
    {
        var due = new DateOnly(2025, 6, 30);
        var commitment = Promise(due);
        Assert.False(commitment.IsOverdue(due));
        Assert.True(commitment.IsOverdue(due.AddDays(1)));

        Assert.Null(commitment.Fulfil(due.AddDays(3), "已交地", Now));
        Assert.False(commitment.IsOverdue(due.AddDays(10)));
        Assert.True(commitment.FulfilledLate);
        Assert.Equal(2, commitment.Version);
    }

    [Fact]
    public void A_commitment_kept_on_time_is_not_late_and_cannot_be_fulfilled_twice()
    {
        var commitment = Promise(new DateOnly(2025, 6, 30));
        Assert.Null(commitment.Fulfil(new DateOnly(2025, 6, 30), null, Now));
        Assert.False(commitment.FulfilledLate);
        Assert.Equal("already_fulfilled", commitment.Fulfil(new DateOnly(2025, 7, 1), null, Now)?.Code);
        Assert.Equal(new DateOnly(2025, 6, 30), commitment.FulfilledOn);
    }

    [Fact]
    public void A_deal_is_converted_once_and_its_conversion_key_names_the_deal()
    {
        var deal = SignedDeal();
        var project = Guid.NewGuid();
        Assert.Null(deal.ConvertedInto(project, Now));
        Assert.Equal(project, deal.ProjectId);
        Assert.Equal(2, deal.Version);
        Assert.Equal("already_converted", deal.ConvertedInto(Guid.NewGuid(), Now)?.Code);
        Assert.Equal(project, deal.ProjectId);
        Assert.Equal($"ZS-{deal.Id:N}", deal.ConversionKey);
        Assert.True(deal.ConversionKey.Length <= 50, "the project library keeps local numbers of at most 50 characters");
    }

    [Fact]
    public void ProjectStarted_marks_the_converted_deal_started_and_older_or_repeated_versions_change_nothing()
    {
        var deal = SignedDeal();
        var project = Guid.NewGuid();
        deal.ConvertedInto(project, Now);

        Assert.False(deal.ApplyStart(Started(Guid.NewGuid(), 5, new DateOnly(2025, 5, 1)), Now)); // another project
        Assert.True(deal.ApplyStart(Started(project, 4, new DateOnly(2025, 5, 1)), Now));
        Assert.Equal(new DateOnly(2025, 5, 1), deal.StartedOn);
        Assert.Equal(118_000m, deal.ProjectTotalInvestment);
        Assert.True(deal.StartedInSigningYear);
        var version = deal.Version;

        Assert.False(deal.ApplyStart(Started(project, 4, new DateOnly(2025, 9, 9)), Now));
        Assert.False(deal.ApplyStart(Started(project, 3, new DateOnly(2025, 9, 9)), Now));
        Assert.Equal(new DateOnly(2025, 5, 1), deal.StartedOn);
        Assert.Equal(version, deal.Version);
    }

    [Fact]
    public void A_deal_whose_project_starts_the_next_year_did_not_start_in_its_signing_year()
    {
        var deal = SignedDeal(new DateOnly(2025, 11, 20));
        var project = Guid.NewGuid();
        deal.ConvertedInto(project, Now);
        deal.ApplyStart(Started(project, 3, new DateOnly(2026, 2, 1)), Now);
        Assert.False(deal.StartedInSigningYear);
    }

    [Fact]
    public void A_deal_not_converted_ignores_ProjectStarted()
    {
        var deal = SignedDeal();
        Assert.False(deal.ApplyStart(Started(Guid.NewGuid(), 3, new DateOnly(2025, 5, 1)), Now));
        Assert.Null(deal.StartedOn);
    }
}
