using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Scoring;

namespace Platform.DataAndMessaging.Frameworks;

/// <summary>
/// A service's copy of a framework version intake recorded (<c>FrameworkVersionPublished</c>): added once — versions never
/// change once recorded, so a redelivery or a second copy adds nothing — and only when this service's engine reads it the
/// way intake did. The caller saves (with its inbox row) and then reloads its <see cref="FrameworkStore{TContext}"/>.
/// Versions of frameworks the service does not score are kept too: the copy is the store's, not a filter.
/// </summary>
public static partial class FrameworkCopy
{
    public static async Task AddAsync(DbContext db, ILogger logger, string frameworkId, string version, string effectiveFrom,
        string definition, string source, DateTimeOffset now, CancellationToken ct)
    {
        var (framework, problems) = FrameworkFile.Read(definition);
        if (framework is null || framework.Id != frameworkId || framework.Version != version)
        {
            // Intake checked it before recording it; an unreadable copy here means the engines disagree: keep it out, loudly.
            LogUnreadable(logger, frameworkId, version, string.Join("; ", problems));
            return;
        }
        var versions = db.Set<StoredFrameworkVersion>();
        if (await versions.AnyAsync(v => v.FrameworkId == frameworkId && v.Version == version, ct)) return;
        versions.Add(new StoredFrameworkVersion
        {
            FrameworkId = frameworkId, Version = version, EffectiveFrom = effectiveFrom, Definition = definition,
            Source = source, RecordedBy = "intake", RecordedAt = now,
        });
        LogStored(logger, frameworkId, version, effectiveFrom);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Framework version {FrameworkId} {Version} stored, in force from {EffectiveFrom}")]
    private static partial void LogStored(ILogger logger, string frameworkId, string version, string effectiveFrom);

    [LoggerMessage(Level = LogLevel.Error, Message = "Framework version {FrameworkId} {Version} from intake cannot be read here and is left out: {Problems}")]
    private static partial void LogUnreadable(ILogger logger, string frameworkId, string version, string problems);
}
