namespace Attraction.Api.Features.Enterprises;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z):
/// registration authority, organisation type, 6-digit administrative division, 9-character organisation
/// code, and a check character over the first 17 with weights 3^(i-1) mod 31.
/// </summary>
public static class CreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    public const int Length = 18;
    static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Upper case, no surrounding blanks: how codes are stored and compared.</summary>
    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    /// <summary>Null when the (normalized) code is valid, otherwise what is wrong with it.</summary>
    public static FieldError? Error(string code)
    {
        var normalized = Normalize(code);
        if (normalized.Length != Length) return FieldErrors.CreditCodeLength(Length, normalized.Length);
        foreach (var c in normalized)
            if (Alphabet.IndexOf(c) < 0) return FieldErrors.CreditCodeCharacter(c);
        if (normalized.AsSpan(2, 6).ContainsAnyExcept("0123456789")) return FieldErrors.CreditCodeDivision;
        var expected = CheckCharacter(normalized.AsSpan(0, 17));
        return normalized[17] == expected ? null : FieldErrors.CreditCodeCheck(expected);
    }

    /// <summary>What is wrong with the code, in English; null when valid.</summary>
    public static string? Problem(string code) => Error(code)?.Message;

    public static bool IsValid(string code) => Problem(code) is null;

    /// <summary>The 18th character for the first 17: 31 − (Σ value×weight mod 31), where 31 becomes 0.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }
}
