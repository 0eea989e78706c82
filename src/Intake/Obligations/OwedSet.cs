using System.Security.Cryptography;
using System.Text;
using Platform.Contracts;

namespace Platform.Intake.Obligations;

/// <summary>What one <c>ObligationsAnnounced</c> is about: (framework, period, level, overseeing unit).</summary>
public sealed record OwedSetKey(string FrameworkId, string Period, string Level, string OverseeingUnit);

/// <summary>
/// The reports owed under one <see cref="OwedSetKey"/>, ordered by (reporting unit, target unit) with their input keys
/// in ordinal order, so the same set always gives the same <see cref="Hash"/>.
/// </summary>
public sealed record OwedSet(OwedSetKey Key, string FrameworkVersion, DateTimeOffset DueAt, IReadOnlyList<OwedReport> Reports)
{
    /// <summary>SHA-256 (lower-case hex) of everything the event says apart from its revision and time: version, deadline, reports.</summary>
    public string Hash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, $"{FrameworkVersion}\n{DueAt.UtcTicks}\n");
        foreach (var r in Reports)
            Append(hash, $"{r.ReportingUnit}|{r.TargetUnit}|{r.Role}|{string.Join(',', r.InputKeys)}\n");
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));
}
