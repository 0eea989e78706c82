using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Reporting.Data;
using Platform.Reporting.ReadModels;
using Platform.Scoring;

namespace Platform.Reporting.Compliance;

/// <summary>What the compliance and NQ57 handlers share, taken as one <c>[AsParameters]</c>.</summary>
public sealed class ComplianceServices
{
    public required ReportingDbContext Db { get; init; }
    public required IOptions<ReportingOptions> Options { get; init; }
    public required FrameworkVersions Versions { get; init; }
    public required ClaimsPrincipal User { get; init; }
    public required TimeProvider Time { get; init; }

    public string Tenant => Options.Value.Tenant;

    /// <summary>The framework's name people know, in the version in force for <paramref name="period"/> (else its latest); null: unknown framework.</summary>
    public string? FrameworkName(string framework, string? period = null)
    {
        var catalog = Versions.Catalog;
        var inForce = period is null ? null : catalog.Find(framework, null, period);
        return (inForce ?? catalog.All.LastOrDefault(f => f.Id == framework))?.Definition.Name;
    }

    /// <summary>When the latest event this service holds was received ("số liệu đến"); null before any.</summary>
    public async Task<DateTimeOffset?> AsOfAsync(CancellationToken ct) =>
        await Db.Set<JournalEntry>().AsNoTracking().OrderByDescending(j => j.Sequence).Select(j => (DateTimeOffset?)j.ReceivedAt).FirstOrDefaultAsync(ct);
}
