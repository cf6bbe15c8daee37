using Approvals.Api.Features.Calendar;

namespace Approvals.Api.Features.Items;

/// <summary>A checklist item as the API shows it, with today's warning (dueSoon, overdue, commitmentOverdue).</summary>
public sealed record ItemResponse(
    Guid Id, Guid ProjectId, string ProjectName, string RegionCode, string? Township, string Code, string Name, string? Variant,
    string Agency, int TimeLimitWorkingDays, bool RequiredBeforeStart, ItemStatus Status, string? Agent,
    DateOnly? SubmittedOn, DateOnly? AcceptedOn, DateOnly? DueDate, DateOnly? DecidedOn, string? DocumentNumber,
    string? RejectionReason, IReadOnlyList<string> MissingDocuments, DateOnly? CommitDueDate, DateOnly? SupplementedOn,
    string? Warning, int? WorkingDaysLeft, DateTimeOffset UpdatedAt, long Version)
{
    public static ItemResponse From(ChecklistItem i, string projectName, Deadlines deadlines) => new(
        i.Id, i.ProjectId, projectName, i.RegionCode, i.Township, i.ProcedureCode, i.Name, i.Variant, i.Agency,
        i.TimeLimitWorkingDays, i.RequiredBeforeStart, i.Status, i.Agent, i.SubmittedOn, i.AcceptedOn, i.DueDate, i.DecidedOn,
        i.DocumentNumber, i.RejectionReason, i.MissingDocuments, i.CommitDueDate, i.SupplementedOn,
        deadlines.WarningFor(i), deadlines.WorkingDaysLeft(i), i.UpdatedAt, i.Version);
}
