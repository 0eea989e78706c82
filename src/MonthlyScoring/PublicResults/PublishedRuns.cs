using Microsoft.EntityFrameworkCore;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Runs;

namespace Platform.MonthlyScoring.PublicResults;

/// <summary>What the public routes read: official runs only, never a provisional one.</summary>
internal static class PublishedRuns
{
    public static IQueryable<ScoreRun> Official(MonthlyScoringDbContext db, string tenant) =>
        db.ScoreRuns.AsNoTracking().Where(r => r.Tenant == tenant && r.FrameworkId == RunScoring.FrameworkId && r.Kind == ScoreRunKinds.Official);

    public static string GroupName(string peerGroup) => peerGroup == "ministries" ? "bộ, ngành" : "tỉnh, thành phố";

    public static string BadPeerGroup(string peerGroup) =>
        $"Nhóm so sánh \"{peerGroup}\" không hợp lệ: chỉ nhận provinces (tỉnh, thành phố) hoặc ministries (bộ, ngành).";
}
