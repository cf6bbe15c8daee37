namespace Platform.ServiceDefaults.Auth;

/// <summary>A record that belongs to a region (a county, or 市本级), and is scoped by it.</summary>
public interface IRegional
{
    string RegionCode { get; }
}

/// <summary>A regional record that may also belong to a township (乡镇/街道) of its region.</summary>
public interface ITownshipScoped : IRegional
{
    string? Township { get; }
}

/// <summary>The one read rule every service filters its records by (plain LINQ, translated by whatever provider runs it).</summary>
public static class RegionalScope
{
    /// <summary>
    /// Only what the caller may read: the city reads all, a county its own region, a township user its own township's
    /// records. A county-level record (not <see cref="ITownshipScoped"/>, or without a township) is no township's.
    /// </summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> rows, CallerScope caller) where T : class, IRegional
    {
        if (caller.IsCity) return rows;
        rows = rows.Where(r => r.RegionCode == caller.RegionCode);
        if (caller.Township is not { } township) return rows;
        return typeof(ITownshipScoped).IsAssignableFrom(typeof(T))
            ? rows.Where(r => ((ITownshipScoped)r).Township == township)
            : rows.Where(_ => false);
    }
}
