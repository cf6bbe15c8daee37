using System.Diagnostics;
using System.Text.RegularExpressions;

namespace EndToEnd.Tests.Security;

/// <summary>
/// One foothold is not everything: no fixed or shared passwords. infra/secrets.sh generates every secret at random,
/// one per database role and broker user, into a file only its owner reads; docker compose hands each container
/// only its own secrets from .env and the JWT signing key to identity alone.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the scripts and their file modes are Linux's
public sealed class SecretsTests : IDisposable
{
    static readonly string[] Backends = PlatformUnderTest.Services.Select(s => s.Cluster).ToArray();
    readonly string _dir = Directory.CreateTempSubdirectory("platform-secrets-").FullName;
    string SecretsFile => Path.Combine(_dir, ".platform", "secrets.env");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Secrets_are_random_one_per_role_and_user_and_readable_by_their_owner_only()
    {
        LoadSecrets();
        var secrets = Read(SecretsFile);

        var expected = Backends.Select(s => $"PLATFORM_DB_PASSWORD_{s.ToUpperInvariant()}")
            .Concat(Backends.Select(s => $"PLATFORM_MQ_PASSWORD_{s.ToUpperInvariant()}"))
            .Concat(["PLATFORM_TEST_DB_PASSWORD", "PLATFORM_MQ_OPERATOR_PASSWORD", "PLATFORM_DEMO_PASSWORD"]);
        Assert.Equal(expected.Order(), secrets.Keys.Order());
        Assert.Equal(secrets.Count, secrets.Values.Distinct().Count());
        Assert.All(secrets.Where(s => s.Key != "PLATFORM_DEMO_PASSWORD"), s => Assert.Matches("^[0-9a-f]{48}$", s.Value));
        Assert.True(secrets["PLATFORM_DEMO_PASSWORD"].Length >= 12);
        Assert.DoesNotContain(secrets.Values, v => v.StartsWith("platform-dev") || v == "Demo@2025");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SecretsFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(SecretsFile)!));
    }

    [Fact]
    public void Secrets_are_generated_once_and_an_environment_variable_overrides_without_rewriting_them()
    {
        LoadSecrets();
        var first = File.ReadAllText(SecretsFile);

        var demo = LoadSecrets("echo \"$PLATFORM_DEMO_PASSWORD\"", ("PLATFORM_DEMO_PASSWORD", "Override-Demo-2026"));
        var projects = LoadSecrets("echo \"$PLATFORM_DB_PASSWORD_PROJECTS\"");

        Assert.Equal("Override-Demo-2026", demo.Trim());
        Assert.Equal(Read(SecretsFile)["PLATFORM_DB_PASSWORD_PROJECTS"], projects.Trim());
        Assert.Equal(first, File.ReadAllText(SecretsFile));
    }

    [Fact]
    public void Compose_gives_every_service_its_own_secrets_and_the_signing_key_to_identity_only()
    {
        var compose = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "docker-compose.yml"));
        var blocks = Regex.Matches(compose, @"^  ([a-z-]+):\n((?:(?:    .*)?\n)*)", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

        Assert.DoesNotContain("platform-dev", compose);
        Assert.DoesNotMatch(@"PASSWORD[A-Z_]*:-[^}]", compose); // no default password anywhere
        Assert.Contains("Platform__SeedDemoData: ${PLATFORM_SEED_DEMO_DATA:-false}", compose);
        foreach (var service in Backends)
        {
            var upper = service.ToUpperInvariant();
            Assert.Contains($"Username={service};Password=${{PLATFORM_DB_PASSWORD_{upper}:?", blocks[service]);
            Assert.Contains($"RabbitMq__Username: {service}\n", blocks[service]);
            Assert.Contains($"RabbitMq__Password: ${{PLATFORM_MQ_PASSWORD_{upper}:?", blocks[service]);
            foreach (var other in Backends.Where(o => o != service))
                Assert.DoesNotContain($"PASSWORD_{other.ToUpperInvariant()}", blocks[service]);
        }
        Assert.Equal(["identity", "keys"], blocks.Where(b => b.Value.Contains("jwt-private")).Select(b => b.Key).Order());
        Assert.Contains("Auth__SigningKeyPath", blocks["identity"]);
        Assert.Single(blocks, b => b.Value.Contains("Auth__SigningKeyPath"));
        Assert.Contains("POSTGRES_PASSWORD: ${PLATFORM_PG_SUPERUSER_PASSWORD:?", blocks["postgres"]);
    }

    /// <summary>Sources infra/services.sh (which loads, and first generates, the secrets) with this test's file, then runs <paramref name="then"/>.</summary>
    string LoadSecrets(string then = "true", params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo("bash", ["-c", $"set -euo pipefail; source infra/services.sh; {then}"])
        {
            WorkingDirectory = TestEnvironment.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("PLATFORM_")).ToList()) info.Environment.Remove(key);
        info.Environment["PLATFORM_SECRETS_FILE"] = SecretsFile;
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return output;
    }

    static Dictionary<string, string> Read(string file) =>
        File.ReadAllLines(file).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
}
