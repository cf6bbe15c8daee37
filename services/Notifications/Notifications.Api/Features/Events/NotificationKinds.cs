namespace Notifications.Api.Features.Events;

/// <summary>The kind of a notification (what happened), stable for the console to pick an icon and filter.</summary>
public static class NotificationKinds
{
    public const string ProblemRaised = "problemRaised";
    public const string ProblemAssigned = "problemAssigned";
    public const string ProblemEscalated = "problemEscalated";
    public const string ProblemClosed = "problemClosed";
    public const string ProblemDueSoon = "problemDueSoon";
    public const string ProblemCloseRequested = "problemCloseRequested";
    public const string ProblemReturned = "problemReturned";
    public const string ProblemSupervised = "problemSupervised";
    public const string InclusionApproved = "inclusionApproved";
    public const string FundingApproved = "fundingApproved";
}
