using Funding.Api.Features.Applications;
using Funding.Api.Features.Bonds;
using Funding.Api.Features.Programmes;
using Funding.Api.Features.Projects;
using Microsoft.Extensions.Options;
using Platform.Messaging;

namespace Funding.Api.Features;

/// <summary>
/// Demo desk of the funding bureaus: the policy funds 阳政办发〔2025〕19号 tells the counties to win (中央预算内投资,
/// 地方政府专项债券, 超长期特别国债, 省市级前期费) as city-wide programmes — the 2025 batches, closed and decided, and
/// this year's batches, open now — and in every region applications of the demo library's projects in each state:
/// approved with money allocated and disbursed, rejected, draft, submitted, in county review and recommended.
/// Projects are known here only from ProjectRegistered, so a region is seeded once its projects have arrived
/// (the seed waits and is retried until then). Keyed on the programme's (name, year, batch) and on the region
/// having applications to them: a second run adds nothing.
/// </summary>
public sealed class PolicyFundSeed(FundingDb db, TimeProvider clock, IOptions<FundingOptions> options) : IDemoSeed
{
    /// <summary>A region is seeded once this many of its projects are known (the demo library registers 15 per region).</summary>
    public const int ProjectsNeeded = 7;

    enum Outcome { Approved, Rejected, Draft, Submitted, CountyReview, Recommended }

    sealed record Batch(string Key, string Name, ProgrammeKind Kind, int Year, string BatchName, DateOnly Opens, DateOnly Closes,
        string[] Categories, decimal MaxShare, Outcome Outcome);

    static readonly string[] Public = ["infrastructure", "livelihood", "ecology", "urbanRenewal", "ruralIndustry", "cultureTourism"];

    static IReadOnlyList<Batch> Batches(DateOnly today) =>
    [
        new("cb2025", "2025年中央预算内投资（第一批）", ProgrammeKind.CentralBudget, 2025, "2025-1", new(2025, 2, 10), new(2025, 3, 31),
            ["infrastructure", "livelihood", "ecology", "ruralIndustry"], 0.3m, Outcome.Approved),
        new("sb2025", "2025年地方政府专项债券（第一批）", ProgrammeKind.SpecialBond, 2025, "2025-1", new(2025, 1, 15), new(2025, 3, 15),
            Public, 0.6m, Outcome.Approved),
        new("ul2025", "2025年超长期特别国债（第一批）", ProgrammeKind.UltraLongBond, 2025, "2025-1", new(2025, 3, 1), new(2025, 4, 30),
            ["infrastructure", "ecology", "industry", "livelihood"], 0.5m, Outcome.Rejected),
        new("cb", $"{today.Year}年中央预算内投资（第二批）", ProgrammeKind.CentralBudget, today.Year, $"{today.Year}-2", today.AddDays(-20), today.AddDays(40),
            ["infrastructure", "livelihood", "ecology", "ruralIndustry"], 0.3m, Outcome.Draft),
        new("ul", $"{today.Year}年超长期特别国债（第二批）", ProgrammeKind.UltraLongBond, today.Year, $"{today.Year}-2", today.AddDays(-30), today.AddDays(30),
            ["infrastructure", "ecology", "industry", "livelihood"], 0.5m, Outcome.Submitted),
        new("sb", $"{today.Year}年地方政府专项债券（第三批）", ProgrammeKind.SpecialBond, today.Year, $"{today.Year}-3", today.AddDays(-10), today.AddDays(50),
            Public, 0.6m, Outcome.CountyReview),
        new("pf", $"{today.Year}年省市级前期费", ProgrammeKind.PreliminaryFee, today.Year, $"{today.Year}-1", today.AddDays(-40), today.AddDays(60),
            [], 0.05m, Outcome.Recommended),
    ];

    public async Task<DemoSeedResult> SeedAsync(CancellationToken ct)
    {
        await using var tx = await DemoSeedLock.BeginAsync(db, nameof(PolicyFundSeed), ct);
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var programmes = new List<(Batch Batch, Programme Programme)>();
        foreach (var batch in Batches(today)) programmes.Add((batch, await ProgrammeAsync(batch, now, ct)));
        await db.SaveChangesAsync(ct);

        var ids = programmes.Select(p => p.Programme.Id).ToList();
        var waiting = false;
        foreach (var region in Regions.Codes)
        {
            if (await db.Applications.AnyAsync(a => a.RegionCode == region && ids.Contains(a.ProgrammeId), ct)) continue;
            var projects = await db.Projects.Where(p => p.RegionCode == region).OrderBy(p => p.Name).ToListAsync(ct);
            if (projects.Count < ProjectsNeeded)
            {
                waiting = true;
                continue;
            }
            var used = new HashSet<Guid>();
            foreach (var (batch, programme) in programmes)
                if (projects.FirstOrDefault(p => !used.Contains(p.Id) && programme.Supports(p.Category) && programme.MaxRequestFor(p.TotalInvestment) >= 10m) is { } project)
                {
                    used.Add(project.Id);
                    Apply(project, programme, batch.Outcome, today, now);
                }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return waiting ? DemoSeedResult.Waiting : DemoSeedResult.Done;
    }

    async Task<Programme> ProgrammeAsync(Batch batch, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await db.Programmes.FirstOrDefaultAsync(p => p.RegionCode == Regions.City && p.Name == batch.Name
            && p.Year == batch.Year && p.Batch == batch.BatchName, ct);
        if (existing is not null) return existing;
        var programme = Programme.Create(new ProgrammeInput
        {
            Name = batch.Name, Kind = batch.Kind, Year = batch.Year, Batch = batch.BatchName, OpensOn = batch.Opens, ClosesOn = batch.Closes,
            EligibleCategories = batch.Categories, MaxShare = batch.MaxShare,
        }, Regions.City, now);
        db.Programmes.Add(programme);
        return programme;
    }

    /// <summary>Takes the application through the entity's own steps to the outcome, dated inside the programme's window.</summary>
    void Apply(KnownProject project, Programme programme, Outcome outcome, DateOnly today, DateTimeOffset now)
    {
        var applied = programme.ClosesOn < today ? programme.OpensOn.AddDays(7) : today.AddDays(-3) < programme.OpensOn ? programme.OpensOn : today.AddDays(-3);
        var requested = Math.Floor(Math.Min(programme.MaxRequestFor(project.TotalInvestment), project.TotalInvestment * 0.2m));
        var (application, refusal) = FundingApplication.Draft(project, programme, requested, ["项目可行性研究报告批复", "资金申请报告"], applied, now);
        if (application is null) throw new InvalidOperationException($"Demo application refused: {refusal!.Detail}");
        db.Applications.Add(application);
        if (outcome == Outcome.Draft) return;

        if (programme.Kind == ProgrammeKind.SpecialBond)
            Check(application.RecordBondBalance(new BondTerms(Enumerable.Repeat(decimal.Round(requested * 0.2m, 2), 10).ToList(), 0m, requested, 10, 0.03m),
                options.Value.BondCoverageMin, now));
        Check(application.Submit(project, programme, applied, now));
        if (outcome == Outcome.Submitted) return;
        Check(application.Review(now));
        if (outcome == Outcome.CountyReview) return;
        if (outcome == Outcome.Rejected)
        {
            Check(application.Reject("项目前期手续不全，用地预审意见未取得", applied.AddDays(20), now));
            return;
        }
        Check(application.Recommend(now));
        if (outcome == Outcome.Recommended) return;

        var approved = Math.Floor(requested * 0.8m);
        var approvedOn = programme.ClosesOn.AddDays(45);
        Check(application.Approve(approved, approvedOn, "按批次下达", now));
        db.AddEvent(ApplicationWorkflowEndpoints.ApprovedEvent(application));
        Check(application.Allocate(approved, approvedOn.AddDays(20), "资金下达文件（演示）", now));
        var paid = Math.Floor(approved * 0.6m);
        var paidOn = approvedOn.AddDays(50);
        Check(application.Disburse(paid, paidOn, "国库集中支付", now));
        db.AddEvent(ApplicationWorkflowEndpoints.DisbursedEvent(application, paid, paidOn));
    }

    static void Check(Refusal? refusal)
    {
        if (refusal is not null) throw new InvalidOperationException($"Demo application step refused: {refusal.Code}: {refusal.Detail}");
    }
}
