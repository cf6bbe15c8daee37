using Platform.ServiceDefaults.Http;

namespace Attraction.Tests;

/// <summary>The shared reading of enum filters in query strings.</summary>
public sealed class QueryEnumTests
{
    enum Phase { Reserve = 1, UnderConstruction = 2 }

    [Fact]
    public void Names_are_written_camelCase_as_in_the_JSON()
    {
        Assert.Equal("underConstruction", QueryEnum.Name(Phase.UnderConstruction));
        Assert.Equal("must be one of reserve, underConstruction", QueryEnum.Expected<Phase>());
    }

    [Fact]
    public void A_name_in_any_case_parses_and_numbers_or_unknown_names_do_not()
    {
        Assert.Equal(Phase.UnderConstruction, QueryEnum.Parse<Phase>("underConstruction"));
        Assert.Equal(Phase.Reserve, QueryEnum.Parse<Phase>("RESERVE"));
        Assert.Null(QueryEnum.Parse<Phase>("2"));
        Assert.Null(QueryEnum.Parse<Phase>("completed"));
        Assert.Null(QueryEnum.Parse<Phase>("reserve,underConstruction"));
        Assert.True(QueryEnum.IsValid<Phase>(null));
        Assert.False(QueryEnum.IsValid<Phase>("completed"));
    }
}
