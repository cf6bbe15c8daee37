using Xunit;

namespace Platform.Testing;

/// <summary>
/// The ProjectUpdated forgeries every consumer of the project library's events must refuse (theory data:
/// the forgery and the reason the refusal names): an unknown region, a move to another county, an absurd
/// amount and a version far ahead.
/// </summary>
public static class ProjectUpdateForgeries
{
    /// <param name="region">The county the genuine project belongs to (the forgery moves it to 140581).</param>
    /// <param name="amountField">The amount the "huge amount" forgery inflates and the consumer checks first.</param>
    public static TheoryData<string, string> For(string region, string amountField = "totalInvestment") => new()
    {
        { "unknown region", "project.regionCode '999999' is not a region of the city" },
        { "another county", $"is of region {region}; an event cannot move it to 140581" },
        { "huge amount", $"project.{amountField} 99999999999 is above the ceiling" },
        { "huge version", $"version {int.MaxValue} is more than 10000 ahead" },
    };
}
