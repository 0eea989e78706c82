using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.DataAndMessaging.Outbox;
using Platform.DxIndex.Data;
using Platform.Scoring;

namespace Platform.DxIndex.Nq57;

/// <summary>
/// Follows intake's submissions of rubric frameworks (a definition with <c>reviewerScores</c>, e.g. nq57-self-2026):
/// submitted, returned, approved. Each event is applied once (inbox) and only when it carries a higher submission
/// revision than the one stored, so duplicates and events delivered out of order change nothing. A demo row is never
/// touched by intake's events.
/// </summary>
public sealed partial class Nq57SubmissionConsumer(DxIndexDbContext db, FrameworkCatalog frameworks, ILogger<Nq57SubmissionConsumer> logger)
    : IConsumer<SubmissionSubmitted>, IConsumer<SubmissionReturned>, IConsumer<SubmissionApproved>
{
    public Task Consume(ConsumeContext<SubmissionSubmitted> context)
    {
        var m = context.Message;
        return ApplyAsync(context, nameof(Nq57SubmissionConsumer) + ".submitted", m.SubmissionId, m.Tenant, m.FrameworkId, m.FrameworkVersion, m.Period,
            m.TargetUnit, m.Revision, m.OccurredAt, a =>
            {
                a.State = Nq57States.Submitted;
                a.Late = m.Late;
                a.SubmittedBy = m.SubmittedBy;
                a.SubmittedAt = m.OccurredAt;
                a.ReturnReason = null;
            });
    }

    public Task Consume(ConsumeContext<SubmissionReturned> context)
    {
        var m = context.Message;
        return ApplyAsync(context, nameof(Nq57SubmissionConsumer) + ".returned", m.SubmissionId, m.Tenant, m.FrameworkId, m.FrameworkVersion, m.Period,
            m.TargetUnit, m.Revision, m.OccurredAt, a =>
            {
                a.State = Nq57States.Returned;
                a.ReturnReason = m.Reason;
            });
    }

    public Task Consume(ConsumeContext<SubmissionApproved> context)
    {
        var m = context.Message;
        return ApplyAsync(context, nameof(Nq57SubmissionConsumer) + ".approved", m.SubmissionId, m.Tenant, m.FrameworkId, m.FrameworkVersion, m.Period,
            m.TargetUnit, m.Revision, m.OccurredAt, a =>
            {
                a.State = Nq57States.Approved;
                a.Late = m.Late;
                a.ReturnReason = null;
                a.ApprovedBy = m.ApprovedBy;
                a.ApprovedAt = m.OccurredAt;
                a.ValuesJson = JsonSerializer.Serialize(m.Values);
                a.ReviewerScoresJson = m.ReviewerScores is { Count: > 0 } scores ? JsonSerializer.Serialize(scores) : null;
                a.ReviewerCommentsJson = m.ReviewerComments is { Count: > 0 } comments ? JsonSerializer.Serialize(comments) : null;
            });
    }

    private async Task ApplyAsync<T>(ConsumeContext<T> context, string consumer, Guid submissionId, string tenant, string frameworkId,
        string frameworkVersion, string period, string unit, int revision, DateTimeOffset at, Action<Nq57Assessment> apply) where T : class
    {
        var framework = frameworks.Find(frameworkId, frameworkVersion, period) ?? frameworks.Find(frameworkId, null, period);
        if (framework is null || !framework.Definition.ReviewerScores) return;
        if (!await db.TryStartProcessingAsync(context, consumer)) return;

        var ct = context.CancellationToken;
        var assessment = await db.Set<Nq57Assessment>().SingleOrDefaultAsync(a => a.Tenant == tenant && a.FrameworkId == frameworkId
            && a.Period == period && a.Unit == unit, ct);
        if (assessment is null)
        {
            assessment = new Nq57Assessment { Tenant = tenant, FrameworkId = frameworkId, Period = period, Unit = unit };
            db.Set<Nq57Assessment>().Add(assessment);
        }
        else if (assessment.Demo || (assessment.SubmissionId == submissionId && revision <= assessment.Revision)
                 || (assessment.SubmissionId != submissionId && at < assessment.StateAt))
        {
            LogIgnored(logger, submissionId, revision, unit, period, assessment.Revision);
            await db.SaveChangesAsync(ct);
            return;
        }

        assessment.SubmissionId = submissionId;
        assessment.FrameworkVersion = frameworkVersion;
        assessment.Revision = revision;
        assessment.StateAt = at;
        apply(assessment);
        await db.SaveChangesAsync(ct);
        LogApplied(logger, submissionId, revision, unit, period, assessment.State);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "NQ57 event of submission {SubmissionId} revision {Revision} for {Unit} {Period} ignored: revision {Stored} is stored or the row is demo data")]
    private static partial void LogIgnored(ILogger logger, Guid submissionId, int revision, string unit, string period, int stored);

    [LoggerMessage(Level = LogLevel.Information, Message = "NQ57 submission {SubmissionId} revision {Revision} for {Unit} {Period}: {State}")]
    private static partial void LogApplied(ILogger logger, Guid submissionId, int revision, string unit, string period, string state);
}
