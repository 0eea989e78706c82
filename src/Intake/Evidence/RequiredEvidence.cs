using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Data;
using Platform.Scoring.Engine;

namespace Platform.Intake.Evidence;

/// <summary>
/// Frameworks with <c>evidenceRequired</c> (nq57-self-2026: "mỗi tiêu chí phải có minh chứng") refuse a submission
/// until every reported input whose indicator names its evidence has at least one file linked to that input.
/// </summary>
public static class RequiredEvidence
{
    /// <summary>Per input key lacking evidence, what to attach (the indicator's guidance, in Vietnamese); empty when all is there.</summary>
    public static async Task<Dictionary<string, string[]>> MissingAsync(
        IntakeDbContext db, CompiledFramework framework, Guid submissionId, IReadOnlyDictionary<string, JsonElement> values, CancellationToken ct)
    {
        if (!framework.Definition.EvidenceRequired) return [];
        var attached = await db.EvidenceFiles.AsNoTracking()
            .Where(f => f.SubmissionId == submissionId && f.RemovedAt == null && f.InputKey != null)
            .Select(f => f.InputKey!).Distinct().ToListAsync(ct);
        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var key in values.Keys.Where(k => !attached.Contains(k)).Order(StringComparer.Ordinal))
        {
            if (!framework.Slots.TryGetValue(key, out var slot)) continue;
            var guidance = framework.Indicators
                .Where(i => i.UsedSlots.Contains(slot.Slot) && !string.IsNullOrWhiteSpace(i.Definition.Evidence))
                .Select(i => i.Definition.Evidence!.Trim().TrimEnd('.'))
                .Distinct().ToList();
            if (guidance.Count > 0) missing[key] = [$"Chưa đính kèm minh chứng: {string.Join("; ", guidance)}."];
        }
        return missing;
    }
}
