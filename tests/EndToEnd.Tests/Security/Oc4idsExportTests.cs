using System.Net;
using System.Text.Json;
using static EndToEnd.Tests.Security.FindingsSupport;

namespace EndToEnd.Tests.Security;

/// <summary>
/// Issue 14 item 7: the OC4IDS package names the platform's public address (configured, here the gateway), not the Host
/// the city service was reached by, and a scope larger than one package is a chain of packages (page size 4 in these tests).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Oc4idsExportTests(PlatformFixture fixture)
{
    [Fact]
    public async Task The_oc4ids_export_names_the_public_address_and_pages_through_every_project_of_the_scope()
    {
        using var county = await fixture.SignedInAs("project-office@140502");
        // Projects of our own, more than one package holds (the seeded ones may or may not have reached the city).
        var ours = new HashSet<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var created = await county.PostJson("/api/projects", ProjectSamples.Valid(regionCode: "140502", name: $"城区开放数据项目 {Tag()}"));
            ours.Add((await created.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid());
        }
        var gateway = fixture.Platform.Gateway.BaseAddress.ToString().TrimEnd('/');
        var city = fixture.Platform.Processes.Single(p => p.Name == "City.Api").BaseAddress;

        // The city applies the library's events asynchronously: read the chain until it holds every one of ours.
        var packages = await Eventually.Value(() => Chain(county, "/api/city/projects.oc4ids"),
            chain => chain.SelectMany(Ids).ToHashSet().IsSupersetOf(ours), "the OC4IDS chain to hold the projects just registered");
        Assert.Subset(await LibraryIds(county), packages.SelectMany(Ids).ToHashSet());

        Assert.True(packages.Count >= 2);
        Assert.All(packages, p => Assert.InRange(p.GetProperty("projects").GetArrayLength(), 1, 4));
        var ids = packages.SelectMany(Ids).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var package in packages)
        {
            var uri = package.GetProperty("uri").GetString()!;
            Assert.StartsWith(gateway + "/api/city/projects.oc4ids", uri);
            Assert.DoesNotContain($":{city.Port}", uri);
        }
        Assert.False(packages[^1].TryGetProperty("links", out _), "the last package has no next link");
        Assert.All(packages[..^1], p => Assert.StartsWith(gateway + "/api/city/projects.oc4ids?after=",
            p.GetProperty("links").GetProperty("next").GetString()));

        // A Host header of the client's choosing changes nothing.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/api/city/projects.oc4ids");
        spoofed.Headers.Host = "evil.example";
        var first = await (await county.SendAsync(spoofed)).ShouldBe(HttpStatusCode.OK);
        Assert.StartsWith(gateway, first.GetProperty("uri").GetString());
        await (await county.GetAsync("/api/city/projects.oc4ids?after=not-an-id")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    static IEnumerable<Guid> Ids(JsonElement package) => package.GetProperty("projects").EnumerateArray()
        .Select(p => Guid.Parse(p.GetProperty("id").GetString()!["oc4ids-jincheng-".Length..]));

    /// <summary>Every package of the chain, following links.next (absolute addresses of the gateway).</summary>
    static async Task<List<JsonElement>> Chain(HttpClient client, string first)
    {
        var packages = new List<JsonElement>();
        string? next = first;
        while (next is not null && packages.Count < 100)
        {
            var package = await (await client.GetAsync(next)).ShouldBe(HttpStatusCode.OK);
            packages.Add(package);
            next = package.TryGetProperty("links", out var links) ? links.GetProperty("next").GetString() : null;
        }
        return packages;
    }

    static async Task<HashSet<Guid>> LibraryIds(HttpClient client)
    {
        var ids = new HashSet<Guid>();
        for (var page = 1; ; page++)
        {
            var body = await (await client.GetAsync($"/api/projects?pageSize=100&page={page}")).ShouldBe(HttpStatusCode.OK);
            foreach (var item in body.GetProperty("items").EnumerateArray()) ids.Add(item.GetProperty("id").GetGuid());
            if (ids.Count >= body.GetProperty("total").GetInt32() || body.GetProperty("items").GetArrayLength() == 0) return ids;
        }
    }
}
