using Platform.Contracts.Statistics;
using Platform.Messaging;
using Statistics.Api;
using Statistics.Api.Features;
using Statistics.Api.Features.Duplicates;
using Statistics.Api.Features.Figures;
using Statistics.Api.Features.Inclusions;
using Statistics.Api.Features.Pending;
using Statistics.Api.Features.Projects;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformDbContext<StatisticsDb>();
builder.Services.AddSingleton(builder.Configuration.GetSection("Statistics").Get<StatisticsOptions>() ?? new StatisticsOptions());
builder.Services.AddScoped<DuplicateDetector>();
builder.AddPlatformMessaging<StatisticsDb>("statistics", messaging => messaging
    .Publishes<InclusionApproved>()
    .Publishes<StatisticsReported>()
    .Consumes<ProjectRegisteredConsumer>()
    .Consumes<ProjectUpdatedConsumer>()
    .Consumes<ProjectStartedConsumer>()
    .Consumes<ProjectStageChangedConsumer>()
    .Consumes<ProgressReportedConsumer>());
builder.AddDemoSeed<InclusionSeed>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapPendingEndpoints();
app.MapInclusionEndpoints();
app.MapFigureEndpoints();
app.MapGapEndpoints();
app.MapDuplicateEndpoints();
app.MapAuditTrail("/api/statistics/audit", StatisticsAudit.Policy);

await app.MigrateDatabaseAsync<StatisticsDb>();
app.Run();

public partial class Program;
