using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Statistics.Api.Features;

/// <summary>A record that belongs to a region (and possibly a township), and is scoped by it.</summary>
public interface IRegional
{
    string RegionCode { get; }
    string? Township { get; }
}

public static class Scope
{
    /// <summary>Only what the caller may see: its county (or township); the city sees all.</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> rows, CallerScope caller) where T : class, IRegional
    {
        if (caller.IsCity) return rows;
        rows = rows.Where(r => r.RegionCode == caller.RegionCode);
        return caller.Township is null ? rows : rows.Where(r => r.Township == caller.Township);
    }

    /// <summary>403 unless the caller holds one of the roles and writes in the record's own region.</summary>
    public static ProblemHttpResult? WriteRefusal(this CallerScope caller, string[] roles, string regionCode, string? township, string what)
    {
        if (!caller.HasRole(roles)) return Problem.Forbidden($"The role {caller.Role} cannot {what}.");
        if (!caller.CanWrite(regionCode, township)) return Problem.Forbidden($"The record belongs to region {regionCode}; you act for {caller.RegionCode} only.");
        return null;
    }
}
