using System.Net;

namespace ProjectLibrary.Tests;

/// <summary>A refused project names each wrong field twice: English words (errors) and a stable code with its parameters (fieldErrors).</summary>
[Collection(ProjectsCollection.Name)]
public sealed class FieldErrorCodeApiTests(ProjectsFactory factory)
{
    [Fact]
    public async Task A_refused_project_lists_each_field_error_with_its_code_and_parameters()
    {
        using var office = factory.Office();
        var body = Samples.Project();
        body["name"] = new string('名', 201);
        body["totalInvestment"] = -1m;
        body["nationalCode"] = "2501-110000-04-01-000001";

        var problem = await (await office.PostJson("/api/projects", body)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal("must be at most 200 characters", problem.GetProperty("errors").GetProperty("name")[0].GetString());
        var coded = problem.GetProperty("fieldErrors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("field").GetString()!, e => e);
        Assert.Equal("max_length", coded["name"].GetProperty("code").GetString());
        Assert.Equal(200, coded["name"].GetProperty("params").GetProperty("max").GetInt32());
        Assert.Equal("negative", coded["totalInvestment"].GetProperty("code").GetString());
        Assert.False(coded["totalInvestment"].TryGetProperty("params", out _));
        Assert.Equal(("national_code_region", "110000"),
            (coded["nationalCode"].GetProperty("code").GetString(), coded["nationalCode"].GetProperty("params").GetProperty("region").GetString()));
    }
}
