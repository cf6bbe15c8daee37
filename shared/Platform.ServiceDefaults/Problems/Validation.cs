using System.Text.RegularExpressions;
using Platform.Contracts;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Problems;

/// <summary>A request that can check itself. The <see cref="ValidationFilter"/> runs it before the handler.</summary>
public interface IValidatable
{
    void Validate(ValidationErrors errors);
}

/// <summary>Collects field errors (camelCase field names, each a <see cref="FieldError"/>: code, parameters, English words).</summary>
public sealed class ValidationErrors
{
    readonly List<(string Field, FieldError Error)> _errors = [];

    public bool IsEmpty => _errors.Count == 0;

    public ValidationErrors Add(string field, FieldError error)
    {
        _errors.Add((field, error));
        return this;
    }

    /// <summary>Field → English messages: the problem's <c>errors</c> member, as API clients have always read it.</summary>
    public IDictionary<string, string[]> ToDictionary() => _errors.GroupBy(e => e.Field, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(e => e.Error.Message).ToArray(), StringComparer.Ordinal);

    /// <summary>Every error with its field, in the order found.</summary>
    public IReadOnlyList<(string Field, FieldError Error)> All => _errors;

    public ValidationErrors Required(object? value, string field) =>
        When(value is null || value is string s && string.IsNullOrWhiteSpace(s), field, FieldErrors.Required);

    public ValidationErrors MaxLength(string? value, int max, string field) =>
        When(value is not null && value.Length > max, field, FieldErrors.MaxLength(max));

    public ValidationErrors NonNegative(decimal? value, string field)
    {
        if (value is < 0) Add(field, FieldErrors.Negative);
        else if (value is > 999_999_999_999m) Add(field, FieldErrors.TooLarge);
        return this;
    }

    /// <summary>An amount of money (万元) on one record: not negative, at most <see cref="Amounts.MaxPerRecord"/>.</summary>
    public ValidationErrors Amount(decimal? value, string field)
    {
        if (value is < 0) Add(field, FieldErrors.Negative);
        else if (value is > Amounts.MaxPerRecord) Add(field, FieldErrors.TooLarge);
        return this;
    }

    public ValidationErrors Range(int? value, int min, int max, string field) =>
        When(value is not null && (value < min || value > max), field, FieldErrors.OutOfRange(min, max));

    public ValidationErrors Matches(string? value, Regex pattern, string field, FieldError error) =>
        When(!string.IsNullOrEmpty(value) && !pattern.IsMatch(value), field, error);

    public ValidationErrors When(bool failed, string field, FieldError error) => failed ? Add(field, error) : this;
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
            if (!errors.IsEmpty) return Problem.Validation(errors);
        }
        return await next(context);
    }
}
