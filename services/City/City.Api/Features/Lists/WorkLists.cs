using City.Api.Features.ReadModels;
using Platform.ServiceDefaults.Text;
using Platform.Spreadsheets;

namespace City.Api.Features.Lists;

public sealed record OpenProblemRow(Guid ProblemId, Guid ProjectId, string ProjectName, string RegionCode, string RegionName, string? Title,
    string? Level, string Status, string? Department, string? Assignee, DateOnly? DueDate, bool Overdue);

/// <summary>问题交办: problems assigned to a department and not yet closed (销号), most urgent first.</summary>
public sealed class OpenProblemList : CityList<OpenProblemRow>
{
    public override string Name => "open-problems";
    public override string Title => "问题交办未销号清单";
    protected override string? TotalsLabel => null;
    protected override IReadOnlyList<SheetColumn> Columns =>
    [
        new("项目名称") { Width = 30 }, new("地区"), new("问题") { Width = 36 }, new("事权级别"), new("状态"),
        new("责任部门") { Width = 16 }, new("责任人"), new("办结时限", ColumnKind.Date), new("是否超期"),
    ];
    protected override IReadOnlyList<object?> Cells(OpenProblemRow r) =>
        [r.ProjectName, r.RegionName, r.Title, Chinese.Label("problemLevel", r.Level), Chinese.Label("problemStatus", r.Status), r.Department,
            r.Assignee, r.DueDate, r.Overdue ? "是" : "否"];

    protected override async Task<Paged<OpenProblemRow>> QueryAsync(ListRequest request, PageRequest page, CancellationToken ct)
    {
        var today = request.Today;
        var projects = request.Projects();
        var problems = request.Db.Problems.AsNoTracking().Where(p => p.Status != ProblemView.Closed && p.Department != null);
        if (!request.Caller.IsCity) problems = problems.Where(p => p.RegionCode == request.Caller.RegionCode);
        if (request.RegionCode is not null) problems = problems.Where(p => p.RegionCode == request.RegionCode);
        // A township user (or a township filter) sees the problems of its township's projects only.
        var township = request.Caller.Township ?? request.Township;
        var result = await problems
            .Select(p => new { Problem = p, Project = projects.FirstOrDefault(v => v.ProjectId == p.ProjectId) })
            .Where(x => township == null || x.Project!.Township == township)
            .OrderBy(x => x.Problem.DueDate).ThenBy(x => x.Problem.ProblemId)
            .Select(x => new OpenProblemRow(x.Problem.ProblemId, x.Problem.ProjectId, x.Project == null ? "" : x.Project.Name, x.Problem.RegionCode, "",
                x.Problem.Title, x.Problem.Level, x.Problem.Status, x.Problem.Department, x.Problem.Assignee, x.Problem.DueDate, x.Problem.DueDate < today))
            .ToPageAsync(page, ct);
        return LeaderProjectList.Named(result, r => r with { RegionName = Regions.NameOf(r.RegionCode) });
    }
}

public sealed record ProcedureStatus(string ProcedureCode, string ProcedureName, string Agency, string Decision, DateOnly DecidedOn);

public sealed record PreStartApprovalRow(Guid ProjectId, string Name, string RegionCode, string RegionName, DateOnly? PlannedStartDate,
    string Stage, int Approved, int NotApproved, IReadOnlyList<ProcedureStatus> Procedures);

/// <summary>前期手续: projects planned to start by the end of the period whose pre-start procedures are not all approved (not 手续完备).</summary>
public sealed class PreStartApprovalList : CityList<PreStartApprovalRow>
{
    public override string Name => "pre-start-approvals";
    public override string Title => "计划开工项目前期手续办理清单";
    protected override IReadOnlyList<SheetColumn> Columns =>
    [
        new("项目名称") { Width = 36 }, new("地区"), new("计划开工日期", ColumnKind.Date), new("阶段"),
        new("已批复", ColumnKind.Integer) { Unit = "项", Total = true }, new("未通过", ColumnKind.Integer) { Unit = "项", Total = true },
        new("手续办理情况") { Width = 60 },
    ];
    protected override IReadOnlyList<object?> Cells(PreStartApprovalRow r) =>
        [r.Name, r.RegionName, r.PlannedStartDate, Chinese.Label("projectStage", r.Stage), r.Approved, r.NotApproved,
            string.Join("；", r.Procedures.Select(p => $"{p.ProcedureName}（{p.Agency}）：{Chinese.Label("itemStatus", p.Decision)}"))];

    protected override async Task<Paged<PreStartApprovalRow>> QueryAsync(ListRequest request, PageRequest page, CancellationToken ct)
    {
        var end = request.Period.End;
        var projects = await request.Projects()
            .Where(p => p.PlannedStartDate <= end && p.ActualStartDate == null && !p.ReadyToStart && Stages.BeforeStart.Contains(p.Stage))
            .OrderBy(p => p.PlannedStartDate).ThenBy(p => p.ProjectId)
            .Select(p => new { p.ProjectId, p.Name, p.RegionCode, p.PlannedStartDate, p.Stage })
            .ToPageAsync(page, ct);
        var ids = projects.Items.Select(p => p.ProjectId).ToList();
        var decisions = (await request.Db.Approvals.AsNoTracking().Where(a => ids.Contains(a.ProjectId)).OrderBy(a => a.DecidedOn).ToListAsync(ct))
            .ToLookup(a => a.ProjectId);
        var rows = projects.Items.Select(p =>
        {
            var procedures = decisions[p.ProjectId].Select(a => new ProcedureStatus(a.ProcedureCode, a.ProcedureName, a.Agency, a.Decision, a.DecidedOn)).ToList();
            return new PreStartApprovalRow(p.ProjectId, p.Name, p.RegionCode, Regions.NameOf(p.RegionCode), p.PlannedStartDate, p.Stage,
                procedures.Count(x => x.Decision is "approved" or "acceptedWithDeficiency"), procedures.Count(x => x.Decision == "rejected"), procedures);
        }).ToList();
        return new Paged<PreStartApprovalRow>(rows, projects.Page, projects.PageSize, projects.Total);
    }
}
