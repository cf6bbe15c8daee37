using System.Globalization;
using System.Text;

namespace Identity.Api.Features.Accounts;

/// <summary>
/// One spelling per user name: NFKC-normalised (full-width ｕｓｅｒ becomes user) and trimmed, made only of
/// letters, digits and <c>. _ - @</c>. Creation and sign-in both go through it, so what is stored is what
/// people type, and nothing that PostgreSQL or an HTTP header would refuse gets as far as a commit.
/// </summary>
public static class UserNames
{
    public const int MaxLength = 100;

    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        string normalized;
        try
        {
            normalized = raw.Normalize(NormalizationForm.FormKC).Trim();
        }
        catch (ArgumentException)
        {
            return null; // unpaired surrogates and the like cannot be normalised
        }
        if (normalized.Length is 0 or > MaxLength) return null;
        foreach (var c in normalized)
            if (!IsAllowed(c)) return null;
        return normalized;
    }

    static bool IsAllowed(char c) => c is '.' or '_' or '-' or '@' || CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber;
}
