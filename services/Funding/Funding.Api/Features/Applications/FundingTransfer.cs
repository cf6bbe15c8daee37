namespace Funding.Api.Features.Applications;

/// <summary>资金下达 (allocation by the programme's owner) or 支付 (disbursement to the project).</summary>
public enum TransferKind { Allocation, Disbursement }

/// <summary>One dated allocation or disbursement of an approved application. Never changed once recorded.</summary>
public sealed class FundingTransfer : IAudited
{
    public Guid Id { get; init; }
    public Guid ApplicationId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public TransferKind Kind { get; private set; }
    public decimal Amount { get; private set; }
    public DateOnly OnDate { get; private set; }
    /// <summary>The document that carried it, e.g. 晋财建〔2025〕45号.</summary>
    public string? Document { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public static FundingTransfer Record(FundingApplication application, TransferKind kind, decimal amount, DateOnly on, string? document, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        ApplicationId = application.Id,
        RegionCode = application.RegionCode,
        Kind = kind,
        Amount = amount,
        OnDate = on,
        Document = string.IsNullOrWhiteSpace(document) ? null : document.Trim(),
        RecordedAt = now,
    };
}
