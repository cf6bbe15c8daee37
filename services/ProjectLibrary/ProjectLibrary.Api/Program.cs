using Platform.Contracts.ProjectLibrary;
using Platform.Messaging;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Data;
using ProjectLibrary.Api;
using ProjectLibrary.Api.Features.Projects;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformDbContext<ProjectsDb>();
builder.Services.AddSingleton(TimeProvider.System);
builder.AddPlatformMessaging<ProjectsDb>("projects", messaging => messaging
    .Publishes<ProjectRegistered>()
    .Publishes<ProjectUpdated>()
    .Publishes<ProjectStageChanged>()
    .Publishes<ProjectStarted>()
    .Publishes<ProgressReported>()
    .Publishes<ProblemRaised>()
    .Publishes<ProblemAssigned>()
    .Publishes<ProblemEscalated>()
    .Publishes<ProblemClosed>());

var app = builder.Build();
app.UseServiceDefaults();
app.MapProjectEndpoints();

await app.MigrateDatabaseAsync<ProjectsDb>(new SqlMigrations.Script("0000_messaging", MessagingSchema.Sql));
app.Run();

public partial class Program;
