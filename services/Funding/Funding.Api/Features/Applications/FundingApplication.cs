using Funding.Api.Features.Bonds;
using Funding.Api.Features.Programmes;
using Funding.Api.Features.Projects;

namespace Funding.Api.Features.Applications;

/// <summary>draft → submitted → countyReview → recommended (upward) → approved | rejected.</summary>
public enum ApplicationStatus { Draft, Submitted, CountyReview, Recommended, Approved, Rejected }

/// <summary>
/// A project's application to one programme, with its decision and the dated allocations (资金下达) and
/// disbursements (支付). Amount rules: requested ≤ programme share × total investment; approved ≤ requested;
/// disbursed ≤ allocated ≤ approved. Money in 万元.
/// </summary>
public sealed class FundingApplication : IAudited, ITownshipScoped
{
    public Guid Id { get; init; }
    public Guid ProjectId { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public string? Township { get; private set; }
    public string ProjectName { get; private set; } = "";
    public ProgrammeKind ProgrammeKind { get; private set; }
    public int Year { get; private set; }
    public decimal RequestedAmount { get; private set; }
    /// <summary>The application's materials (可研批复, 资金申请报告 …), by title or document number.</summary>
    public string[] Materials { get; private set; } = [];
    public ApplicationStatus Status { get; private set; }
    public decimal? ApprovedAmount { get; private set; }
    public DateOnly? ApprovedOn { get; private set; }
    public string? DecisionNote { get; private set; }
    public DateOnly? SubmittedOn { get; private set; }
    // 收益与融资自求平衡 of a special bond, stored as stated; the figures are recomputed from these.
    public decimal[]? BondAnnualRevenue { get; private set; }
    public decimal? BondFinancingCost { get; private set; }
    public decimal? BondPrincipal { get; private set; }
    public int? BondYears { get; private set; }
    public decimal? BondRate { get; private set; }
    public decimal? BondCoverage { get; private set; }
    public decimal? BondMinCoverage { get; private set; }
    public List<FundingTransfer> Transfers { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>Grows by one with every change: the ETag, the concurrency token and the events' Version.</summary>
    public long Version { get; private set; }

    public string ETag => $"\"{Version}\"";
    public decimal AllocatedAmount => Transfers.Where(t => t.Kind == TransferKind.Allocation).Sum(t => t.Amount);
    public BondBalance? BondBalance => BondPrincipal is null ? null : BondBalanceCalculator.Evaluate(
        new BondTerms(BondAnnualRevenue ?? [], BondFinancingCost ?? 0m, BondPrincipal.Value, BondYears ?? 0, BondRate ?? 0m), BondMinCoverage ?? 0m);
    public decimal DisbursedAmount => Transfers.Where(t => t.Kind == TransferKind.Disbursement).Sum(t => t.Amount);

    /// <summary>A draft. Before the window opens a draft may be prepared; after it closes nobody applies.</summary>
    public static (FundingApplication? Application, Refusal? Refusal) Draft(KnownProject project, Programme programme,
        decimal requested, IEnumerable<string> materials, DateOnly today, DateTimeOffset now)
    {
        if (programme.HasClosedBy(today))
            return (null, Refusal.Conflict("window_closed", $"The programme closed for applications on {programme.ClosesOn:yyyy-MM-dd}."));
        if (EligibilityRefusal(project, programme, requested) is { } refusal) return (null, refusal);
        return (new FundingApplication
        {
            Id = Guid.CreateVersion7(),
            ProjectId = project.Id,
            ProgrammeId = programme.Id,
            RegionCode = project.RegionCode,
            Township = project.Township,
            ProjectName = project.Name,
            ProgrammeKind = programme.Kind,
            Year = programme.Year,
            RequestedAmount = requested,
            Materials = materials.Select(m => m.Trim()).Where(m => m.Length > 0).ToArray(),
            Status = ApplicationStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        }, null);
    }

    static Refusal? EligibilityRefusal(KnownProject project, Programme programme, decimal requested)
    {
        if (!programme.Supports(project.Category))
            return Refusal.Rule("ineligible_category", $"The programme supports {string.Join(", ", programme.EligibleCategories)}, not {project.Category} projects.");
        var max = programme.MaxRequestFor(project.TotalInvestment);
        if (requested > max)
            return Refusal.Rule("exceeds_programme_share",
                $"At most {programme.MaxShare:0.####} of the total investment {project.TotalInvestment} 万元 may be requested: {max} 万元.");
        return null;
    }

    /// <summary>Draft → submitted, only inside the window, still within the share, and for special bonds with a passing balance.</summary>
    public Refusal? Submit(KnownProject project, Programme programme, DateOnly today, DateTimeOffset now)
    {
        if (Expect(ApplicationStatus.Draft, "submit") is { } wrongState) return wrongState;
        if (!programme.IsOpenOn(today))
            return Refusal.Conflict("window_closed", $"The programme takes applications from {programme.OpensOn:yyyy-MM-dd} to {programme.ClosesOn:yyyy-MM-dd}.");
        if (EligibilityRefusal(project, programme, RequestedAmount) is { } refusal) return refusal;
        if (ProgrammeKind == ProgrammeKind.SpecialBond && BondBalance?.Passes != true)
            return Refusal.Rule("bond_balance_insufficient", BondBalance is null
                ? "A special bond application needs the project's revenue and financing balance (收益与融资自求平衡) first."
                : $"The project's revenue covers {BondBalance.Coverage} of principal and interest; at least {BondBalance.MinCoverage} is required.");
        SubmittedOn = today;
        return MoveTo(ApplicationStatus.Submitted, now);
    }

    /// <summary>The county funding bureau takes it into review (县级审核).</summary>
    public Refusal? Review(DateTimeOffset now) => Expect(ApplicationStatus.Submitted, "review") ?? MoveTo(ApplicationStatus.CountyReview, now);

    /// <summary>The county recommends it upward to the programme's owner.</summary>
    public Refusal? Recommend(DateTimeOffset now) => Expect(ApplicationStatus.CountyReview, "recommend") ?? MoveTo(ApplicationStatus.Recommended, now);

    public Refusal? Approve(decimal amount, DateOnly on, string? note, DateTimeOffset now)
    {
        if (Expect(ApplicationStatus.Recommended, "approve") is { } wrongState) return wrongState;
        if (amount > RequestedAmount)
            return Refusal.Rule("exceeds_requested", $"The approved amount {amount} exceeds the requested {RequestedAmount} 万元.");
        ApprovedAmount = amount;
        ApprovedOn = on;
        DecisionNote = note;
        return MoveTo(ApplicationStatus.Approved, now);
    }

    /// <summary>Refused at the county's review or by the programme's owner; a decision is final.</summary>
    public Refusal? Reject(string reason, DateOnly on, DateTimeOffset now)
    {
        if (Status is not (ApplicationStatus.Submitted or ApplicationStatus.CountyReview or ApplicationStatus.Recommended))
            return IllegalTransition("reject");
        DecisionNote = reason;
        ApprovedOn = null;
        SubmittedOn ??= on;
        return MoveTo(ApplicationStatus.Rejected, now);
    }

    /// <summary>资金下达: the owner allocates approved money; the sum never passes the approved amount.</summary>
    public Refusal? Allocate(decimal amount, DateOnly on, string? document, DateTimeOffset now)
    {
        if (Expect(ApplicationStatus.Approved, "allocate") is { } wrongState) return wrongState;
        if (AllocatedAmount + amount > ApprovedAmount)
            return Refusal.Rule("exceeds_approved", $"Allocating {amount} would bring the allocations to {AllocatedAmount + amount}, above the approved {ApprovedAmount} 万元.");
        Transfers.Add(FundingTransfer.Record(this, TransferKind.Allocation, amount, on, document, now));
        Touch(now);
        return null;
    }

    /// <summary>支付: money paid out to the project; the sum never passes what was allocated.</summary>
    public Refusal? Disburse(decimal amount, DateOnly on, string? document, DateTimeOffset now)
    {
        if (Expect(ApplicationStatus.Approved, "disburse") is { } wrongState) return wrongState;
        if (DisbursedAmount + amount > AllocatedAmount)
            return Refusal.Rule("exceeds_allocated", $"Disbursing {amount} would bring the disbursements to {DisbursedAmount + amount}, above the allocated {AllocatedAmount} 万元.");
        Transfers.Add(FundingTransfer.Record(this, TransferKind.Disbursement, amount, on, document, now));
        Touch(now);
        return null;
    }

    /// <summary>Records the special bond's revenue and financing balance; only for special bonds, only while a draft.</summary>
    public Refusal? RecordBondBalance(BondTerms terms, decimal minCoverage, DateTimeOffset now)
    {
        if (ProgrammeKind != ProgrammeKind.SpecialBond)
            return Refusal.Rule("not_a_special_bond", "Only special bond (专项债) applications carry a revenue and financing balance.");
        if (Expect(ApplicationStatus.Draft, "change the bond balance of") is { } wrongState) return wrongState;
        var balance = BondBalanceCalculator.Evaluate(terms, minCoverage);
        BondAnnualRevenue = terms.AnnualRevenue.ToArray();
        BondFinancingCost = terms.FinancingCost;
        BondPrincipal = terms.Principal;
        BondYears = terms.Years;
        BondRate = terms.Rate;
        BondCoverage = balance.Coverage;
        BondMinCoverage = minCoverage;
        Touch(now);
        return null;
    }

    Refusal? Expect(ApplicationStatus expected, string action) => Status == expected ? null : IllegalTransition(action);

    Refusal IllegalTransition(string action) =>
        Refusal.Conflict("illegal_transition", $"Cannot {action} an application that is {Status.ToString()[..1].ToLowerInvariant()}{Status.ToString()[1..]}.");

    Refusal? MoveTo(ApplicationStatus status, DateTimeOffset now)
    {
        Status = status;
        Touch(now);
        return null;
    }

    void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
