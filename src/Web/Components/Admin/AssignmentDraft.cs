using System.Globalization;
using Platform.Web.Api;

namespace Platform.Web.Components.Admin;

/// <summary>A new assignment as typed in the form (all text, so a refused form shows back exactly what was typed).</summary>
public sealed record AssignmentDraft(string? Framework, string? ReportingUnit, string? TargetUnit, string? InputKeys,
    string? Frequency, string? Role, string? ValidFrom)
{
    public static readonly AssignmentDraft Empty = new(null, null, null, null, "monthly", "lead", null);

    /// <summary>The request; the service checks every field and names the wrong ones.</summary>
    public CreateAssignmentBody ToBody() => new(Blank(Framework), Blank(ReportingUnit), Blank(TargetUnit), InputKeyList.Parse(InputKeys),
        Blank(Frequency), Blank(Role),
        DateOnly.TryParseExact(ValidFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
