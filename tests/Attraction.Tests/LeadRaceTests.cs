using System.Net;
using System.Net.Http.Json;

namespace Attraction.Tests;

[Collection(AttractionCollection.Name)]
public sealed class LeadRaceTests(AttractionFactory factory)
{
    [Fact]
    public async Task A_lead_update_that_loses_the_race_is_412_like_its_siblings()
    {
        using var centre = factory.ClientFor("attraction", "140522");
        var input = new { title = AttractionFactory.UniqueName("新能源重卡换电站项目"), enterpriseName = "某新能源科技有限公司", contactedOn = "2024-02-01" };
        var created = await centre.PostJson("/api/attraction/leads", input);
        var id = (await created.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // The If-Match check passes, then another writer gets the row first: the versioned UPDATE touches no row.
        // A trigger that skips the update of this one lead stands in for that writer, deterministically.
        await factory.Database.ExecuteAsync($"""
            create or replace function skip_lead_{id:N}() returns trigger language plpgsql as $$ begin return null; end $$;
            create trigger skip_lead_{id:N} before update on leads for each row when (old.id = '{id}') execute function skip_lead_{id:N}();
            """);
        try
        {
            using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/attraction/leads/{id}") { Content = JsonContent.Create(input with { enterpriseName = "另一家新能源公司" }) };
            update.Headers.IfMatch.ParseAdd(created.Headers.ETag!.Tag);
            await (await centre.SendAsync(update)).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        }
        finally
        {
            await factory.Database.ExecuteAsync($"drop trigger skip_lead_{id:N} on leads; drop function skip_lead_{id:N}();");
        }
    }
}
