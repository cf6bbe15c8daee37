namespace Funding.Api.Features.Applications;

/// <summary>The body of POST /api/funding/applications.</summary>
public sealed record ApplicationInput : IValidatable
{
    public Guid? ProjectId { get; init; }
    public Guid? ProgrammeId { get; init; }
    public decimal? RequestedAmount { get; init; }
    public string[]? Materials { get; init; }

    public void Validate(ValidationErrors errors)
    {
        errors.Required(ProjectId, "projectId")
            .Required(ProgrammeId, "programmeId")
            .Required(RequestedAmount, "requestedAmount")
            .When(RequestedAmount is <= 0, "requestedAmount", FieldErrors.NotPositive)
            .Amount(RequestedAmount, "requestedAmount")
            .When(RequestedAmount is { } r && decimal.Round(r, 2) != r, "requestedAmount", FieldErrors.MoneyDecimals)
            .When(Materials is { Length: > 100 }, "materials", FieldErrors.TooMany(100, "must list at most 100 documents"))
            .When(Materials?.Any(m => m is null || m.Length > 300) == true, "materials",
                FieldErrors.EntryTooLong(300, "each entry must be a title of at most 300 characters"));
    }
}

/// <summary>The body of POST …/approve.</summary>
public sealed record ApproveInput : IValidatable
{
    public decimal? ApprovedAmount { get; init; }
    /// <summary>The decision's date; today (China time) when omitted.</summary>
    public DateOnly? ApprovedOn { get; init; }
    public string? Note { get; init; }

    public void Validate(ValidationErrors errors) => errors
        .Required(ApprovedAmount, "approvedAmount")
        .When(ApprovedAmount is <= 0, "approvedAmount", FieldErrors.NotPositive)
        .Amount(ApprovedAmount, "approvedAmount")
        .When(ApprovedAmount is { } a && decimal.Round(a, 2) != a, "approvedAmount", FieldErrors.MoneyDecimals)
        .MaxLength(Note, 1000, "note");
}

/// <summary>The body of POST …/reject.</summary>
public sealed record RejectInput : IValidatable
{
    public string? Reason { get; init; }
    public DateOnly? RejectedOn { get; init; }

    public void Validate(ValidationErrors errors) => errors.Required(Reason, "reason").MaxLength(Reason, 1000, "reason");
}

/// <summary>The body of POST …/allocate and …/disburse.</summary>
public sealed record TransferInput : IValidatable
{
    public decimal? Amount { get; init; }
    /// <summary>The transfer's date; today (China time) when omitted.</summary>
    public DateOnly? Date { get; init; }
    public string? Document { get; init; }

    public void Validate(ValidationErrors errors) => errors
        .Required(Amount, "amount")
        .When(Amount is <= 0, "amount", FieldErrors.NotPositive)
        .Amount(Amount, "amount")
        .When(Amount is { } a && decimal.Round(a, 2) != a, "amount", FieldErrors.MoneyDecimals)
        .MaxLength(Document, 200, "document");
}
