using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gateway.Tests;

/// <summary>
/// The gateway in memory with a small web console of its own (index.html and one hashed asset) and the given
/// settings on top of the test keys; services behind it point at a closed port unless a setting says otherwise.
/// </summary>
public class GatewayHost : WebApplicationFactory<Program>
{
    public const string IndexMarker = "<!-- console index -->";

    readonly IReadOnlyDictionary<string, string?> _settings;

    /// <summary>Where the gateway logs (under .platform/test-results/logs/, named after the host).</summary>
    public string LogFile { get; }

    public string ConsoleFolder { get; } = Directory.CreateTempSubdirectory("gateway-console-").FullName;

    public GatewayHost(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        LogFile = TestLogs.NewFile(GetType().Name);
        File.WriteAllText(Path.Combine(ConsoleFolder, "index.html"), $"<!doctype html><html><body>{IndexMarker}<div id=\"root\"></div></body></html>");
        Directory.CreateDirectory(Path.Combine(ConsoleFolder, "assets"));
        File.WriteAllText(Path.Combine(ConsoleFolder, "assets", "index-3f2a1b.js"), "console.log('console');");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.LogToFile(LogFile);
        var closed = $"http://127.0.0.1:{ServiceProcess.FreePort()}/";
        var settings = new Dictionary<string, string?>(TestTokens.AuthSettings())
        {
            ["Console:Path"] = ConsoleFolder,
            ["ReverseProxy:Clusters:projects:Destinations:d1:Address"] = closed,
            ["ReverseProxy:Clusters:identity:Destinations:d1:Address"] = closed,
        };
        foreach (var (key, value) in _settings) settings[key] = value;
        // UseSetting reaches the configuration Program reads while it registers services.
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    /// <summary>
    /// One request as if it came from <paramref name="peer"/> (the TCP peer Kestrel would see), which an
    /// HttpClient on the test server cannot set.
    /// </summary>
    public async Task<Answer> SendAsync(string path, IPAddress peer, string? forwardedFor = null, string method = "GET",
        string? json = null, string? bearer = null)
    {
        var context = await Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = peer;
            c.Request.Method = method;
            var query = path.IndexOf('?');
            c.Request.Path = query < 0 ? path : path[..query];
            if (query >= 0) c.Request.QueryString = new QueryString(path[query..]);
            if (forwardedFor is not null) c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            if (bearer is not null) c.Request.Headers.Authorization = "Bearer " + bearer;
            if (json is not null)
            {
                c.Request.ContentType = "application/json";
                c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
            }
        });
        using var reader = new StreamReader(context.Response.Body);
        return new Answer((HttpStatusCode)context.Response.StatusCode, context.Response.Headers, await reader.ReadToEndAsync());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(ConsoleFolder)) Directory.Delete(ConsoleFolder, recursive: true);
    }
}

public sealed record Answer(HttpStatusCode Status, IHeaderDictionary Headers, string Body)
{
    public bool IsConsoleIndex => Status == HttpStatusCode.OK && Body.Contains(GatewayHost.IndexMarker, StringComparison.Ordinal);
}
