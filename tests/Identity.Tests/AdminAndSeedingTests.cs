using System.Net;
using Identity.Api;
using Identity.Api.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class AdminCommandTests(IdentityFactory factory)
{
    [Fact]
    public async Task The_admin_create_command_makes_an_administrator_who_must_change_the_password_first()
    {
        using var warmUp = factory.From(); // the service has migrated its database
        var userName = "root-" + Guid.NewGuid().ToString("N")[..6];
        var (exitCode, output, errors) = await IdentityProcess.RunAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Database"] = factory.Database.ConnectionString,
        }, "admin", "create", userName, "--region", "140522");
        Assert.True(exitCode == 0, $"exit {exitCode}: {output} {errors}");
        var password = output.Split('\n').Single(l => l.StartsWith("Password: ")).Trim()["Password: ".Length..];
        Assert.True(password.Length >= 20, password);

        var account = await factory.AccountAsync(userName);
        Assert.Equal(("admin", "140522", true), (account.Role, account.RegionCode, account.MustChangePassword));
        Assert.DoesNotContain(password, account.PasswordHash);

        using var client = factory.From();
        var signIn = await (await client.SignIn(userName, password)).ShouldBe(HttpStatusCode.OK);
        Assert.True(signIn.GetProperty("password_change_required").GetBoolean());
        client.WithToken(signIn.GetProperty("access_token").GetString()!);
        await (await client.GetAsync("/api/identity/accounts")).ShouldBeProblem(HttpStatusCode.Forbidden, "password_change_required");
        await (await client.GetAsync("/api/identity/me")).ShouldBeProblem(HttpStatusCode.Forbidden, "password_change_required");
        await (await client.PostJson("/api/identity/me/password", new { currentPassword = password, newPassword = "Chosen#By#Admin1" })).ShouldBe(HttpStatusCode.NoContent);

        using var admin = factory.From();
        admin.WithToken((await (await admin.SignIn(userName, "Chosen#By#Admin1")).ShouldBe(HttpStatusCode.OK)).GetProperty("access_token").GetString()!);
        await (await admin.GetAsync("/api/identity/accounts")).ShouldBe(HttpStatusCode.OK);

        // Run again with the same name: refused, nothing changed.
        var again = await IdentityProcess.RunAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Database"] = factory.Database.ConnectionString,
        }, "admin", "create", userName);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("taken", again.Errors);
    }

    [Fact]
    public async Task Seeding_demo_accounts_without_a_demo_password_refuses_to_start()
    {
        var (exitCode, output, errors) = await IdentityProcess.RunAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Database"] = factory.Database.ConnectionString,
            ["Platform__SeedDemoData"] = "true",
        });
        Assert.NotEqual(0, exitCode);
        Assert.Contains("Platform:DemoPassword is not set", output + errors);
    }
}

/// <summary>The service as configured by nothing but its appsettings: no seeding flag at all.</summary>
public sealed class UnconfiguredFactory : IdentityFactory
{
    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>();
}

public sealed class DemoSeedingFactory : IdentityFactory
{
    public const string DemoPassword = "Seeded#Demo2025";

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Platform:SeedDemoData"] = "true",
        ["Platform:DemoPassword"] = DemoPassword,
    };
}

public sealed class NoSeedingByDefaultTests(UnconfiguredFactory factory) : IClassFixture<UnconfiguredFactory>
{
    [Fact]
    public async Task Without_the_explicit_flag_no_demo_account_is_created()
    {
        using var client = factory.From();
        await (await client.SignIn("admin@140500", DemoSeedingFactory.DemoPassword)).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<IdentityDb>().Accounts.CountAsync());
    }
}

public sealed class DemoSeedingTests(DemoSeedingFactory factory) : IClassFixture<DemoSeedingFactory>
{
    [Fact]
    public async Task Demo_accounts_share_one_hash_until_each_first_sign_in_gives_it_its_own_salt()
    {
        using var client = factory.From();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var hashes = await scope.ServiceProvider.GetRequiredService<IdentityDb>().Accounts.Select(a => a.PasswordHash).ToListAsync();
            Assert.Equal(DemoAccounts.All().Count(), hashes.Count);
            Assert.Single(hashes.Distinct());
            Assert.True(PasswordHashing.NeedsRehash(hashes[0]));
        }

        await (await client.SignIn("funding@140522", DemoSeedingFactory.DemoPassword)).ShouldBe(HttpStatusCode.OK);
        var own = (await factory.AccountAsync("funding@140522")).PasswordHash;
        var untouched = (await factory.AccountAsync("funding@140581")).PasswordHash;
        Assert.NotEqual(untouched, own);
        Assert.False(PasswordHashing.NeedsRehash(own));
        Assert.True(PasswordHashing.Verify(DemoSeedingFactory.DemoPassword, own));
        Assert.True(PasswordHashing.NeedsRehash(untouched));
        await (await client.SignIn("funding@140522", DemoSeedingFactory.DemoPassword)).ShouldBe(HttpStatusCode.OK);
        await (await client.SignIn("funding@140581", DemoSeedingFactory.DemoPassword)).ShouldBe(HttpStatusCode.OK);
    }
}
