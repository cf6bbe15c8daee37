using City.Api;
using City.Api.Features.Feed;
using City.Api.Features.Lists;
using City.Api.Features.Overview;
using City.Api.Features.ReadModels;
using City.Api.Features.Targets;
using Platform.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformDbContext<CityDb>();
builder.Services.AddScoped<AggregateDeltas>();
builder.Services.AddScoped<Projector>();
Oc4idsOptions.AddTo(builder.Services);
// The city publishes nothing: it reads every other context's events into its own read models.
builder.AddPlatformMessaging<CityDb>("city", messaging => messaging.ConsumeEverything());
builder.AddDemoSeed<DemoTargets>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapTargetEndpoints();
app.MapOverviewEndpoints();
app.MapListEndpoints();
app.MapFeedEndpoints();
app.MapRebuildEndpoints();
app.MapAuditTrail("/api/city/audit", TargetAudit.Policy);

await app.MigrateDatabaseAsync<CityDb>();
app.Run();

public partial class Program;
