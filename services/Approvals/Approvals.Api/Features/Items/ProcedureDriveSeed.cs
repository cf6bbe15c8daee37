using Approvals.Api.Features.Calendar;
using Approvals.Api.Features.Checklists;
using Platform.Messaging;

namespace Approvals.Api.Features.Items;

/// <summary>
/// Demo desk of the approvals bureaus, after the 前期手续集中办理攻坚行动 (阳政办发〔2025〕19号; 晋市政办函〔2023〕31号
/// 手续办理攻坚行动): in every region the checklists of a few demo projects worked through, so items stand in every
/// state — approved (one checklist complete, 手续完备), submitted, accepted and running, accepted and overdue, rejected,
/// accepted with deficiency (容缺受理) and with an agent (帮办代办). Checklists are made here from ProjectRegistered,
/// so a region is seeded once enough of them have arrived (the seed waits and is retried). Keyed on the region having
/// any item acted on: a second run adds nothing. Decisions publish ApprovalDecided / ApprovalsCompleted like the endpoints.
/// </summary>
public sealed class ProcedureDriveSeed(ApprovalsDb db, Deadlines deadlines) : IDemoSeed
{
    /// <summary>A region is seeded once this many of its projects have checklists.</summary>
    public const int ChecklistsNeeded = 4;
    const string Agent = "帮办代办专员";

    enum Step { Approve, Submit, Accept, AcceptOverdue, Reject, Deficiency, WithAgent }

    /// <summary>What happens to each item of the n-th project's checklist, in dependency order (cycled).</summary>
    static readonly Step[][] Plans =
    [
        [Step.Approve],
        [Step.Approve, Step.Accept, Step.Submit, Step.WithAgent],
        [Step.Approve, Step.Reject, Step.Deficiency, Step.AcceptOverdue],
        [Step.Deficiency, Step.Submit, Step.WithAgent, Step.Accept],
    ];

    public async Task<DemoSeedResult> SeedAsync(CancellationToken ct)
    {
        await using var tx = await DemoSeedLock.BeginAsync(db, nameof(ProcedureDriveSeed), ct);
        var dependsOn = await db.Procedures.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.DependsOn, ct);
        var waiting = false;
        foreach (var region in Regions.Codes)
        {
            if (await db.ChecklistItems.AnyAsync(i => i.RegionCode == region && (i.Status != ItemStatus.NotStarted || i.Agent != null), ct)) continue;
            // Projects still before construction first: their procedures are the ones a bureau works on.
            var projects = await db.Projects.Where(p => p.RegionCode == region && db.ChecklistItems.Any(i => i.ProjectId == p.ProjectId))
                .OrderBy(p => p.Stage == "reserve" || p.Stage == "preparation" ? 0 : 1).ThenBy(p => p.Name).Take(Plans.Length).ToListAsync(ct);
            if (projects.Count < ChecklistsNeeded)
            {
                waiting = true;
                continue;
            }
            for (var n = 0; n < projects.Count; n++)
                await WorkThroughAsync(projects[n], Plans[n], dependsOn, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return waiting ? DemoSeedResult.Waiting : DemoSeedResult.Done;
    }

    async Task WorkThroughAsync(ProjectView project, Step[] plan, IReadOnlyDictionary<string, List<string>> dependsOn, CancellationToken ct)
    {
        var checklist = await db.ChecklistItems.Where(i => i.ProjectId == project.ProjectId).OrderBy(i => i.CreatedAt).ThenBy(i => i.ProcedureCode).ToListAsync(ct);
        var today = deadlines.Today;
        var now = deadlines.Now;
        var done = new HashSet<Guid>();
        // Items become possible as the ones they depend on are through: pass over the list until nothing moves.
        for (var moved = true; moved;)
        {
            moved = false;
            foreach (var item in checklist.Where(i => !done.Contains(i.Id)))
            {
                var dependencies = checklist.Where(i => dependsOn.GetValueOrDefault(item.ProcedureCode)?.Contains(i.ProcedureCode) == true).ToList();
                if (dependencies.Any(d => !d.IsThrough)) continue;
                done.Add(item.Id);
                moved = true;
                var step = plan[(done.Count - 1) % plan.Length];
                if (Take(item, step, dependencies, today, now) is { } decision)
                {
                    project.Touch(now);
                    db.AddEvent(ItemActionEndpoints.DecidedEvent(item, project, decision, item.DecidedOn ?? today, now));
                }
            }
        }
        Completion.PublishIfComplete(db, project, checklist, today, now);
    }

    /// <summary>Takes the item to the step through its own transitions; returns the decision to publish, if any.</summary>
    string? Take(ChecklistItem item, Step step, IEnumerable<ChecklistItem> dependencies, DateOnly today, DateTimeOffset now)
    {
        var calendar = deadlines.Calendar;
        if (step == Step.WithAgent)
        {
            Check(item.AssignAgent(Agent, now));
            return null;
        }
        var handedIn = step == Step.AcceptOverdue ? today.AddDays(-90) : today.AddDays(-20);
        Check(item.Submit(handedIn, dependencies, now));
        switch (step)
        {
            case Step.Submit:
                return null;
            case Step.Reject:
                Check(item.Reject(handedIn.AddDays(5), "申报材料不齐全，缺少用地预审与选址意见书", now));
                return "rejected";
            case Step.Deficiency:
                Check(item.AcceptWithDeficiency(handedIn.AddDays(2), ["节能审查意见"], today.AddDays(30), calendar, now));
                return "acceptedWithDeficiency";
        }
        Check(item.Accept(handedIn.AddDays(2), calendar, now));
        if (step is Step.Accept or Step.AcceptOverdue) return null;
        Check(item.Approve(handedIn.AddDays(10), $"审批文号（演示）{item.ProcedureCode}", now));
        return "approved";
    }

    static void Check(Refusal? refusal)
    {
        if (refusal is not null) throw new InvalidOperationException($"Demo checklist step refused: {refusal.Code}: {refusal.Detail}");
    }
}
