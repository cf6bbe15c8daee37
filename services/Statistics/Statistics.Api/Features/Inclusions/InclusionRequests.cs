namespace Statistics.Api.Features.Inclusions;

/// <summary>
/// POST /api/statistics/inclusions: the project and its materials checklist — 主要建设内容, 施工合同,
/// 现场照片, and 立项文件 or, lacking it, a substitute (施工许可/设计/可研) with an explanation.
/// Documents are given as references (document number, file id or archive location).
/// </summary>
public sealed record InclusionApplication : IValidatable
{
    public Guid? ProjectId { get; init; }
    public string? MainConstructionContent { get; init; }
    public string? ConstructionContract { get; init; }
    public IReadOnlyList<string>? SitePhotos { get; init; }
    public string? ApprovalDocument { get; init; }
    public SubstituteMaterial? Substitute { get; init; }
    public string? Note { get; init; }

    public void Validate(ValidationErrors errors)
    {
        errors.Required(ProjectId, "projectId")
            .When(ProjectId == Guid.Empty, "projectId", FieldErrors.Required)
            .Required(MainConstructionContent, "mainConstructionContent").MaxLength(MainConstructionContent, 4000, "mainConstructionContent")
            .Required(ConstructionContract, "constructionContract").MaxLength(ConstructionContract, 200, "constructionContract")
            .When(SitePhotos is null || SitePhotos.Count(p => !string.IsNullOrWhiteSpace(p)) == 0, "sitePhotos",
                FieldErrors.EmptyList("at least one site photo (现场照片) is required"))
            .When(SitePhotos is { Count: > 50 }, "sitePhotos", FieldErrors.TooMany(50, "must be at most 50 photos"))
            .When(SitePhotos?.Any(p => p?.Length > 500) == true, "sitePhotos", FieldErrors.EntryTooLong(500, "each reference must be at most 500 characters"))
            .MaxLength(ApprovalDocument, 200, "approvalDocument")
            .MaxLength(Note, 2000, "note");
        if (string.IsNullOrWhiteSpace(ApprovalDocument))
        {
            if (Substitute is null)
                errors.Add("approvalDocument", FieldErrors.ApprovalDocumentRequired);
            else
                errors.Required(Substitute.Kind, "substitute.kind")
                    .Required(Substitute.Reference, "substitute.reference")
                    .Required(Substitute.Explanation, "substitute.explanation");
        }
        if (Substitute is not null)
            errors.MaxLength(Substitute.Reference, 200, "substitute.reference").MaxLength(Substitute.Explanation, 1000, "substitute.explanation");
    }
}

public sealed record SubstituteMaterial(SubstituteDocument? Kind, string? Reference, string? Explanation);

/// <summary>POST /api/statistics/inclusions/{id}/approve: the statistics code (统计编码) the project is filed under.</summary>
public sealed record ApproveInclusion(string? StatisticsCode) : IValidatable
{
    public void Validate(ValidationErrors errors) =>
        errors.Required(StatisticsCode, "statisticsCode").MaxLength(StatisticsCode, 50, "statisticsCode");
}

/// <summary>POST /api/statistics/inclusions/{id}/reject: why, for the applicant.</summary>
public sealed record RejectInclusion(string? Reason) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.Required(Reason, "reason").MaxLength(Reason, 1000, "reason");
}

public sealed record InclusionResponse(
    Guid Id, Guid ProjectId, string ProjectName, string RegionCode, string? Township, InclusionStatus Status,
    string MainConstructionContent, string ConstructionContract, IReadOnlyList<string> SitePhotos, string? ApprovalDocument,
    SubstituteMaterial? Substitute, string? Note, string Applicant, DateTimeOffset SubmittedAt, string? StatisticsCode,
    string? DecidedBy, DateTimeOffset? DecidedAt, DateOnly? DecidedOn, string? RejectionReason, long Version)
{
    public static InclusionResponse From(Inclusion i) => new(
        i.Id, i.ProjectId, i.ProjectName, i.RegionCode, i.Township, i.Status, i.MainConstructionContent, i.ConstructionContract,
        i.SitePhotos, i.ApprovalDocument,
        i.SubstituteKind is null ? null : new SubstituteMaterial(i.SubstituteKind, i.SubstituteReference, i.SubstituteExplanation),
        i.Note, i.Applicant, i.SubmittedAt, i.StatisticsCode, i.DecidedBy, i.DecidedAt, i.DecidedOn, i.RejectionReason, i.Version);
}
