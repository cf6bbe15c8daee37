namespace Attraction.Api.Features.Leads;

/// <summary>The body of POST /api/attraction/leads and PUT /api/attraction/leads/{id}.</summary>
public sealed record LeadInput : IValidatable
{
    public string? Title { get; init; }
    /// <summary>An enterprise of the library; or name one that is not in it yet with <see cref="EnterpriseName"/>.</summary>
    public Guid? EnterpriseId { get; init; }
    public string? EnterpriseName { get; init; }
    public string? Industry { get; init; }
    public decimal? IntendedInvestment { get; init; }
    public string? Leader { get; init; }
    public List<string>? Team { get; init; }
    /// <summary>The first contact (接洽); today when omitted.</summary>
    public DateOnly? ContactedOn { get; init; }

    public void Validate(ValidationErrors errors) => errors
        .Required(Title, "title").MaxLength(Title, 200, "title")
        .When(EnterpriseId is null && string.IsNullOrWhiteSpace(EnterpriseName), "enterpriseName",
            FieldErrors.Required.Saying("is required when no enterpriseId is given"))
        .MaxLength(EnterpriseName, 200, "enterpriseName")
        .MaxLength(Industry, 100, "industry")
        .Amount(IntendedInvestment, "intendedInvestment")
        .When(IntendedInvestment is { } v && decimal.Round(v, 2) != v, "intendedInvestment", FieldErrors.MoneyDecimals)
        .MaxLength(Leader, 50, "leader")
        .When(Team is { Count: > 30 }, "team", FieldErrors.TooMany(30, "must list at most 30 people"))
        .When(Team?.Any(t => t is null || t.Length > 50) == true, "team", FieldErrors.EntryTooLong(50, "each member must be at most 50 characters"));
}

/// <summary>POST /api/attraction/leads/{id}/stage.</summary>
public sealed record LeadStageChange(LeadStage? Stage, DateOnly? Date, string? Reason) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors
        .Required(Stage, "stage").Required(Date, "date")
        .When(Stage == LeadStage.Terminated && string.IsNullOrWhiteSpace(Reason), "reason", FieldErrors.Required.Saying("is required to terminate a lead"))
        .MaxLength(Reason, 500, "reason");
}

/// <summary>POST /api/attraction/leads/{id}/contacts: one dated entry of the contact log.</summary>
public sealed record LeadContactInput(DateOnly? ContactedOn, string? Method, string? Summary, string? Participants) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors
        .Required(ContactedOn, "contactedOn")
        .Required(Method, "method").MaxLength(Method, 30, "method")
        .Required(Summary, "summary").MaxLength(Summary, 2000, "summary")
        .MaxLength(Participants, 200, "participants");
}

public sealed record LeadResponse(
    Guid Id, string RegionCode, string Title, Guid? EnterpriseId, string EnterpriseName, string? Industry,
    decimal? IntendedInvestment, LeadStage Stage, DateOnly StageChangedOn, string? Leader, IReadOnlyList<string> Team,
    string? TerminationReason, Guid? DealId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
{
    public static LeadResponse From(Lead l) => new(
        l.Id, l.RegionCode, l.Title, l.EnterpriseId, l.EnterpriseName, l.Industry, l.IntendedInvestment, l.Stage,
        l.StageChangedOn, l.Leader, l.Team, l.TerminationReason, l.DealId, l.CreatedAt, l.UpdatedAt, l.Version);
}

public sealed record LeadContactResponse(Guid Id, Guid LeadId, DateOnly ContactedOn, string Method, string Summary,
    string? Participants, string RecordedBy, DateTimeOffset CreatedAt)
{
    public static LeadContactResponse From(LeadContact c) =>
        new(c.Id, c.LeadId, c.ContactedOn, c.Method, c.Summary, c.Participants, c.RecordedBy, c.CreatedAt);
}

public sealed record LeadFilter(string? RegionCode, LeadStage? Stage, string? Leader, Guid? EnterpriseId, string? Q,
    bool? Open, string? Sort, int? Page, int? PageSize);
