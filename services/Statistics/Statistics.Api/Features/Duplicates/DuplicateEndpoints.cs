using Statistics.Api.Features.Projects;

namespace Statistics.Api.Features.Duplicates;

public sealed record DuplicateDecision(string? Note) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.MaxLength(Note, 1000, "note");
}

public sealed record PairedProject(Guid ProjectId, string Name, string RegionCode, string? Township, string? NationalCode,
    string Stage, decimal TotalInvestment, bool Included);

public sealed record DuplicateResponse(Guid Id, DuplicateReason Reason, decimal Score, DuplicateStatus Status, PairedProject Project,
    PairedProject Other, DateTimeOffset DetectedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? Note, long Version);

public sealed record ScanResult(int ProjectsExamined, int Candidates);

public static class DuplicateEndpoints
{
    public static IEndpointRouteBuilder MapDuplicateEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/statistics/duplicates", "Duplicates");
        group.MapGet("/", List).WithSummary("Likely duplicate project pairs with a score (不重不漏), filtered and paged");
        group.MapPost("/scan", Scan).WithSummary("Look for duplicates among every project in the caller's scope now");
        group.MapPost("/{id:guid}/confirm", (Guid id, DuplicateDecision? body, StatisticsDb db, CallerScope caller, TimeProvider clock, CancellationToken ct) =>
            Decide(id, body, confirm: true, db, caller, clock, ct)).WithSummary("Confirm: the two are one project, which can be included once");
        group.MapPost("/{id:guid}/dismiss", (Guid id, DuplicateDecision? body, StatisticsDb db, CallerScope caller, TimeProvider clock, CancellationToken ct) =>
            Decide(id, body, confirm: false, db, caller, clock, ct)).WithSummary("Dismiss: two different projects");
        return app;
    }

    static async Task<Ok<Paged<DuplicateResponse>>> List(StatisticsDb db, CallerScope caller, DuplicateStatus? status, DuplicateReason? reason,
        string? regionCode, decimal? minScore, Guid? projectId, int? page, int? pageSize, CancellationToken ct)
    {
        var query = Visible(db.DuplicatePairs.AsNoTracking(), caller);
        if (status is not null) query = query.Where(d => d.Status == status);
        if (reason is not null) query = query.Where(d => d.Reason == reason);
        if (regionCode is not null) query = query.Where(d => d.RegionCode == regionCode || d.OtherRegionCode == regionCode);
        if (minScore is not null) query = query.Where(d => d.Score >= minScore);
        if (projectId is not null) query = query.Where(d => d.ProjectId == projectId || d.OtherProjectId == projectId);
        var result = await query.OrderByDescending(d => d.Score).ThenBy(d => d.Id).ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(new Paged<DuplicateResponse>(await ResponsesAsync(db, result.Items, ct), result.Page, result.PageSize, result.Total));
    }

    static async Task<Results<Ok<ScanResult>, ProblemHttpResult>> Scan(StatisticsDb db, CallerScope caller, DuplicateDetector detector, CancellationToken ct)
    {
        if (caller.WriteRefusal(StatisticsRoles.ScanDuplicates) is { } refusal) return refusal;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await ExclusiveRun.TryEnterAsync(db, "statistics:duplicate-scan", ct)) return ExclusiveRun.AlreadyRunning("duplicate scan");
        var examined = await detector.ScanAsync(caller, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var candidates = await Visible(db.DuplicatePairs.AsNoTracking(), caller).CountAsync(d => d.Status == DuplicateStatus.Candidate, ct);
        return TypedResults.Ok(new ScanResult(examined, candidates));
    }

    static async Task<Results<Ok<DuplicateResponse>, ProblemHttpResult>> Decide(Guid id, DuplicateDecision? body, bool confirm, StatisticsDb db,
        CallerScope caller, TimeProvider clock, CancellationToken ct)
    {
        var pair = await Visible(db.DuplicatePairs, caller).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (pair is null) return Problem.NotFound("Duplicate pair", id);
        if (caller.WriteRefusal(StatisticsRoles.JudgeDuplicates) is { } refusal) return refusal;
        if (!caller.CanWrite(pair.RegionCode, pair.Township) && !caller.CanWrite(pair.OtherRegionCode, pair.OtherTownship))
            return Problem.Forbidden("Neither project of the pair belongs to your region.");
        if (!pair.CanBeDecided) return Problem.Conflict("illegal_state", $"The pair is already {pair.Status.ToString().ToLowerInvariant()}.");

        if (confirm) pair.Confirm(caller.UserName, body?.Note, clock.GetUtcNow());
        else pair.Dismiss(caller.UserName, body?.Note, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await ResponsesAsync(db, [pair], ct))[0]);
    }

    /// <summary>A pair is visible to whoever may see either of its projects.</summary>
    static IQueryable<DuplicatePair> Visible(IQueryable<DuplicatePair> pairs, CallerScope caller)
    {
        if (caller.IsCity) return pairs;
        var (region, township) = (caller.RegionCode, caller.Township);
        return pairs.Where(d => (d.RegionCode == region && (township == null || d.Township == township))
            || (d.OtherRegionCode == region && (township == null || d.OtherTownship == township)));
    }

    static async Task<List<DuplicateResponse>> ResponsesAsync(StatisticsDb db, IReadOnlyList<DuplicatePair> pairs, CancellationToken ct)
    {
        var ids = pairs.SelectMany(p => new[] { p.ProjectId, p.OtherProjectId }).Distinct().ToList();
        var included = (await db.IncludedProjectIds().Where(id => ids.Contains(id)).ToListAsync(ct)).ToHashSet();
        var projects = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        PairedProject Describe(Guid id) => projects.TryGetValue(id, out var p)
            ? new(p.Id, p.Name, p.RegionCode, p.Township, p.NationalCode, p.Stage, p.TotalInvestment, included.Contains(id))
            : new(id, "", "", null, null, "", 0m, included.Contains(id));
        return pairs.Select(d => new DuplicateResponse(d.Id, d.Reason, d.Score, d.Status, Describe(d.ProjectId), Describe(d.OtherProjectId),
            d.DetectedAt, d.DecidedBy, d.DecidedAt, d.Note, d.Version)).ToList();
    }
}
