using Platform.Contracts.Funding;
using Platform.Contracts.ProjectLibrary;
using Platform.Contracts.Statistics;

namespace Notifications.Tests;

/// <summary>One event of each kind the service turns into notifications, about a given project; Subject is the object it links to.</summary>
public static class EventSamples
{
    public sealed record Sample(object Event, Guid Subject);

    public static Sample Of(string kind, Guid projectId, string region)
    {
        var subject = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        object message = kind switch
        {
            "problemRaised" => new ProblemRaised { ProblemId = subject, ProjectId = projectId, RegionCode = region, Title = "征地未完成", Level = "county", Version = 1, OccurredAt = now },
            "problemRaisedAtCityLevel" => new ProblemRaised { ProblemId = subject, ProjectId = projectId, RegionCode = region, Title = "跨县协调", Level = "city", Version = 1, OccurredAt = now },
            "problemAssigned" => new ProblemAssigned { ProblemId = subject, ProjectId = projectId, RegionCode = region, Department = "自然资源局", Assignee = "赵科长", DueDate = due, Version = 2, OccurredAt = now },
            "problemEscalated" => new ProblemEscalated { ProblemId = subject, ProjectId = projectId, RegionCode = region, Level = "city", Automatic = false, Version = 3, OccurredAt = now },
            "problemClosed" => new ProblemClosed { ProblemId = subject, ProjectId = projectId, RegionCode = region, Resolution = "已解决", Version = 4, OccurredAt = now },
            "problemDueSoon" => new ProblemDueSoon { ProblemId = subject, ProjectId = projectId, RegionCode = region, Title = "征地未完成", Department = "自然资源局", DueDate = due, Level = "county", Version = 2, OccurredAt = now },
            "problemCloseRequested" => new ProblemCloseRequested { ProblemId = subject, ProjectId = projectId, RegionCode = region, Title = "征地未完成", Level = "county", Resolution = "已完成征地", Version = 5, OccurredAt = now },
            "problemCloseRequestedAtCityLevel" => new ProblemCloseRequested { ProblemId = subject, ProjectId = projectId, RegionCode = region, Title = "征地未完成", Level = "city", Resolution = "已完成征地", Version = 5, OccurredAt = now },
            "problemReturned" => new ProblemReturned { ProblemId = subject, ProjectId = projectId, RegionCode = region, Title = "征地未完成", Level = "county", Opinion = "补充佐证材料", Version = 6, OccurredAt = now },
            "problemSupervised" => new ProblemSupervised { ProblemId = subject, ProjectId = projectId, RegionCode = region, Title = "征地未完成", Level = "county", System = "13710", Reference = "晋城督〔2026〕12号", ArrangeBy = due, MeasuresBy = due.AddDays(2), ProgressBy = due.AddDays(6), AnswerBy = due.AddDays(9), Version = 3, OccurredAt = now },
            "inclusionApproved" => new InclusionApproved { InclusionId = subject, ProjectId = projectId, RegionCode = region, ApprovedOn = due, Version = 1, OccurredAt = now },
            "fundingApproved" => new FundingApproved { ApplicationId = subject, ProjectId = projectId, RegionCode = region, ProgrammeKind = "centralBudget", Year = 2025, ApprovedAmount = 1200m, ApprovedOn = due, Version = 2, OccurredAt = now },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no sample for this kind"),
        };
        return new Sample(message, subject);
    }
}
