namespace Attraction.Api.Features.Enterprises;

/// <summary>The body of POST /api/attraction/enterprises and PUT /api/attraction/enterprises/{id} (PUT replaces every field).</summary>
public sealed record EnterpriseInput : IValidatable
{
    public string? Name { get; init; }
    /// <summary>统一社会信用代码, 18 characters, checked with the GB 32100-2015 check character.</summary>
    public string? CreditCode { get; init; }
    public string? Industry { get; init; }
    public string? OriginRegion { get; init; }
    public List<string>? Types { get; init; }
    public List<EnterpriseContact>? Contacts { get; init; }
    public string? Note { get; init; }

    public void Validate(ValidationErrors errors)
    {
        errors.Required(Name, "name").MaxLength(Name, 200, "name")
            .Required(CreditCode, "creditCode")
            .MaxLength(Industry, 100, "industry")
            .MaxLength(OriginRegion, 50, "originRegion")
            .When(Types is { Count: > 20 }, "types", FieldErrors.TooMany(20, "must list at most 20 types"))
            .When(Types?.Any(t => t is null || t.Length > 30) == true, "types", FieldErrors.EntryTooLong(30, "each type must be at most 30 characters"))
            .When(Contacts is { Count: > 50 }, "contacts", FieldErrors.TooMany(50, "must list at most 50 contacts"))
            .MaxLength(Note, 2000, "note");
        if (!string.IsNullOrWhiteSpace(CreditCode) && Enterprises.CreditCode.Error(CreditCode) is { } problem)
            errors.Add("creditCode", problem);
        for (var i = 0; i < (Contacts?.Count ?? 0); i++)
        {
            var contact = Contacts![i];
            errors.When(contact is null || string.IsNullOrWhiteSpace(contact.Name), $"contacts[{i}].name", FieldErrors.Required)
                .MaxLength(contact?.Name, 50, $"contacts[{i}].name")
                .MaxLength(contact?.Title, 50, $"contacts[{i}].title")
                .MaxLength(contact?.Phone, 30, $"contacts[{i}].phone")
                .MaxLength(contact?.Email, 100, $"contacts[{i}].email");
        }
    }
}

public sealed record EnterpriseResponse(
    Guid Id, string RegionCode, string Name, string CreditCode, string? Industry, string? OriginRegion,
    IReadOnlyList<string> Types, IReadOnlyList<EnterpriseContact> Contacts, string? Note,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
{
    public static EnterpriseResponse From(Enterprise e) => new(
        e.Id, e.RegionCode, e.Name, e.CreditCode, e.Industry, e.OriginRegion, e.Types, e.Contacts, e.Note,
        e.CreatedAt, e.UpdatedAt, e.Version);
}
