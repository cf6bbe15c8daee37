using Identity.Api;
using Identity.Api.Accounts;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformDbContext<IdentityDb>();
builder.Services.AddSingleton<TokenIssuer>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.Configure<LockoutOptions>(builder.Configuration.GetSection("Lockout"));

var app = builder.Build();
app.UseServiceDefaults();
app.MapTokenEndpoints();
app.MapAccountEndpoints();

await app.MigrateDatabaseAsync<IdentityDb>();
if (app.Configuration.GetValue<bool>("Platform:SeedDemoData") && !app.Environment.IsProduction())
{
    await using var scope = app.Services.CreateAsyncScope();
    var password = app.Configuration["Platform:DemoPassword"] is { Length: > 0 } p ? p : "Demo@2025";
    await DemoAccounts.SeedAsync(scope.ServiceProvider.GetRequiredService<IdentityDb>(), password, app.Logger);
}
app.Run();

public partial class Program;
