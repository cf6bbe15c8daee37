using Funding.Api.Features.Bonds;
using Funding.Api.Features.Programmes;
using Funding.Api.Features.Projects;
using Microsoft.Extensions.Options;
using Platform.Contracts.Funding;
using Platform.Messaging;

namespace Funding.Api.Features.Applications;

/// <summary>
/// Who acts on an application. The project's own funding bureau (its county, or 140500 for 市本级 projects)
/// drafts, submits, reviews, recommends upward, records the bond balance and disburses. The programme's owner
/// (140500 for city-wide programmes, the county for its own) approves, rejects what was recommended, and allocates.
/// </summary>
public enum Side { ProjectBureau, ProgrammeOwner }

/// <summary>What every workflow endpoint needs, bound once.</summary>
public sealed record WorkflowContext(FundingDb Db, CallerScope Caller, TimeProvider Clock, IOptions<FundingOptions> Options,
    HttpRequest Request, HttpResponse Response, CancellationToken Ct);

sealed record Loaded(FundingApplication Application, Programme Programme, KnownProject Project);

public static class ApplicationWorkflowEndpoints
{
    public static RouteGroupBuilder MapWorkflow(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/submit", (Guid id, [AsParameters] WorkflowContext c) =>
                Act(id, c, _ => Side.ProjectBureau, l => l.Application.Submit(l.Project, l.Programme, Today(c), Now(c))))
            .WithSummary("draft → submitted (inside the window; special bonds need a passing balance)");
        group.MapPost("/{id:guid}/review", (Guid id, [AsParameters] WorkflowContext c) =>
                Act(id, c, _ => Side.ProjectBureau, l => l.Application.Review(Now(c))))
            .WithSummary("submitted → countyReview");
        group.MapPost("/{id:guid}/recommend", (Guid id, [AsParameters] WorkflowContext c) =>
                Act(id, c, _ => Side.ProjectBureau, l => l.Application.Recommend(Now(c))))
            .WithSummary("countyReview → recommended upward to the programme's owner");
        group.MapPost("/{id:guid}/approve", (Guid id, ApproveInput input, [AsParameters] WorkflowContext c) =>
                Act(id, c, _ => Side.ProgrammeOwner,
                    l => l.Application.Approve(input.ApprovedAmount!.Value, input.ApprovedOn ?? Today(c), input.Note, Now(c)), Approved))
            .WithSummary("recommended → approved with an amount ≤ requested (publishes FundingApproved)");
        group.MapPost("/{id:guid}/reject", (Guid id, RejectInput input, [AsParameters] WorkflowContext c) =>
                Act(id, c, a => a.Status == ApplicationStatus.Recommended ? Side.ProgrammeOwner : Side.ProjectBureau,
                    l => l.Application.Reject(input.Reason!.Trim(), input.RejectedOn ?? Today(c), Now(c))))
            .WithSummary("Refuse: the county while reviewing, the programme's owner once recommended");
        group.MapPost("/{id:guid}/allocate", (Guid id, TransferInput input, [AsParameters] WorkflowContext c) =>
                Act(id, c, _ => Side.ProgrammeOwner,
                    l => l.Application.Allocate(input.Amount!.Value, input.Date ?? Today(c), input.Document, Now(c))))
            .WithSummary("资金下达: record an allocation; allocations never exceed the approved amount");
        group.MapPost("/{id:guid}/disburse", (Guid id, TransferInput input, [AsParameters] WorkflowContext c) =>
                Act(id, c, _ => Side.ProjectBureau,
                    l => l.Application.Disburse(input.Amount!.Value, input.Date ?? Today(c), input.Document, Now(c)),
                    l => Disbursed(l, input.Amount!.Value, input.Date ?? Today(c))))
            .WithSummary("支付: record a disbursement; disbursements never exceed allocations (publishes FundsDisbursed)");
        group.MapPut("/{id:guid}/bond-balance", (Guid id, BondBalanceInput input, [AsParameters] WorkflowContext c) =>
                Act(id, c, _ => Side.ProjectBureau,
                    l => l.Application.RecordBondBalance(input.ToTerms(), c.Options.Value.BondCoverageMin, Now(c))))
            .WithSummary("收益与融资自求平衡 of a special bond draft: revenue over the term / (principal + interest + costs)");
        return group;
    }

    static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> Act(Guid id, WorkflowContext c,
        Func<FundingApplication, Side> side, Func<Loaded, Refusal?> change, Func<Loaded, object>? publish = null)
    {
        var application = await c.Db.Applications.Include(a => a.Transfers).VisibleTo(c.Caller).FirstOrDefaultAsync(a => a.Id == id, c.Ct);
        if (application is null) return Problem.NotFound("Application", id);
        var programme = await c.Db.Programmes.FirstAsync(p => p.Id == application.ProgrammeId, c.Ct);
        var project = await c.Db.Projects.FirstAsync(p => p.Id == application.ProjectId, c.Ct);
        if (IfMatch.Check(c.Request, application.ETag, required: false) is { } precondition) return precondition;
        if (Forbidden(c.Caller, side(application), application, programme) is { } forbidden) return forbidden;

        var loaded = new Loaded(application, programme, project);
        if (change(loaded) is { } refusal) return refusal.ToProblem();
        if (publish is not null) c.Db.AddEvent(publish(loaded));
        try
        {
            await c.Db.SaveChangesAsync(c.Ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.PreconditionFailed();
        }
        c.Response.Headers.ETag = application.ETag;
        return TypedResults.Ok(ApplicationResponse.From(application));
    }

    /// <summary>The project's own funding bureau acts for the project; the bureau that runs the programme (not a township) decides.</summary>
    static ProblemHttpResult? Forbidden(CallerScope caller, Side side, FundingApplication application, Programme programme) => side switch
    {
        Side.ProjectBureau => caller.WriteRefusal(FundingRoles.ChangeApplications, application.RegionCode, application.Township),
        Side.ProgrammeOwner => caller.WriteRefusal(FundingRoles.ChangeApplications, programme.RegionCode),
        _ => caller.WriteRefusal(FundingRoles.ChangeApplications),
    };

    static object Approved(Loaded l) => ApprovedEvent(l.Application);

    static object Disbursed(Loaded l, decimal amount, DateOnly on) => DisbursedEvent(l.Application, amount, on);

    /// <summary>FundingApproved of an application just approved (also the demo seed's).</summary>
    public static FundingApproved ApprovedEvent(FundingApplication a) => new()
    {
        ApplicationId = a.Id,
        ProjectId = a.ProjectId,
        RegionCode = a.RegionCode,
        ProgrammeKind = QueryEnum.Name(a.ProgrammeKind),
        Year = a.Year,
        ApprovedAmount = a.ApprovedAmount!.Value,
        ApprovedOn = a.ApprovedOn!.Value,
        Version = a.Version,
        OccurredAt = a.UpdatedAt,
    };

    /// <summary>FundsDisbursed of a disbursement just recorded (also the demo seed's).</summary>
    public static FundsDisbursed DisbursedEvent(FundingApplication a, decimal amount, DateOnly on) => new()
    {
        ApplicationId = a.Id,
        ProjectId = a.ProjectId,
        RegionCode = a.RegionCode,
        ProgrammeKind = QueryEnum.Name(a.ProgrammeKind),
        Amount = amount,
        DisbursedOn = on,
        Version = a.Version,
        OccurredAt = a.UpdatedAt,
    };

    static DateOnly Today(WorkflowContext c) => c.Clock.Today();
    static DateTimeOffset Now(WorkflowContext c) => c.Clock.GetUtcNow();
}
