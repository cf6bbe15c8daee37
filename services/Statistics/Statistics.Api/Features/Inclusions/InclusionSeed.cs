using Platform.Messaging;
using Statistics.Api.Features.Figures;
using Statistics.Api.Features.Projects;

namespace Statistics.Api.Features.Inclusions;

/// <summary>
/// Demo desk of the statistics bureaus, after 晋市政办函〔2023〕31号's 入统一批 (已开工未入统 → 应统尽统): in every region
/// some started projects of the demo library included (纳统, with a statistics code and this year's official monthly
/// figures up to the current month, so the city's overview shows 统计数), some applications waiting for a decision,
/// one rejected, and the rest still 已开工未入统 on the pending list. Projects are known here only from the library's
/// events, so a region is seeded once enough of its started projects have arrived (the seed waits and is retried).
/// Keyed on the region having demo applications: a second run adds nothing.
/// </summary>
public sealed class InclusionSeed(StatisticsDb db, StatisticsOptions options, TimeProvider clock) : IDemoSeed
{
    public const string Applicant = "demo-data";
    /// <summary>A region is seeded once this many of its started projects are known.</summary>
    public const int StartedNeeded = 5;
    const int Approved = 3, Submitted = 2, Rejected = 1;

    public async Task<DemoSeedResult> SeedAsync(CancellationToken ct)
    {
        await using var tx = await DemoSeedLock.BeginAsync(db, nameof(InclusionSeed), ct);
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var waiting = false;
        foreach (var region in Regions.Codes)
        {
            if (await db.Inclusions.AnyAsync(i => i.RegionCode == region && i.Applicant == Applicant, ct)) continue;
            var candidates = new List<ProjectView>();
            foreach (var project in await db.Projects.AsNoTracking().Where(p => p.RegionCode == region && p.HasDetails).OrderBy(p => p.Name).ToListAsync(ct))
                if (project.IsStarted && InclusionRules.Refusal(project, options.ThresholdWan, await FactsAsync(project.Id, ct)) is null)
                    candidates.Add(project);
            if (candidates.Count < StartedNeeded)
            {
                waiting = true;
                continue;
            }
            for (var i = 0; i < Math.Min(candidates.Count, Approved + Submitted + Rejected); i++)
            {
                var project = candidates[i];
                var inclusion = Inclusion.Submit(Application(project), new(project.Id, project.Name, project.RegionCode, project.Township), Applicant, now);
                db.Inclusions.Add(inclusion);
                if (i < Approved) await IncludeAsync(inclusion, project, $"{region}{today.Year}{i + 1:0000}", today, now, ct);
                else if (i >= Approved + Submitted) inclusion.Reject("施工合同与现场照片不一致，请补充材料后重新申报", Applicant, now, today);
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return waiting ? DemoSeedResult.Waiting : DemoSeedResult.Done;
    }

    async Task<InclusionFacts> FactsAsync(Guid projectId, CancellationToken ct) => new(
        await db.IsIncludedAsync(projectId, ct),
        await db.Inclusions.AnyAsync(i => i.ProjectId == projectId && i.Status == InclusionStatus.Submitted, ct),
        await db.IsCountedThroughDuplicateAsync(projectId, ct));

    static InclusionApplication Application(ProjectView project) => new()
    {
        ProjectId = project.Id,
        MainConstructionContent = $"{project.Name}主体工程及配套设施建设",
        ConstructionContract = "施工总承包合同（演示）",
        SitePhotos = ["现场照片：开工现场（演示）"],
        ApprovalDocument = "项目备案证明（演示）",
    };

    /// <summary>Approves like the bureau would (InclusionApproved) and enters this year's 统计数 month by month up to now.</summary>
    async Task IncludeAsync(Inclusion inclusion, ProjectView project, string code, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        inclusion.Approve(code, Applicant, now, today);
        db.AddEvent(InclusionEndpoints.ApprovedEvent(inclusion, now));
        var from = project.ActualStartDate is { } start && start.Year == today.Year ? start.Month : 1;
        var monthly = Math.Max(1m, decimal.Round(project.TotalInvestment * 0.02m, 2));
        for (var month = from; month <= today.Month; month++)
            await FigureEndpoints.Record(db, project, $"{today.Year}-{month:00}", monthly, "manual", Applicant, now, ct);
    }
}
