using System.Text.RegularExpressions;
using Platform.Contracts;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Problems;

/// <summary>A request that can check itself. The <see cref="ValidationFilter"/> runs it before the handler.</summary>
public interface IValidatable
{
    void Validate(ValidationErrors errors);
}

/// <summary>Collects field errors (camelCase field names, messages for people).</summary>
public sealed class ValidationErrors
{
    readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public ValidationErrors Required(object? value, string field)
    {
        if (value is null || value is string s && string.IsNullOrWhiteSpace(s)) Add(field, "is required");
        return this;
    }

    public ValidationErrors MaxLength(string? value, int max, string field)
    {
        if (value is not null && value.Length > max) Add(field, $"must be at most {max} characters");
        return this;
    }

    public ValidationErrors NonNegative(decimal? value, string field)
    {
        if (value is < 0) Add(field, "must not be negative");
        else if (value is > 999_999_999_999m) Add(field, "is too large");
        return this;
    }

    /// <summary>An amount of money (万元) on one record: not negative, at most <see cref="Amounts.MaxPerRecord"/>.</summary>
    public ValidationErrors Amount(decimal? value, string field)
    {
        if (value is < 0) Add(field, "must not be negative");
        else if (value is > Amounts.MaxPerRecord) Add(field, "is too large");
        return this;
    }

    public ValidationErrors Range(int? value, int min, int max, string field)
    {
        if (value is not null && (value < min || value > max)) Add(field, $"must be between {min} and {max}");
        return this;
    }

    public ValidationErrors Matches(string? value, Regex pattern, string field, string message)
    {
        if (!string.IsNullOrEmpty(value) && !pattern.IsMatch(value)) Add(field, message);
        return this;
    }

    public ValidationErrors When(bool failed, string field, string message)
    {
        if (failed) Add(field, message);
        return this;
    }
}

/// <summary>Endpoint filter: any <see cref="IValidatable"/> argument that fails answers 400 with every field listed.</summary>
public sealed class ValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            if (argument is not IValidatable validatable) continue;
            var errors = new ValidationErrors();
            validatable.Validate(errors);
            if (!errors.IsEmpty) return Problem.Validation(errors.ToDictionary());
        }
        return await next(context);
    }
}
