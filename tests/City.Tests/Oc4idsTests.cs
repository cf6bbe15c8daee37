using System.Net;
using NJsonSchema;

namespace City.Tests;

[Collection(CityCollection.Name)]
public sealed class Oc4idsTests(CityFactory factory)
{
    [Fact]
    public async Task The_oc4ids_export_is_valid_against_the_published_project_package_schema()
    {
        var started = Events.Snapshot(region: "140502", year: 2052, stage: "reserve") with { NationalCode = "2401-140502-04-01-000001" };
        await factory.Deliver(Events.Registered(started));
        await factory.Deliver(Events.Started(started, new DateOnly(2052, 3, 1)));
        await factory.Deliver(Events.Registered(Events.Snapshot(region: "140502", year: 2052) with { Category = "livelihood", Nature = "renovation" }));

        using var county = factory.ClientFor("project-office", "140502");
        var body = await (await county.GetAsync("/api/city/projects.oc4ids")).ShouldBe(HttpStatusCode.OK);
        var schema = await PackageSchema();
        var errors = schema.Validate(body.GetRawText());
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));

        var project = body.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("id").GetString()!.EndsWith(started.ProjectId.ToString()));
        Assert.Equal("implementation", project.GetProperty("status").GetString());
        Assert.Equal(200_000_000m, project.GetProperty("budget").GetProperty("amount").GetProperty("amount").GetDecimal());
        Assert.All(body.GetProperty("projects").EnumerateArray(), p => Assert.Equal("140502", p.GetProperty("locations")[0].GetProperty("id").GetString()));
    }

    [Fact]
    public async Task The_package_uri_is_the_configured_public_address_whatever_Host_the_client_sent()
    {
        await factory.Deliver(Events.Registered(Events.Snapshot(region: "140524", year: 2052)));
        using var county = factory.ClientFor("project-office", "140524");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/city/projects.oc4ids?regionCode=140524");
        request.Headers.Host = "attacker.example:5107";
        var body = await (await county.SendAsync(request)).ShouldBe(HttpStatusCode.OK);
        // appsettings.json: Platform:PublicBaseUrl is the gateway's default address.
        Assert.Equal("http://127.0.0.1:8080/api/city/projects.oc4ids?regionCode=140524", body.GetProperty("uri").GetString());
    }

    /// <summary>The package schema refers to the project schema by its published URL; here it is read from the copy beside it.</summary>
    static async Task<JsonSchema> PackageSchema()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "oc4ids");
        var text = (await File.ReadAllTextAsync(Path.Combine(folder, "project-package-schema.json")))
            .Replace("https://standard.open-contracting.org/infrastructure/schema/0__9__5/project-schema.json", "project-schema.json");
        return await JsonSchema.FromJsonAsync(text, Path.Combine(folder, "project-package-schema.json"));
    }
}
