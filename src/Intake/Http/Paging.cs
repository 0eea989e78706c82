using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;

namespace Platform.Intake.Http;

/// <summary>One page of a listing: <see cref="Total"/> counts every row that matched, not only this page.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary><c>page</c> (1-based) and <c>pageSize</c> as the listings take them; checked by <see cref="Paging.Check"/>.</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public int Skip => (Page - 1) * PageSize;
}

/// <summary>The paging rules shared by every listing of the service.</summary>
public static class Paging
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    /// <returns>The request, or a 400 naming the offending parameter (in Vietnamese).</returns>
    public static (PageRequest Request, ValidationProblem? Problem) Check(int? page, int? pageSize)
    {
        if (page is < 1)
            return (default, ApiProblems.InvalidByKey("page", "Số trang (page) phải từ 1 trở lên."));
        if (pageSize is < 1 or > MaxPageSize)
            return (default, ApiProblems.InvalidByKey("pageSize", $"Số dòng mỗi trang (pageSize) phải từ 1 đến {MaxPageSize}."));
        return (new PageRequest(page ?? 1, pageSize ?? DefaultPageSize), null);
    }

    /// <summary>Counts and reads one page of <paramref name="ordered"/> (which must have a total order), then maps the rows.</summary>
    public static async Task<Paged<TView>> ToPageAsync<TRow, TView>(this IQueryable<TRow> ordered, PageRequest request,
        Func<TRow, TView> view, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var rows = await ordered.Skip(request.Skip).Take(request.PageSize).ToListAsync(ct);
        return new Paged<TView>([.. rows.Select(view)], total, request.Page, request.PageSize);
    }
}
