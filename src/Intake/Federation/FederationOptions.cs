using System.ComponentModel.DataAnnotations;

namespace Platform.Intake.Federation;

/// <summary>
/// <c>Intake:Federation</c> at the central instance: the self-hosted provinces whose approvals it takes in. Each listed
/// province <c>&lt;code&gt;</c> gets a receive endpoint on the queue <c>federation.from.&lt;code&gt;</c>, which only that
/// province's broker user may write to (deploy/federation/centre-add-province.sh). Empty (the default): no federation.
/// </summary>
public sealed class FederationOptions
{
    public const string Section = "Intake:Federation";
    public const string QueuePrefix = "federation.from.";

    /// <summary><c>Intake:Federation:Provinces</c>: unit codes of the provinces, e.g. <c>lao-cai</c> (<c>Intake__Federation__Provinces__0=lao-cai</c>).</summary>
    public List<string> Provinces { get; set; } = [];

    public static string QueueName(string province) => QueuePrefix + province;

    /// <summary>The province a federation queue belongs to (<c>federation.from.lao-cai</c> → <c>lao-cai</c>), or null.</summary>
    public static string? ProvinceOf(Uri? inputAddress)
    {
        var queue = inputAddress?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return queue is not null && queue.StartsWith(QueuePrefix, StringComparison.Ordinal) && queue.Length > QueuePrefix.Length
            ? queue[QueuePrefix.Length..]
            : null;
    }

    internal static IEnumerable<ValidationResult> Validate(FederationOptions options) =>
        options.Provinces
            .Where(p => string.IsNullOrWhiteSpace(p) || !System.Text.RegularExpressions.Regex.IsMatch(p, "^[a-z0-9-]+$"))
            .Select(p => new ValidationResult(
                $"Intake:Federation:Provinces contains '{p}', which is not a unit code (a-z, 0-9, '-'). Fix: correct Intake__Federation__Provinces__N."));
}
