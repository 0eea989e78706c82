using System.Globalization;

namespace Platform.ServiceDefaults.Time;

/// <summary>
/// A development-only clock for tests that run the whole platform as processes (Aspire's test harness) and must be at
/// a given date — before a reporting deadline, then after it. <c>Platform:Clock:File</c> names a file holding an
/// instant (ISO 8601); "now" is that instant plus the real time elapsed since the file was written, so every process
/// reading the file agrees and writing it moves every process at once. Timers and delays stay real (only
/// <see cref="GetUtcNow"/> is shifted). <see cref="Extensions.AddServiceDefaults"/> takes it only in the Development
/// environment; production always runs on the system clock.
/// </summary>
public sealed class FileClock(string path) : TimeProvider
{
    public const string Setting = "Platform:Clock:File";

    private readonly Lock _lock = new();
    private DateTime _written;
    private DateTimeOffset _instant;

    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        var written = File.GetLastWriteTimeUtc(path);
        lock (_lock)
        {
            if (written != _written)
            {
                _instant = Read(path);
                _written = written;
            }
            var elapsed = now.UtcDateTime - written;
            return _instant + (elapsed > TimeSpan.Zero ? elapsed : TimeSpan.Zero);
        }
    }

    /// <summary>Writes <paramref name="instant"/> as "now" for every process reading <paramref name="path"/>.</summary>
    public static void Set(string path, DateTimeOffset instant)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        File.Move(temporary, path, overwrite: true);
    }

    private static DateTimeOffset Read(string path)
    {
        var text = File.ReadAllText(path).Trim();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : throw new InvalidOperationException($"{Setting} '{path}' holds '{text}', not an ISO 8601 instant.");
    }
}
