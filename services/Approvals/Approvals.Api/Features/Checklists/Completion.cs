using Approvals.Api.Features.Items;
using Platform.Contracts.Approvals;
using Platform.Messaging;

namespace Approvals.Api.Features.Checklists;

/// <summary>手续完备: when every required-before-start item is approved or accepted with deficiency, say so once.</summary>
public static class Completion
{
    public static bool IsComplete(IReadOnlyCollection<ChecklistItem> items)
    {
        var required = items.Where(i => i.RequiredBeforeStart).ToList();
        return required.Count > 0 && required.All(i => i.IsThrough);
    }

    /// <summary>Adds ApprovalsCompleted to the outbox the first time the checklist is complete. Call after <see cref="ProjectView.Touch"/>.</summary>
    public static void PublishIfComplete(ApprovalsDb db, ProjectView project, IReadOnlyCollection<ChecklistItem> items, DateOnly today, DateTimeOffset now)
    {
        if (!IsComplete(items) || !project.MarkCompleted(today)) return;
        db.AddEvent(new ApprovalsCompleted
        {
            ProjectId = project.ProjectId,
            RegionCode = project.RegionCode,
            CompletedOn = today,
            Version = project.ChecklistVersion,
            OccurredAt = now,
        });
    }
}
