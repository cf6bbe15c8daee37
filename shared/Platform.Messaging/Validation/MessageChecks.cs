using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Contracts;

namespace Platform.Messaging;

/// <summary>
/// Collects what is wrong with one incoming message, field by field (no problems = the message may be applied).
/// The bounds are the owning contexts' own input rules, so a genuine event always passes.
/// </summary>
public sealed partial class MessageChecks(decimal maxAmount)
{
    /// <summary>Business dates and instants outside these years are not of this platform (the library's plan years are 2000–2100).</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    public MessageChecks Id(Guid value, string field) => When(value == Guid.Empty, field, "is empty");

    public MessageChecks Id(Guid? value, string field) => When(value == Guid.Empty, field, "is empty");

    public MessageChecks Region(string? code, string field = "regionCode") =>
        When(!RegionCodes.IsKnown(code), field, $"'{Shorten(code)}' is not a region of the city");

    /// <summary>万元: not negative, at most two decimals, not above the configured ceiling.</summary>
    public MessageChecks Money(decimal value, string field)
    {
        if (value < 0) return Add(field, $"{value} is negative");
        if (value > maxAmount) return Add(field, $"{value} is above the ceiling of {maxAmount} (万元)");
        return When(decimal.Round(value, 2) != value, field, $"{value} has more than two decimal places (万元)");
    }

    public MessageChecks Date(DateOnly? value, string field) =>
        When(value is { } d && (d < EarliestDate || d > LatestDate), field, $"{value:yyyy-MM-dd} is not a plausible date");

    public MessageChecks Instant(DateTimeOffset value, string field) =>
        Date(DateOnly.FromDateTime(value.UtcDateTime), field);

    public MessageChecks Year(int value, string field) =>
        When(value < EarliestDate.Year || value > LatestDate.Year, field, $"{value} is not a plausible year");

    /// <summary>A month written 2025-03.</summary>
    public MessageChecks Month(string? value, string field) =>
        When(value is null || !MonthPattern().IsMatch(value)
             || !DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
             || first < EarliestDate || first > LatestDate,
            field, $"'{Shorten(value)}' is not a month written like 2025-03");

    /// <summary>Free text of at most <paramref name="max"/> characters, without control characters (line breaks and tabs aside).</summary>
    public MessageChecks Text(string? value, string field, int max, bool required = true)
    {
        if (value is null) return When(required, field, "is missing");
        if (required && string.IsNullOrWhiteSpace(value)) return Add(field, "is empty");
        if (value.Length > max) return Add(field, $"has {value.Length} characters, more than {max}");
        return When(value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')), field, "contains control characters");
    }

    /// <summary>A value of one of the owner's lists on the wire (stage, category, decision …): a short camelCase or kebab-case word.</summary>
    public MessageChecks Code(string? value, string field, bool required = true)
    {
        if (value is null) return When(required, field, "is missing");
        return When(!CodePattern().IsMatch(value), field, $"'{Shorten(value)}' is not a code");
    }

    /// <summary>The aggregate's version: from 1, and within int range (no aggregate changes two billion times).</summary>
    public MessageChecks Version(long value) =>
        When(value is < 1 or > int.MaxValue, "version", $"{value} is not a plausible version");

    public MessageChecks When(bool failed, string field, string problem) => failed ? Add(field, problem) : this;

    private MessageChecks Add(string field, string problem)
    {
        _problems.Add($"{field} {problem}");
        return this;
    }

    /// <summary>Enough of a refused value for the log, without control characters that could forge log lines.</summary>
    private static string? Shorten(string? value) => value is null ? null
        : new string((value.Length > 40 ? value[..40] + "…" : value).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,49}$")]
    private static partial Regex CodePattern();
}
