namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// The stable codes of field errors (<see cref="FieldErrors"/>) and of the problems every service answers. Clients and
/// the Chinese table (<c>Text/zh.json</c>) key on them: never rename one. A test fails when one has no Chinese text.
/// </summary>
public static class ErrorCodes
{
    // Field errors
    public const string Required = "required";
    public const string MaxLength = "max_length";
    public const string MinLength = "min_length";
    public const string Negative = "negative";
    public const string TooLarge = "too_large";
    public const string NotPositive = "not_positive";
    public const string OutOfRange = "out_of_range";
    public const string MoneyDecimals = "money_decimals";
    public const string TooManyDecimals = "too_many_decimals";
    public const string WholeNumber = "whole_number";
    public const string NotOneOf = "not_one_of";
    public const string InvalidFormat = "invalid_format";
    public const string UnknownRegion = "unknown_region";
    public const string InvalidMonth = "invalid_month";
    public const string InvalidPeriod = "invalid_period";
    public const string InvalidCursor = "invalid_cursor";
    public const string ImplausibleDate = "implausible_date";
    public const string DateInFuture = "date_in_future";
    public const string EmptyList = "empty_list";
    public const string TooMany = "too_many";
    public const string EmptyEntry = "empty_entry";
    public const string EntryTooLong = "entry_too_long";
    public const string DuplicateEntry = "duplicate_entry";
    public const string PathMismatch = "path_mismatch";
    public const string NotApplicable = "not_applicable";
    public const string ExceedsTotalInvestment = "exceeds_total_investment";
    public const string BeforePlannedStart = "before_planned_start";
    public const string BeforeSigningDate = "before_signing_date";
    public const string BeforeOpensOn = "before_opens_on";
    public const string ShareRange = "share_range";
    public const string SameAsCurrentPassword = "same_as_current_password";
    public const string NationalCodeFormat = "national_code_format";
    public const string NationalCodeMonth = "national_code_month";
    public const string NationalCodeRegion = "national_code_region";
    public const string CreditCodeLength = "credit_code_length";
    public const string CreditCodeCharacter = "credit_code_character";
    public const string CreditCodeDivision = "credit_code_division";
    public const string CreditCodeCheck = "credit_code_check";
    public const string CityTotalRegion = "city_total_region";
    public const string CountyRequired = "county_required";
    public const string TownshipNotAllowed = "township_not_allowed";
    public const string NotTargetable = "not_targetable";
    public const string ApprovalDocumentRequired = "approval_document_required";

    // Problems of the shared pipeline (Problem, ExceptionToProblem, RequestText, Paging)
    public const string ValidationFailed = "validation_failed";
    public const string NotFound = "not_found";
    public const string PreconditionFailed = "precondition_failed";
    public const string PreconditionRequired = "precondition_required";
    public const string Forbidden = "forbidden";
    public const string MalformedRequest = "malformed_request";
    public const string MalformedForm = "malformed_form";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string InvalidCharacter = "invalid_character";
    public const string NullElement = "null_element";
    public const string PageOutOfRange = "page_out_of_range";
    public const string ConcurrentChange = "concurrent_change";
    public const string Duplicate = "duplicate";
    public const string ReferenceNotFound = "reference_not_found";
    public const string ConstraintViolated = "constraint_violated";
    public const string InvalidValue = "invalid_value";
    public const string Unavailable = "unavailable";
    public const string InternalError = "internal_error";

    /// <summary>Every code above.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(ErrorCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
}
