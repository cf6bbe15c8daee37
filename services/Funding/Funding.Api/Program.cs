using Funding.Api;
using Funding.Api.Features;
using Funding.Api.Features.Applications;
using Funding.Api.Features.Programmes;
using Funding.Api.Features.Projects;
using Funding.Api.Features.Summary;
using Platform.Contracts.Funding;
using Platform.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformDbContext<FundingDb>();
builder.Services.Configure<FundingOptions>(builder.Configuration.GetSection("Funding"));
builder.AddPlatformMessaging<FundingDb>("funding", messaging => messaging
    .Publishes<FundingApproved>()
    .Publishes<FundsDisbursed>()
    .Consumes<ProjectRegisteredConsumer>()
    .Consumes<ProjectUpdatedConsumer>());
builder.AddDemoSeed<PolicyFundSeed>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapKnownProjectEndpoints();
app.MapProgrammeEndpoints();
app.MapApplicationEndpoints();
app.MapSummaryEndpoints();
app.MapAuditTrail("/api/funding/audit", FundingAudit.Policy);

await app.MigrateDatabaseAsync<FundingDb>();
app.Run();

public partial class Program;
