namespace EndToEnd.Tests;

static class ProjectSamples
{
    public static Dictionary<string, object?> Valid(string regionCode = "140522", string? name = null) => new()
    {
        ["name"] = name ?? $"阳城县东部片区一体化供水工程 {Guid.NewGuid().ToString("N")[..6]}",
        ["regionCode"] = regionCode,
        ["category"] = "infrastructure",
        ["nature"] = "new",
        ["totalInvestment"] = 32000.50m,
        ["annualPlannedInvestment"] = 8000m,
        ["year"] = 2025,
        ["industry"] = "水利",
        ["leaderInCharge"] = "王副县长",
    };
}
