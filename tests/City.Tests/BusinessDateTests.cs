using System.Net;
using Platform.Spreadsheets;

namespace City.Tests;

/// <summary>The city service whose clock stands late in the UTC evening of 30 November 2026 (01:00 on 1 December in China).</summary>
public sealed class LateEveningCityFactory : CityFactory
{
    public LateEveningCityFactory() => Clock = new(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero));
}

/// <summary>The city's "today" is China's date, as in every other service: from 16:00 UTC it is already tomorrow.</summary>
public sealed class BusinessDateTests(LateEveningCityFactory factory) : IClassFixture<LateEveningCityFactory>
{
    [Fact]
    public async Task Late_in_the_UTC_evening_the_overview_already_stands_at_Chinas_new_month()
    {
        using var city = factory.City();
        var overview = await (await city.GetAsync("/api/city/overview?period=2026")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("2026-12", overview.GetProperty("asOfMonth").GetString());
    }

    [Fact]
    public async Task Late_in_the_UTC_evening_a_printed_list_is_dated_with_Chinas_date()
    {
        using var city = factory.City();
        var response = await city.GetAsync("/api/city/lists/not-started?period=2026&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var notes = XlsxReader.Read(await response.Content.ReadAsStreamAsync(), "说明");
        Assert.Contains(notes.SelectMany(r => r.Cells), c => c.Contains("截至 2026-12-01"));
    }
}
