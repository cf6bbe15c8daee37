namespace Attraction.Api.Features.Leads;

/// <summary>接洽 → 考察 → 洽谈 → 签约, or 终止 from any open stage.</summary>
public enum LeadStage { Contact, Visit, Negotiation, Signed, Terminated }

/// <summary>A 招商线索: an investment the centre is working on, with the leader and team who follow it.</summary>
public sealed class Lead : IAudited, IRegional
{
    public Guid Id { get; init; }
    public string RegionCode { get; private set; } = "";
    public string Title { get; private set; } = "";
    public Guid? EnterpriseId { get; private set; }
    public string EnterpriseName { get; private set; } = "";
    public string? Industry { get; private set; }
    public decimal? IntendedInvestment { get; private set; }
    public LeadStage Stage { get; private set; }
    public DateOnly StageChangedOn { get; private set; }
    /// <summary>包联领导: the leader who follows the lead.</summary>
    public string? Leader { get; private set; }
    public List<string> Team { get; private set; } = [];
    public string? TerminationReason { get; private set; }
    public Guid? DealId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; }

    public string ETag => $"\"{Version}\"";
    public bool IsClosed => Stage is LeadStage.Signed or LeadStage.Terminated;

    public static Lead Open(string regionCode, LeadInput input, string enterpriseName, DateOnly on, DateTimeOffset now)
    {
        var lead = new Lead
        {
            Id = Guid.CreateVersion7(), RegionCode = regionCode, Stage = LeadStage.Contact, StageChangedOn = on,
            CreatedAt = now, Version = 1,
        };
        lead.Apply(input, enterpriseName);
        lead.UpdatedAt = now;
        return lead;
    }

    public void Update(LeadInput input, string enterpriseName, DateTimeOffset now)
    {
        Apply(input, enterpriseName);
        Touch(now);
    }

    void Apply(LeadInput input, string enterpriseName)
    {
        Title = input.Title!.Trim();
        EnterpriseId = input.EnterpriseId;
        EnterpriseName = enterpriseName.Trim();
        Industry = AttractionAccess.Blank(input.Industry);
        IntendedInvestment = input.IntendedInvestment;
        Leader = AttractionAccess.Blank(input.Leader);
        Team = (input.Team ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
    }

    /// <summary>
    /// Moves the lead forward. Stages may be skipped (a deal can be negotiated without a formal 考察) but
    /// never go back, and a signed or terminated lead is closed.
    /// </summary>
    public Refusal? MoveTo(LeadStage target, DateOnly on, string? reason, DateTimeOffset now)
    {
        if (IsClosed) return new("lead_closed", $"The lead is already {QueryEnum.Name(Stage)}; it cannot move to {QueryEnum.Name(target)}.");
        if (on < StageChangedOn) return new("date_before_last_stage", $"The date {on:yyyy-MM-dd} is before the last stage change ({StageChangedOn:yyyy-MM-dd}).");
        if (target == LeadStage.Terminated)
        {
            if (string.IsNullOrWhiteSpace(reason)) return new("reason_required", "Terminating a lead needs a reason.");
            TerminationReason = reason.Trim();
        }
        else if (target <= Stage)
            return new("illegal_transition", $"A lead moves forward only: {QueryEnum.Name(Stage)} cannot become {QueryEnum.Name(target)}.");
        Stage = target;
        StageChangedOn = on;
        Touch(now);
        return null;
    }

    /// <summary>The lead became the given signed deal (the deal records the signing date).</summary>
    public Refusal? SignAs(Guid dealId, DateOnly signedOn, DateTimeOffset now)
    {
        if (DealId is not null) return new("lead_already_signed", $"The lead already became deal {DealId}.");
        if (Stage == LeadStage.Signed) Touch(now);
        else if (MoveTo(LeadStage.Signed, signedOn, null, now) is { } refusal) return refusal;
        DealId = dealId;
        return null;
    }

    void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

}

/// <summary>One dated contact with the enterprise: a call, a visit, a meeting.</summary>
public sealed class LeadContact : IAudited
{
    public Guid Id { get; init; }
    public Guid LeadId { get; init; }
    public string RegionCode { get; init; } = "";
    public DateOnly ContactedOn { get; init; }
    public string Method { get; init; } = "";
    public string Summary { get; init; } = "";
    public string? Participants { get; init; }
    public string RecordedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}
