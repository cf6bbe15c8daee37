namespace Approvals.Api.Features.Items;

/// <summary>Body of submit and accept: the day it happened (default today).</summary>
public sealed record StepRequest(DateOnly? Date) : IValidatable
{
    public void Validate(ValidationErrors errors) { }
}

/// <summary>Body of approve and supplement: the day and, optionally, the approval document's number (批复文号).</summary>
public sealed record ApproveRequest(DateOnly? Date, string? DocumentNumber) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.MaxLength(DocumentNumber, 100, "documentNumber");
}

public sealed record RejectRequest(string? Reason, DateOnly? Date) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.Required(Reason, "reason").MaxLength(Reason, 2000, "reason");
}

/// <summary>容缺受理: which papers are missing and by when the applicant commits to supply them.</summary>
public sealed record DeficiencyRequest(List<string>? MissingDocuments, DateOnly? CommitDueDate, DateOnly? Date) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors
        .When(MissingDocuments is not { Count: > 0 }, "missingDocuments", FieldErrors.EmptyList("must list at least one document"))
        .When(MissingDocuments?.Any(string.IsNullOrWhiteSpace) == true, "missingDocuments", FieldErrors.EmptyEntry("contains an empty entry"))
        .When(MissingDocuments is { Count: > 50 }, "missingDocuments", FieldErrors.TooMany(50, "lists more than 50 documents"))
        .When(MissingDocuments?.Any(d => d?.Length > 200) == true, "missingDocuments", FieldErrors.EntryTooLong(200, "has an entry longer than 200 characters"))
        .Required(CommitDueDate, "commitDueDate");
}

/// <summary>帮办代办: the user name of the agent who may submit for the applicant; empty or null removes the agent.</summary>
public sealed record AgentRequest(string? Agent) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.MaxLength(Agent, 100, "agent");
}
