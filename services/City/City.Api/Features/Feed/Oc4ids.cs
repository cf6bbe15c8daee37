using System.Globalization;
using System.Text.Json.Nodes;
using City.Api.Features.ReadModels;
using Microsoft.Extensions.Options;

namespace City.Api.Features.Feed;

/// <summary>Where the package says it lives, and how many projects one package holds.</summary>
public sealed class Oc4idsOptions
{
    /// <summary>The platform's public address (the gateway), from Platform:PublicBaseUrl; never the Host a client sent.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Projects per package (Oc4ids:PageSize); a larger scope is a chain of packages linked by links.next.</summary>
    public int PageSize { get; set; } = 10_000;

    public static void AddTo(IServiceCollection services) => services.AddOptions<Oc4idsOptions>()
        .Configure<IConfiguration>((o, config) =>
        {
            o.PublicBaseUrl = config["Platform:PublicBaseUrl"] ?? "";
            o.PageSize = config.GetValue("Oc4ids:PageSize", o.PageSize);
        })
        .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
            "Platform:PublicBaseUrl must be the platform's absolute public address, e.g. https://xmjs.jincheng.gov.cn")
        .Validate(o => o.PageSize is > 0 and <= 100_000, "Oc4ids:PageSize must be between 1 and 100000")
        .ValidateOnStart();
}

/// <summary>
/// The Open Contracting for Infrastructure Data Standard (OC4IDS 0.9) project package. Money is in yuan (万元 ×
/// 10,000, CNY); absent values are omitted (the schema allows no nulls). Stages map to projectStatus.
/// </summary>
public static class Oc4ids
{
    public const string Version = "0.9";
    public const string IdPrefix = "oc4ids-jincheng-";

    /// <summary>
    /// One package of up to PageSize projects in project-id order; when more follow, <c>links.next</c> (the OCDS
    /// pagination convention, allowed beside the package schema's fields) names the next package (?after=the last id).
    /// </summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Export(string? regionCode, string? after, CityDb db, CallerScope caller,
        IOptions<Oc4idsOptions> options, CancellationToken ct)
    {
        Guid cursor = default;
        if (after is not null && !Guid.TryParse(after, out cursor))
            return Problem.Validation("after", FieldErrors.InvalidCursor("must be a project id a links.next of this export returned"));
        if (regionCode is not null && !caller.CanRead(regionCode, caller.Township)) return Problem.NotFound("Region", regionCode);
        var query = db.ProjectViews.AsNoTracking().Where(p => p.Registered);
        if (!caller.IsCity) query = query.Where(p => p.RegionCode == caller.RegionCode);
        if (caller.Township is not null) query = query.Where(p => p.Township == caller.Township);
        if (regionCode is not null) query = query.Where(p => p.RegionCode == regionCode);
        if (after is not null) query = query.Where(p => p.ProjectId.CompareTo(cursor) > 0);
        var pageSize = options.Value.PageSize;
        var rows = await query.OrderBy(p => p.ProjectId).Take(pageSize + 1).ToListAsync(ct);
        var projects = rows.Take(pageSize).ToList();
        // The published package schema requires at least one project: an empty scope has no package to give.
        if (projects.Count == 0) return Problem.NotFound("OC4IDS package of", regionCode ?? caller.RegionCode);

        var package = new JsonObject
        {
            ["uri"] = Address(options.Value, regionCode, after is null ? null : cursor),
            ["publishedDate"] = projects.Max(p => p.UpdatedAt).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["version"] = Version,
            ["publisher"] = new JsonObject { ["name"] = "晋城市项目建设攻坚指挥部办公室" },
            ["projects"] = new JsonArray(projects.Select(p => (JsonNode)Project(p)).ToArray()),
        };
        if (rows.Count > pageSize) package["links"] = new JsonObject { ["next"] = Address(options.Value, regionCode, projects[^1].ProjectId) };
        return TypedResults.Content(package.ToJsonString(), "application/json");
    }

    static string Address(Oc4idsOptions options, string? regionCode, Guid? after)
    {
        var query = new List<string>();
        if (regionCode is not null) query.Add("regionCode=" + Uri.EscapeDataString(regionCode));
        if (after is { } id) query.Add("after=" + id);
        return options.PublicBaseUrl.TrimEnd('/') + "/api/city/projects.oc4ids" + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }

    public static JsonObject Project(ProjectView p)
    {
        var project = new JsonObject
        {
            ["id"] = IdPrefix + p.ProjectId,
            ["updated"] = p.UpdatedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["language"] = "zh",
            ["title"] = p.Name,
            ["status"] = Status(p),
            ["budget"] = new JsonObject { ["amount"] = new JsonObject { ["amount"] = p.TotalInvestment * 10_000m, ["currency"] = "CNY" } },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["id"] = p.RegionCode,
                ["description"] = $"山西省晋城市{(p.RegionCode == Regions.City ? "" : Regions.NameOf(p.RegionCode))}{p.Township}",
                ["address"] = new JsonObject { ["region"] = Regions.NameOf(p.RegionCode), ["countryName"] = "中国" },
            }),
        };
        var identifiers = new JsonArray(new JsonObject { ["id"] = p.ProjectId.ToString(), ["scheme"] = "jincheng-project-library" });
        if (p.NationalCode is not null) identifiers.Add(new JsonObject { ["id"] = p.NationalCode, ["scheme"] = "CN-项目代码" });
        if (p.StatisticsCode is not null) identifiers.Add(new JsonObject { ["id"] = p.StatisticsCode, ["scheme"] = "CN-统计库项目代码" });
        project["identifiers"] = identifiers;
        if (Type(p.Nature) is { } type) project["type"] = type;
        if (Sector(p.Category) is { } sector) project["sector"] = new JsonArray(sector);
        var period = new JsonObject();
        if ((p.ActualStartDate ?? p.PlannedStartDate) is { } start) period["startDate"] = Date(start);
        if (p.PlannedFinishDate is { } end) period["endDate"] = Date(end);
        if (period.Count > 0) project["period"] = period;
        if (p.ResponsibleUnit is not null) project["publicAuthority"] = new JsonObject { ["name"] = p.ResponsibleUnit };
        return project;
    }

    /// <summary>谋划/储备 → identification, 前期 → preparation, 在建 → implementation, 竣工 → completion, 投产达效 → maintenance, 终止 → cancelled.</summary>
    public static string Status(ProjectView p) => p.Stage switch
    {
        Stages.Conceived or Stages.Reserve => "identification",
        Stages.Preparation => "preparation",
        Stages.UnderConstruction => "implementation",
        Stages.Completed => "completion",
        Stages.Operating => "maintenance",
        Stages.Terminated => "cancelled",
        // 暂停 has no code of its own: the phase it was paused in.
        _ => p.ActualStartDate is null ? "preparation" : "implementation",
    };

    /// <summary>建设性质 → projectType: 新建/续建 build a new asset, 扩建 expands one, 改建 rehabilitates one.</summary>
    static string? Type(string? nature) => nature switch
    {
        "new" or "continuing" => "construction",
        "expansion" => "expansion",
        "renovation" => "rehabilitation",
        _ => null,
    };

    /// <summary>Only categories with an unambiguous projectSector code are mapped; the rest are omitted rather than guessed.</summary>
    static string? Sector(string? category) => category switch
    {
        "industry" or "ruralIndustry" => "economy",
        "cultureTourism" => "cultureSportsAndRecreation",
        "ecology" => "naturalResources",
        _ => null,
    };

    /// <summary>A business date as the start of that day in China Standard Time (the schema wants date-time).</summary>
    static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00+08:00";
}
