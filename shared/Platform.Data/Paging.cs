using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Http;

namespace Platform.Data;

/// <summary>Reads one <see cref="PageRequest"/> of a query, with the total count.</summary>
public static class PagingExtensions
{
    public static async Task<Paged<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest page, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = await query.Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Paged<T>(items, page.Page, page.PageSize, total);
    }
}
