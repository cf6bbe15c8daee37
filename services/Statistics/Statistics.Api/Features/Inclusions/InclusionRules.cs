using Statistics.Api.Features.Projects;

namespace Statistics.Api.Features.Inclusions;

/// <summary>What the bureau must know about a project before it may be (applied to be) included.</summary>
public sealed record InclusionFacts(bool AlreadyIncluded, bool ApplicationOpen, bool DuplicateIncluded);

/// <summary>应统尽统, 不重不漏: which projects must be included, and which may not be included (again).</summary>
public static class InclusionRules
{
    /// <summary>已开工未入统: started, at or above the threshold, and counted neither itself nor through a confirmed duplicate.</summary>
    public static bool IsPending(ProjectView project, decimal thresholdWan, bool included, bool duplicateIncluded) =>
        project.IsStarted && project.TotalInvestment >= thresholdWan && !included && !duplicateIncluded;

    /// <summary>Why an application (or an approval, which ignores its own open application) is refused, or null.</summary>
    public static ProblemHttpResult? Refusal(ProjectView project, decimal thresholdWan, InclusionFacts facts, bool approving = false)
    {
        if (!project.IsStarted)
            return Problem.Unprocessable("not_started", "Only a started project (已开工) can be included in the statistics.");
        if (project.TotalInvestment < thresholdWan)
            return Problem.Unprocessable("below_threshold",
                $"The total investment {project.TotalInvestment} 万元 is below the statistics threshold of {thresholdWan} 万元.");
        if (facts.AlreadyIncluded)
            return Problem.Conflict("already_included", "The project is already included in the statistics (不重不漏).");
        if (facts.DuplicateIncluded)
            return Problem.Conflict("duplicate_already_included",
                "The project is a confirmed duplicate of a project already included in the statistics (不重不漏).");
        if (!approving && facts.ApplicationOpen)
            return Problem.Conflict("application_pending", "An inclusion application for the project is already waiting for a decision.");
        return null;
    }
}
