using System.Reflection;
using System.Text.Json;
using Platform.ServiceDefaults;

namespace Gateway.Tests;

/// <summary>
/// Dependencies point one way: the gateway, and the service defaults every process shares, carry neither the broker
/// client (MassTransit) nor EF Core and its PostgreSQL provider, nor the platform libraries that bring them in
/// (Platform.Messaging, Platform.Data). A service that needs them references those libraries itself.
/// </summary>
public sealed class DependencyTests
{
    static readonly string[] Forbidden = ["MassTransit", "Microsoft.EntityFrameworkCore", "Npgsql", "Platform.Messaging", "Platform.Data"];

    static bool IsForbidden(string name) =>
        Forbidden.Any(f => name.Equals(f, StringComparison.OrdinalIgnoreCase) || name.StartsWith(f + ".", StringComparison.OrdinalIgnoreCase));

    /// <summary>What the build ships: every package and project in the deps file that the build wrote beside the test.</summary>
    [Theory]
    [InlineData("Gateway")]
    [InlineData("Platform.ServiceDefaults")]
    public void The_build_ships_neither_MassTransit_nor_EF_Core(string project)
    {
        var path = Path.Combine(AppContext.BaseDirectory, project + ".deps.json");
        Assert.True(File.Exists(path), $"{path} was not written by the build");
        using var deps = JsonDocument.Parse(File.ReadAllText(path));
        var libraries = deps.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name.Split('/')[0]).ToList();

        Assert.Contains(project, libraries);
        Assert.DoesNotContain(libraries, IsForbidden);
    }

    /// <summary>What the code uses: the assemblies the two reference, followed transitively.</summary>
    [Fact]
    public void Neither_the_gateway_nor_the_service_defaults_reference_MassTransit_or_EF_Core_assemblies()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var offending = new List<string>();
        var pending = new Queue<Assembly>([typeof(Program).Assembly, typeof(ServiceDefaultsExtensions).Assembly]);
        while (pending.TryDequeue(out var assembly))
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (!seen.Add(reference.Name!)) continue;
                if (IsForbidden(reference.Name!)) offending.Add($"{reference.Name} (referenced by {assembly.GetName().Name})");
                else if (TryLoad(reference) is { } next) pending.Enqueue(next);
            }

        Assert.Contains("Yarp.ReverseProxy", seen);
        Assert.Empty(offending);
    }

    static Assembly? TryLoad(AssemblyName name)
    {
        try { return Assembly.Load(name); }
        catch (FileNotFoundException) { return null; } // not shipped with the test: nothing of ours below it
    }
}
