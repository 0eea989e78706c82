using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.DxIndex.Data;
using Platform.DataAndMessaging.Units;
using Platform.Scoring;

namespace Platform.DxIndex.Nq57;

/// <summary>What NQ57's handlers share, taken as one <c>[AsParameters] Nq57Services services</c>.</summary>
public sealed record Nq57Services(DxIndexDbContext Db, ClaimsPrincipal User, IOptions<DxIndexOptions> Options,
    IOptions<Nq57Options> Nq57, TimeProvider Time, FrameworkCatalog Frameworks)
{
    public string Tenant => Options.Value.Tenant;

    public string FrameworkId => Nq57.Value.FrameworkId;

    /// <summary>Whether <paramref name="unit"/> is in <paramref name="caller"/>'s subtree, asked of the database (nothing loaded).</summary>
    public Task<bool> InSubtreeAsync(string caller, string unit, CancellationToken ct) =>
        Db.SubtreeCodes(Tenant, caller).AnyAsync(code => code == unit, ct);

    /// <summary>The caller's subtree, as a set (the national root: every unit).</summary>
    public async Task<HashSet<string>> SubtreeAsync(string unit, CancellationToken ct) =>
        (await Db.SubtreeCodes(Tenant, unit).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
}

/// <summary>Settings under <c>DxIndex:Nq57</c>.</summary>
public sealed class Nq57Options
{
    public const string Section = "DxIndex:Nq57";

    /// <summary>The rubric framework whose rounds the pages show (its events are followed whatever this says).</summary>
    public string FrameworkId { get; set; } = "nq57-self-2026";

    /// <summary><c>DxIndex:Nq57:DemoData</c>: seed illustrative communes' assessed round ("dữ liệu minh họa").</summary>
    public bool DemoData { get; set; }

    /// <summary>The round the demo data fills.</summary>
    public string DemoRound { get; set; } = "2026";
}
