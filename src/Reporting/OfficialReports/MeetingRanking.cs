using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Reporting.Dashboards;
using Platform.Reporting.Data;
using Platform.Reporting.Shared;
using Platform.Scoring;
using Platform.ServiceDefaults.Problems;

namespace Platform.Reporting.OfficialReports;

/// <summary>The monthly ranking of a peer group as the Government meeting reads it (one revision, one page of lines).</summary>
/// <param name="PreviousPeriod">The month the "last month" columns compare with.</param>
/// <param name="CommendationCount">Class-A units: proposed to the Prime Minister for commendation (seed 001).</param>
public sealed record MeetingRanking(string Framework, string FrameworkName, string FrameworkVersion, string Period, string PeriodName,
    string PeerGroup, string PeerGroupName, int Revision, bool Current, DateTimeOffset PublishedAt, string PublishedAtVietnam,
    string? CorrectionReason, string? PreviousPeriod, IReadOnlyList<GroupHeader> Groups, IReadOnlyList<ClassCount> Classes,
    int CommendationCount, int Total, int Page, int PageSize, IReadOnlyList<RankingLine> Lines);

/// <summary>Units of one class (A, B, C, D; <c>none</c> = chưa báo cáo).</summary>
public sealed record ClassCount(string Classification, string Name, int Units);

/// <param name="RankChange">Positive = moved up since last month.</param>
public sealed record RankingLine(int? Rank, string Unit, string UnitName, bool Reported, decimal? Total, string? Classification,
    string ClassificationName, IReadOnlyDictionary<string, decimal> Groups, decimal Bonus, int? PreviousRank, decimal? PreviousTotal,
    string? PreviousClassification, decimal? TotalChange, int? RankChange);

public static class MeetingRankingQuery
{
    public const int MaxPageSize = 1000;

    public static async Task<Results<Ok<MeetingRanking>, ValidationProblem, ProblemHttpResult>> Get(string framework, string period, string peerGroup,
        string? revision, string? classification, string? page, string? pageSize, ReportingDbContext db, FrameworkCatalog catalog,
        IOptions<ReportingOptions> options, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        DashboardInput.Framework(framework, null, catalog, errors);
        var wantedClass = Classification(classification, errors);
        var pageNumber = Whole(page, "page", "Trang", 1, 1, int.MaxValue, errors);
        var size = Whole(pageSize, "pageSize", "Số dòng mỗi trang", 100, 1, MaxPageSize, errors);
        var (source, invalid, problem) = await RankingSources.FindAsync(db, options.Value.Tenant, user, framework, period, peerGroup, revision, errors, ct);
        if (invalid is not null) return invalid;
        if (problem is not null) return problem;

        var p = source!.Publication;
        var rows = RankingSources.Rows(db, source, wantedClass);
        var total = await rows.CountAsync(ct);
        var lines = (await rows.Skip((pageNumber - 1) * size).Take(size).ToListAsync(ct)).Select(Line).ToList();
        var classes = await RankingSources.ClassesAsync(db, source, ct);
        return TypedResults.Ok(new MeetingRanking(p.Framework, PublishedFrameworks.Name(catalog, p.Framework, p.FrameworkVersion, p.Period),
            p.FrameworkVersion, p.Period, ReportText.PeriodName(p.Period), p.PeerGroup, ReportText.PeerGroupName(p.PeerGroup), p.Revision,
            p.IsCurrent, p.PublishedAt, ReportText.Moment(p.PublishedAt), p.Revision > 1 ? p.Reason : null, ReportText.PreviousMonth(p.Period),
            PublishedFrameworks.Groups(catalog, p.Framework, p.FrameworkVersion, p.Period), classes,
            classes.Single(c => c.Classification == "A").Units, total, pageNumber, size, lines));
    }

    public static RankingLine Line(RankingRow r) => new(r.Reported ? r.Rank : null, r.Unit, r.UnitName ?? r.Unit, r.Reported,
        r.Reported ? r.Total : null, r.Reported ? r.Classification : null, ReportText.ClassificationName(r.Reported ? r.Classification : null),
        r.Reported ? PublishedFrameworks.Scores(r.Groups) : new Dictionary<string, decimal>(), r.Bonus, r.PreviousRank, r.PreviousTotal,
        r.PreviousClassification, RankingSources.TotalChange(r), RankingSources.RankChange(r));

    private static string? Classification(string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var wanted = value.Trim();
        if (RankingSources.Classifications.Contains(wanted)) return wanted;
        errors["classification"] = [$"Xếp loại (classification) phải là A, B, C, D hoặc none (chưa báo cáo); nhận được \"{value}\"."];
        return null;
    }

    private static int Whole(string? value, string field, string label, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        errors[field] = [max == int.MaxValue
            ? $"{label} ({field}) phải là số nguyên từ {min}; nhận được \"{value}\"."
            : $"{label} ({field}) phải là số nguyên từ {min} đến {ReportText.Number(max, 0)}; nhận được \"{value}\"."];
        return fallback;
    }
}
