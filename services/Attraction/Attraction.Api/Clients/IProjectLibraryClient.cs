using System.Net;
using System.Text.Json;
using Refit;

namespace Attraction.Api.Clients;

/// <summary>
/// The project library's public API, as far as this service uses it. Declared here (the caller owns its client)
/// and registered with AddServiceClient: standard resilience pipeline, the caller's token and correlation id forwarded.
/// </summary>
public interface IProjectLibraryClient
{
    [Post("/api/projects")]
    Task<IApiResponse<LibraryProject>> Register([Body] LibraryProjectRegistration project, CancellationToken ct);

    /// <summary>Free-text search in project names, scoped to the caller by the library.</summary>
    [Get("/api/projects")]
    Task<IApiResponse<LibraryProjectPage>> Search(string q, int page, int pageSize, CancellationToken ct);
}

/// <summary>The fields of POST /api/projects this service fills in (camelCase on the wire).</summary>
public sealed record LibraryProjectRegistration(
    string Name, string RegionCode, string Category, string Nature, string? Industry, string? Description,
    decimal TotalInvestment, decimal AnnualPlannedInvestment, int Year, DateOnly? PlannedStartDate,
    bool IsPrivateInvestment, string? LeaderInCharge, string LocalNumber);

public sealed record LibraryProject(Guid Id, string Name, string RegionCode, string? LocalNumber);

public sealed record LibraryProjectPage(IReadOnlyList<LibraryProject> Items, int Page, int PageSize, int Total);

/// <summary>How a call to the library ended: a value, a refusal with the library's problem, or no answer at all.</summary>
public sealed record LibraryAnswer<T>(T? Value, HttpStatusCode? Status, string? Code, string? Detail)
{
    public bool Unreachable => Status is null || (int)Status >= 500;

    public static LibraryAnswer<T> From(IApiResponse<T> response)
    {
        if (response.IsSuccessStatusCode && response.Content is { } content) return new(content, response.StatusCode, null, null);
        if (response.HasRequestError(out var request)) return new(default, null, null, request?.InnerException?.Message ?? request?.Message);
        if (response.StatusCode is not { } status) return new(default, null, null, response.Error?.Message);
        response.HasResponseError(out var error);
        var (code, detail) = ReadProblem(error?.Content);
        return new(default, status, code, detail ?? $"HTTP {(int)status}");
    }

    /// <summary>The library answers RFC 9457 problems: keep its code, its detail and any field errors.</summary>
    static (string? Code, string? Detail) ReadProblem(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return (null, null);
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, null);
            var code = root.TryGetProperty("code", out var c) ? c.GetString() : null;
            var detail = root.TryGetProperty("detail", out var d) ? d.GetString() : null;
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                detail += " " + string.Join("; ", errors.EnumerateObject().Select(e => $"{e.Name}: {string.Join(", ", e.Value.EnumerateArray().Select(v => v.GetString()))}"));
            return (code, detail?.Trim());
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
