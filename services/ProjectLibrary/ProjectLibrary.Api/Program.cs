using Platform.Contracts.ProjectLibrary;
using Platform.Messaging;
using ProjectLibrary.Api;
using ProjectLibrary.Api.Features.Imports;
using ProjectLibrary.Api.Features.Problems;
using ProjectLibrary.Api.Features.Progress;
using ProjectLibrary.Api.Features.Projects;
using ProjectLibrary.Api.Features.Summary;
using ProjectLibrary.Api.Seeding;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformDbContext<ProjectsDb>();
builder.Services.Configure<ScheduleOptions>(builder.Configuration.GetSection("Schedule"));
builder.Services.Configure<ProblemOptions>(builder.Configuration.GetSection("Problems"));
builder.Services.Configure<SupervisionOptions>(builder.Configuration.GetSection("Problems:Supervision"));
builder.Services.AddScoped<ProblemScanner>();
builder.Services.AddHostedService<ProblemScanWorker>();
builder.Services.AddScoped<ProjectImporter>();
builder.Services.AddSingleton<ImportQueue>();
builder.Services.AddHostedService<ImportWorker>();
builder.AddPlatformMessaging<ProjectsDb>("projects", messaging => messaging
    .Publishes<ProjectRegistered>()
    .Publishes<ProjectUpdated>()
    .Publishes<ProjectStageChanged>()
    .Publishes<ProjectStarted>()
    .Publishes<ProgressReported>()
    .Publishes<ProblemRaised>()
    .Publishes<ProblemAssigned>()
    .Publishes<ProblemEscalated>()
    .Publishes<ProblemClosed>()
    .Publishes<ProblemDueSoon>()
    .Publishes<ProblemProgressed>()
    .Publishes<ProblemCloseRequested>()
    .Publishes<ProblemReturned>()
    .Publishes<ProblemReopened>()
    .Publishes<ProblemSupervised>()
    .Consumes<ApprovalsCompletedConsumer>()
    .Consumes<InclusionApprovedConsumer>()
    .Consumes<DealConvertedConsumer>());
builder.AddDemoSeed<DemoData>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapSummaryEndpoints();
app.MapProjectEndpoints();
app.MapImportEndpoints();
app.MapProgressEndpoints();
app.MapProblemEndpoints();

await app.MigrateDatabaseAsync<ProjectsDb>();
app.Run();

public partial class Program;
