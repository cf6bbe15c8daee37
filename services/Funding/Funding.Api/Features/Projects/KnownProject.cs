using Platform.Contracts.ProjectLibrary;

namespace Funding.Api.Features.Projects;

/// <summary>
/// This service's local view of a project in the library, kept from ProjectRegistered / ProjectUpdated.
/// Only projects known here can apply for funds; the view never calls the project library.
/// </summary>
public sealed class KnownProject : IAudited, ITownshipScoped
{
    public Guid Id { get; init; }
    public string Name { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    public string? Township { get; private set; }
    /// <summary>The library's category in camelCase (infrastructure, industry …), matched against a programme's eligible sectors.</summary>
    public string Category { get; private set; } = "";
    public decimal TotalInvestment { get; private set; }
    public int Year { get; private set; }
    /// <summary>The library's version last applied: older or repeated events are ignored.</summary>
    public long Version { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static KnownProject From(ProjectSnapshot snapshot, long version, DateTimeOffset at)
    {
        var project = new KnownProject { Id = snapshot.ProjectId };
        project.Apply(snapshot, version, at);
        return project;
    }

    public void Apply(ProjectSnapshot snapshot, long version, DateTimeOffset at)
    {
        Name = snapshot.Name;
        RegionCode = snapshot.RegionCode;
        Township = snapshot.Township;
        Category = snapshot.Category;
        TotalInvestment = snapshot.TotalInvestment;
        Year = snapshot.Year;
        Version = version;
        UpdatedAt = at;
    }
}
