using System.Diagnostics;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using MassTransit;
using Platform.Contracts.ProjectLibrary;

namespace EndToEnd.Tests.Security;

/// <summary>
/// The broker permissions infra/rabbitmq.sh applies (printed by infra/broker-permissions.sh) against what each
/// service's compiled code registers: Publishes&lt;T&gt;() and Consumes&lt;TConsumer&gt;() in its assembly. A new event,
/// consumer or service that the permissions do not follow, or a service publishing another context's event, fails here.
/// </summary>
public sealed class BrokerPermissionTests
{
    const string Prefix = "perm";

    static readonly Type[] Contracts = typeof(ProjectRegistered).Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace is not null).ToArray();

    [Fact]
    public void MassTransit_names_an_event_exchange_namespace_colon_type_as_the_permissions_assume()
    {
        var formatter = typeof(IRabbitMqBusFactoryConfigurator).Assembly.GetTypes().Single(t => t.Name == "RabbitMqMessageNameFormatter");
        var instance = Activator.CreateInstance(formatter)!;
        var name = formatter.GetMethod("GetMessageName", [typeof(Type)])!.Invoke(instance, [typeof(ProjectRegistered)])!.ToString();

        Assert.Equal("Platform.Contracts.ProjectLibrary:ProjectRegistered", name);
        Assert.Equal(name, Exchange(typeof(ProjectRegistered)));
    }

    [Fact]
    public void Each_service_may_publish_only_the_events_its_code_publishes_and_read_only_those_it_consumes()
    {
        var problems = new List<string>();
        foreach (var (service, project, _) in PlatformUnderTest.Services)
        {
            var (publishes, consumes) = Registrations(project);
            var context = project[..project.IndexOf('.')];
            foreach (var type in publishes.Where(t => t.Namespace != $"Platform.Contracts.{context}"))
                problems.Add($"{service} publishes {type.FullName}, an event of another context (it owns Platform.Contracts.{context})");

            var (configure, write, read) = Permissions(service, $"{service}-{Prefix}");
            foreach (var contract in Contracts)
            {
                var exchange = Exchange(contract);
                var published = publishes.Any(t => t.FullName == contract.FullName);
                var consumed = consumes.Any(t => t.FullName == contract.FullName);
                Expect(service, "write", write, exchange, published);
                Expect(service, "read", read, exchange, consumed);
                Expect(service, "configure", configure, exchange, published || consumed);
                // A consumer that gives up publishes Fault<T> (nobody consumes those; allowed only for what it consumes).
                foreach (var (what, regex) in new[] { ("write", write), ("read", read), ("configure", configure) })
                    Expect(service, what, regex, $"MassTransit:Fault--{exchange}--", consumed);
            }
            // Shared fault exchanges nobody consumes: write (and declare) for consumers; read only where MassTransit
            // binds one to another (ReceiveFault -> Fault).
            var consumesAny = consumes.Count > 0;
            foreach (var shared in new[] { "MassTransit:Fault", "MassTransit:ReceiveFault" })
            {
                Expect(service, "write", write, shared, consumesAny);
                Expect(service, "configure", configure, shared, consumesAny);
                Expect(service, "read", read, shared, consumesAny && shared == "MassTransit:ReceiveFault");
            }
            foreach (var own in new[] { $"{service}-{Prefix}-project-registered", $"{service}-{Prefix}-project-registered_error", $"{service}-{Prefix}-project-registered_skipped" })
                foreach (var (what, regex) in new[] { ("write", write), ("read", read), ("configure", configure) })
                    Expect(service, what, regex, own, true);
            foreach (var (other, _, _) in PlatformUnderTest.Services.Where(s => s.Cluster != service))
                foreach (var (what, regex) in new[] { ("write", write), ("read", read), ("configure", configure) })
                    Expect(service, what, regex, $"{other}-{Prefix}-project-registered", false);
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        void Expect(string service, string what, Regex regex, string name, bool allowed)
        {
            if (regex.IsMatch(name) != allowed)
                problems.Add($"{service}: {what} permission {(allowed ? "misses" : "allows")} '{name}' ({regex})");
        }
    }

    [Fact]
    public void Every_service_publishing_or_consuming_events_is_found_in_its_assembly()
    {
        // Guards the test above against finding nothing (e.g. a renamed registration method).
        var (publishes, consumes) = Registrations("Approvals.Api");
        Assert.Contains(publishes, t => t.Name == "ApprovalDecided");
        Assert.Contains(consumes, t => t.Name == nameof(ProjectRegistered));
        Assert.Contains(Registrations("City.Api").Consumes, t => t.Name == "FundsDisbursed");
    }

    static string Exchange(Type type) => $"{type.Namespace}:{type.Name}";

    /// <summary>The three regexes of infra/broker-permissions.sh for a service whose queues start with <paramref name="prefix"/>.</summary>
    static (Regex Configure, Regex Write, Regex Read) Permissions(string service, string prefix)
    {
        var script = Path.Combine(TestEnvironment.RepositoryRoot, "infra", "broker-permissions.sh");
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { script, service, prefix }) info.ArgumentList.Add(arg);
        // The script sources infra/services.sh, which loads (or first creates) secrets it does not use: not the repository's.
        var scratchSecrets = Path.Combine(Path.GetTempPath(), $"broker-permissions-{Guid.NewGuid():N}.env");
        info.Environment["PLATFORM_SECRETS_FILE"] = scratchSecrets;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        File.Delete(scratchSecrets);
        Assert.True(process.ExitCode == 0, $"{script} {service}: {error}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        return (new Regex(lines[0]), new Regex(lines[1]), new Regex(lines[2]));
    }

    /// <summary>
    /// The message types a built service registers with MessagingOptionsBuilder: every generic instantiation of
    /// Publishes&lt;T&gt;/Consumes&lt;TConsumer&gt; in its IL (MethodSpec table), consumers mapped to their IConsumer&lt;T&gt;.
    /// </summary>
    static (IReadOnlyList<Type> Publishes, IReadOnlyList<Type> Consumes) Registrations(string project)
    {
        var dll = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "bin", project, TestEnvironment.BuildConfiguration, project + ".dll");
        Assert.True(File.Exists(dll), $"build {project} first: {dll}");
        var assembly = new ServiceLoadContext(dll).LoadFromAssemblyPath(dll);
        int specs;
        using (var pe = new PEReader(File.OpenRead(dll))) specs = pe.GetMetadataReader().GetTableRowCount(TableIndex.MethodSpec);

        var publishes = new List<Type>();
        var consumes = new List<Type>();
        for (var row = 1; row <= specs; row++)
        {
            MethodBase? method;
            try { method = assembly.ManifestModule.ResolveMethod(0x2B000000 | row); }
            catch (ArgumentException) { continue; } // open generic inside another generic method: not a registration
            if (method?.DeclaringType?.FullName != "Platform.Messaging.MessagingOptionsBuilder") continue;
            var argument = method.GetGenericArguments()[0];
            if (method.Name == "Publishes") publishes.Add(argument);
            else if (method.Name == "Consumes")
                consumes.AddRange(argument.GetInterfaces()
                    .Where(i => i.IsGenericType && i.GetGenericTypeDefinition().FullName == "MassTransit.IConsumer`1")
                    .Select(i => i.GetGenericArguments()[0]));
        }
        return (publishes.DistinctBy(t => t.FullName).ToList(), consumes.DistinctBy(t => t.FullName).ToList());
    }

    /// <summary>Loads a service and its dependencies from its own build folder, ASP.NET from the shared framework.</summary>
    internal sealed class ServiceLoadContext(string dll) : AssemblyLoadContext(isCollectible: true)
    {
        readonly AssemblyDependencyResolver _resolver = new(dll);
        // <dotnet>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll -> <dotnet>/shared/Microsoft.AspNetCore.App/<newest>
        static readonly string AspNetFramework = Directory
            .GetDirectories(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(typeof(object).Assembly.Location)!)!)!, "Microsoft.AspNetCore.App"))
            .OrderBy(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version())
            .Last();

        protected override Assembly? Load(AssemblyName name)
        {
            if (_resolver.ResolveAssemblyToPath(name) is { } path) return LoadFromAssemblyPath(path);
            var framework = Path.Combine(AspNetFramework, name.Name + ".dll");
            return File.Exists(framework) ? LoadFromAssemblyPath(framework) : null;
        }
    }
}
