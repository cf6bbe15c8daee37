namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// Every field error the API answers, one per code. A rule picks one (<c>.When(bad, "amount", FieldErrors.NotPositive)</c>)
/// and may say it more precisely in English with <see cref="FieldError.Saying"/>; the code and its parameters never change.
/// <c>Text/zh.json</c> holds the Chinese text of every code (a test fails on a missing one).
/// </summary>
public static class FieldErrors
{
    public static FieldError Required => new(ErrorCodes.Required, "is required");
    public static FieldError MaxLength(int max) => new(ErrorCodes.MaxLength, $"must be at most {max} characters", FieldError.With(("max", max)));
    public static FieldError MinLength(int min) => new(ErrorCodes.MinLength, $"must be at least {min} characters", FieldError.With(("min", min)));
    public static FieldError Negative => new(ErrorCodes.Negative, "must not be negative");
    public static FieldError TooLarge => new(ErrorCodes.TooLarge, "is too large");
    public static FieldError NotPositive => new(ErrorCodes.NotPositive, "must be more than 0");
    public static FieldError OutOfRange(object min, object max) =>
        new(ErrorCodes.OutOfRange, $"must be between {FieldError.Text(min)} and {FieldError.Text(max)}", FieldError.With(("min", min), ("max", max)));
    /// <summary>An amount in 万元 with more than two decimals.</summary>
    public static FieldError MoneyDecimals => new(ErrorCodes.MoneyDecimals, "has more than two decimal places (万元)");
    public static FieldError Decimals(int places) => new(ErrorCodes.TooManyDecimals,
        $"has more than {places switch { 2 => "two", 4 => "four", _ => places.ToString(System.Globalization.CultureInfo.InvariantCulture) }} decimal places",
        FieldError.With(("places", places)));
    public static FieldError WholeNumber => new(ErrorCodes.WholeNumber, "must be a whole number");
    public static FieldError OneOf(IEnumerable<string> allowed)
    {
        var list = string.Join(", ", allowed);
        return new(ErrorCodes.NotOneOf, "must be one of " + list, FieldError.With(("allowed", list)));
    }
    public static FieldError InvalidFormat(string message) => new(ErrorCodes.InvalidFormat, message);
    public static FieldError UnknownRegion => new(ErrorCodes.UnknownRegion, "is not a region of the city");
    public static FieldError InvalidMonth => new(ErrorCodes.InvalidMonth, "must be a month written like 2025-03");
    public static FieldError InvalidPeriod => new(ErrorCodes.InvalidPeriod, "must be 2024, 2024-Q1 or 2024-03");
    public static FieldError InvalidCursor(string message) => new(ErrorCodes.InvalidCursor, message);
    public static FieldError ImplausibleDate => new(ErrorCodes.ImplausibleDate, "must be a real date of the project's life");
    public static FieldError DateInFuture => new(ErrorCodes.DateInFuture, "must not be in the future");
    public static FieldError EmptyList(string message) => new(ErrorCodes.EmptyList, message);
    public static FieldError TooMany(int max, string message) => new(ErrorCodes.TooMany, message, FieldError.With(("max", max)));
    public static FieldError EmptyEntry(string message) => new(ErrorCodes.EmptyEntry, message);
    public static FieldError EntryTooLong(int max, string message) => new(ErrorCodes.EntryTooLong, message, FieldError.With(("max", max)));
    public static FieldError DuplicateEntry(string message) => new(ErrorCodes.DuplicateEntry, message);
    public static FieldError PathMismatch(string message) => new(ErrorCodes.PathMismatch, message);
    public static FieldError NotApplicable(string message) => new(ErrorCodes.NotApplicable, message);
    public static FieldError ExceedsTotalInvestment => new(ErrorCodes.ExceedsTotalInvestment, "must not exceed the total investment");
    public static FieldError BeforePlannedStart => new(ErrorCodes.BeforePlannedStart, "must not be before the planned start date");
    public static FieldError BeforeSigningDate => new(ErrorCodes.BeforeSigningDate, "must not be before the signing date");
    public static FieldError BeforeOpensOn => new(ErrorCodes.BeforeOpensOn, "must not be before opensOn");
    public static FieldError ShareRange => new(ErrorCodes.ShareRange, "must be more than 0 and at most 1 (a share of the total investment)");
    public static FieldError SameAsCurrentPassword => new(ErrorCodes.SameAsCurrentPassword, "must differ from the current password");
    public static FieldError NationalCodeFormat =>
        new(ErrorCodes.NationalCodeFormat, "must look like YYMM-RRRRRR-DD-TT-NNNNNN (24 characters, digits and dashes)");
    public static FieldError NationalCodeMonth => new(ErrorCodes.NationalCodeMonth, "has a time segment YYMM whose month is not 01–12");
    public static FieldError NationalCodeRegion(string region) => new(ErrorCodes.NationalCodeRegion,
        $"has region segment {region}, which is not a region of the city or province", FieldError.With(("region", region)));
    public static FieldError CreditCodeLength(int length, int actual) => new(ErrorCodes.CreditCodeLength,
        $"must be {length} characters (it has {actual})", FieldError.With(("length", length), ("actual", actual)));
    public static FieldError CreditCodeCharacter(char character) => new(ErrorCodes.CreditCodeCharacter,
        $"contains '{character}', which a credit code never uses (digits and letters except I, O, S, V, Z)",
        FieldError.With(("character", character.ToString())));
    public static FieldError CreditCodeDivision =>
        new(ErrorCodes.CreditCodeDivision, "must carry a 6-digit administrative division code in characters 3–8");
    public static FieldError CreditCodeCheck(char expected) => new(ErrorCodes.CreditCodeCheck,
        $"fails the GB 32100-2015 check (the last character should be {expected})", FieldError.With(("expected", expected.ToString())));
    public static FieldError CityTotalRegion => new(ErrorCodes.CityTotalRegion, "must be 140500 for the city total");
    public static FieldError CountyRequired => new(ErrorCodes.CountyRequired, "must be a county for a township target");
    public static FieldError TownshipNotAllowed => new(ErrorCodes.TownshipNotAllowed, "must be empty unless the level is township");
    public static FieldError NotTargetable => new(ErrorCodes.NotTargetable, "is not a metric with targets");
    public static FieldError ApprovalDocumentRequired => new(ErrorCodes.ApprovalDocumentRequired,
        "the 立项文件 is required, or a substitute (constructionPermit, design or feasibilityStudy) with an explanation");
}
