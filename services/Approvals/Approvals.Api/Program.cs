using Approvals.Api;
using Approvals.Api.Features;
using Approvals.Api.Features.Calendar;
using Approvals.Api.Features.Catalogue;
using Approvals.Api.Features.Checklists;
using Approvals.Api.Features.Items;
using Platform.Contracts.Approvals;
using Platform.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformDbContext<ApprovalsDb>();
var approvals = builder.Configuration.GetSection("Approvals").Get<ApprovalsOptions>() ?? new ApprovalsOptions();
builder.Services.AddSingleton(approvals);
builder.Services.AddSingleton(new WorkingCalendar(approvals.Holidays, approvals.ExtraWorkdays));
builder.Services.AddSingleton<Deadlines>();
builder.AddPlatformMessaging<ApprovalsDb>("approvals", messaging => messaging
    .Publishes<ApprovalDecided>()
    .Publishes<ApprovalsCompleted>()
    .Consumes<ProjectRegisteredConsumer>()
    .Consumes<ProjectUpdatedConsumer>());
builder.AddDemoSeed<ProcedureDriveSeed>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapProcedureEndpoints();
app.MapChecklistEndpoints();
app.MapEnergyEstimateEndpoint();
app.MapItemEndpoints();
app.MapItemActionEndpoints();
app.MapAuditTrail("/api/approvals/audit", ApprovalsAudit.Policy);

await app.MigrateDatabaseAsync<ApprovalsDb>();
app.Run();

public partial class Program;
