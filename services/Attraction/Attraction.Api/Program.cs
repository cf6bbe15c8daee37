using Attraction.Api;
using Attraction.Api.Clients;
using Attraction.Api.Features;
using Attraction.Api.Features.Deals;
using Attraction.Api.Features.Enterprises;
using Attraction.Api.Features.Leads;
using Attraction.Api.Features.Summary;
using Platform.Contracts.Attraction;
using Platform.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformDbContext<AttractionDb>();
builder.Services.AddServiceClient<IProjectLibraryClient>(builder.Configuration, "projects");
builder.AddPlatformMessaging<AttractionDb>("attraction", messaging => messaging
    .Publishes<DealSigned>()
    .Publishes<DealConverted>()
    .Publishes<FundsArrived>()
    .Consumes<ProjectStartedConsumer>());
builder.AddDemoSeed<WinterCampaignSeed>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapEnterpriseEndpoints();
app.MapLeadEndpoints();
app.MapDealEndpoints();
app.MapCommitmentList();
app.MapSummaryEndpoints();
app.MapAuditTrail("/api/attraction/audit", AttractionAudit.Policy);

await app.MigrateDatabaseAsync<AttractionDb>();
app.Run();

public partial class Program;
