using Attraction.Api.Features.Leads;

namespace Attraction.Tests;

public sealed class LeadStageTests
{
    static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    static readonly DateOnly March = new(2025, 3, 3);

    static Lead NewLead() => Lead.Open("140522", new LeadInput { Title = "年产5万吨光伏玻璃项目", EnterpriseName = "某光伏科技有限公司" }, "某光伏科技有限公司", March, Now);

    [Fact]
    public void A_lead_opens_at_contact_and_moves_forward_through_visit_and_negotiation_to_signed()
    {
        var lead = NewLead();
        Assert.Equal(LeadStage.Contact, lead.Stage);
        Assert.Null(lead.MoveTo(LeadStage.Visit, March.AddDays(5), null, Now));
        Assert.Null(lead.MoveTo(LeadStage.Negotiation, March.AddDays(20), null, Now));
        Assert.Null(lead.MoveTo(LeadStage.Signed, March.AddDays(40), null, Now));
        Assert.Equal(LeadStage.Signed, lead.Stage);
        Assert.Equal(March.AddDays(40), lead.StageChangedOn);
        Assert.Equal(4, lead.Version);
    }

    [Fact]
    public void A_stage_may_be_skipped_when_moving_forward()
    {
        var lead = NewLead();
        Assert.Null(lead.MoveTo(LeadStage.Negotiation, March, null, Now));
        Assert.Equal(LeadStage.Negotiation, lead.Stage);
    }

    [Theory]
    [InlineData(LeadStage.Contact)]
    [InlineData(LeadStage.Visit)]
    public void A_lead_never_moves_back_or_stays_put(LeadStage target)
    {
        var lead = NewLead();
        lead.MoveTo(LeadStage.Visit, March, null, Now);
        var refusal = lead.MoveTo(target, March.AddDays(1), null, Now);
        Assert.Equal("illegal_transition", refusal?.Code);
        Assert.Equal(LeadStage.Visit, lead.Stage);
        Assert.Equal(2, lead.Version);
    }

    [Theory]
    [InlineData(LeadStage.Signed)]
    [InlineData(LeadStage.Terminated)]
    public void A_signed_or_terminated_lead_is_closed(LeadStage closing)
    {
        var lead = NewLead();
        Assert.Null(lead.MoveTo(closing, March, "企业战略调整", Now));
        Assert.Equal("lead_closed", lead.MoveTo(LeadStage.Negotiation, March, null, Now)?.Code);
        Assert.Equal("lead_closed", lead.MoveTo(LeadStage.Terminated, March, "again", Now)?.Code);
    }

    [Fact]
    public void Terminating_needs_a_reason_and_keeps_it()
    {
        var lead = NewLead();
        Assert.Equal("reason_required", lead.MoveTo(LeadStage.Terminated, March, " ", Now)?.Code);
        Assert.Equal(LeadStage.Contact, lead.Stage);
        Assert.Null(lead.MoveTo(LeadStage.Terminated, March, "企业选址外省", Now));
        Assert.Equal("企业选址外省", lead.TerminationReason);
    }

    [Fact]
    public void A_stage_change_cannot_be_dated_before_the_last_one()
    {
        var lead = NewLead();
        Assert.Equal("date_before_last_stage", lead.MoveTo(LeadStage.Visit, March.AddDays(-1), null, Now)?.Code);
    }

    [Fact]
    public void Signing_a_deal_marks_the_lead_signed_and_links_it_once()
    {
        var lead = NewLead();
        var deal = Guid.NewGuid();
        Assert.Null(lead.SignAs(deal, March.AddDays(30), Now));
        Assert.Equal(LeadStage.Signed, lead.Stage);
        Assert.Equal(deal, lead.DealId);
        Assert.Equal("lead_already_signed", lead.SignAs(Guid.NewGuid(), March.AddDays(31), Now)?.Code);

        var signedByHand = NewLead();
        signedByHand.MoveTo(LeadStage.Signed, March, null, Now);
        Assert.Null(signedByHand.SignAs(deal, March, Now));
        Assert.Equal(deal, signedByHand.DealId);

        var terminated = NewLead();
        terminated.MoveTo(LeadStage.Terminated, March, "放弃", Now);
        Assert.Equal("lead_closed", terminated.SignAs(deal, March, Now)?.Code);
    }
}
