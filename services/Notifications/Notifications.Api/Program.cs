using Microsoft.EntityFrameworkCore.Diagnostics;
using Notifications.Api;
using Notifications.Api.Features.Events;
using Notifications.Api.Features.Inbox;
using Notifications.Api.Features.Projects;
using Platform.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddSingleton<NotificationFeed>();
builder.Services.AddScoped<IInterceptor, FeedAfterCommit>();
builder.AddPlatformDbContext<NotificationsDb>();
builder.Services.Configure<NotificationOptions>(builder.Configuration.GetSection("Notifications"));
// Publishes nothing: it turns other contexts' events into notifications for the people who must act on them.
builder.AddPlatformMessaging<NotificationsDb>("notifications", messaging => messaging
    .Consumes<ProjectRegisteredConsumer>()
    .Consumes<ProjectUpdatedConsumer>()
    .Consumes<ProblemRaisedConsumer>()
    .Consumes<ProblemAssignedConsumer>()
    .Consumes<ProblemEscalatedConsumer>()
    .Consumes<ProblemClosedConsumer>()
    .Consumes<ProblemDueSoonConsumer>()
    .Consumes<ProblemCloseRequestedConsumer>()
    .Consumes<ProblemReturnedConsumer>()
    .Consumes<ProblemSupervisedConsumer>()
    .Consumes<InclusionApprovedConsumer>()
    .Consumes<FundingApprovedConsumer>());

var app = builder.Build();
app.UseServiceDefaults();
app.MapNotificationEndpoints();

await app.MigrateDatabaseAsync<NotificationsDb>();
app.Run();

public partial class Program;
