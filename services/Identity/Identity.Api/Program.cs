using Identity.Api;
using Identity.Api.Features.Accounts;

// `admin create <username>` runs one command against the configured database and exits (see AdminCommand).
var command = AdminCommand.Parse(args, out var commandError);
if (commandError is not null)
{
    Console.Error.WriteLine(commandError);
    return 2;
}

var builder = WebApplication.CreateBuilder(command is null ? args : []);
builder.AddServiceDefaults();
if (command is not null)
{
    // Keep stdout for the command's own lines (the password); the service's JSON logs would bury them.
    builder.Logging.ClearProviders();
    builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
}
builder.AddPlatformDbContext<IdentityDb>();
builder.AddTrustedProxies();
builder.Services.AddSingleton<TokenIssuer>();
builder.Services.Configure<ThrottleOptions>(builder.Configuration.GetSection("Identity:Throttle"));
builder.Services.AddScoped<AttemptThrottle>();
builder.Services.AddScoped<RefreshTokens>();
// Refuses to start when demo data is asked for without a password (before anything is served).
if (DemoAccounts.PasswordToSeed(builder.Configuration, builder.Environment) is not null) builder.AddDemoSeed<DemoAccounts>();

var app = builder.Build();
app.UseForwardedHeaders();
app.UseServiceDefaults();
app.MapTokenEndpoints();
app.MapAccountEndpoints();

await app.MigrateDatabaseAsync<IdentityDb>();
if (command is not null) return await command.RunAsync(app.Services, Console.Out, Console.Error);
app.Run();
return 0;

public partial class Program;
