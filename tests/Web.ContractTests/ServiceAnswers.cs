using Platform.Web.Api;

namespace Platform.Web.ContractTests;

/// <summary>
/// Every answer the web application reads from a service, and the record it reads it into (<c>src/Web/Api</c>); every
/// body it sends, and the record it sends. A new call belongs here: <see cref="ApiRecordContractTests"/> fails for a
/// record of <c>src/Web/Api</c> that is neither here nor named as something else.
/// </summary>
public static class ServiceAnswers
{
    private const string Intake = ServiceDocuments.Intake;
    private const string Scoring = ServiceDocuments.MonthlyScoring;
    private const string Dx = ServiceDocuments.DxIndex;
    private const string Notes = ServiceDocuments.Notifications;

    public static readonly IReadOnlyList<(string Service, string Method, string Path, Type Record)> Answers =
    [
        (Intake, "get", "/api/intake/frameworks", typeof(IReadOnlyList<FrameworkVersionSummary>)),
        (Intake, "get", "/api/intake/submissions/{id}/assessment", typeof(RubricAssessment)),
        (Intake, "get", "/api/intake/frameworks", typeof(List<FrameworkVersionInfo>)),
        (Intake, "get", "/api/intake/frameworks/{id}/versions/{version}", typeof(FrameworkVersionView)),
        (Intake, "get", "/api/intake/frameworks/{id}/in-force/{period}", typeof(FrameworkVersionView)),
        (Intake, "get", "/api/intake/public/frameworks/{id}/versions/{version}", typeof(FrameworkVersionView)),
        (Intake, "get", "/api/intake/frameworks/{id}/versions/{version}/changes", typeof(FrameworkVersionChanges)),
        (Intake, "post", "/api/intake/frameworks/preview", typeof(FrameworkUploadPreview)),
        (Intake, "post", "/api/intake/frameworks", typeof(FrameworkVersionSummary)),
        (Intake, "get", "/api/intake/assignments/mine", typeof(OwedInputs)),
        (Intake, "get", "/api/intake/assignments/mine/open", typeof(OpenObligations)),
        (Intake, "get", "/api/intake/submissions", typeof(PageOf<ReviewSubmission>)),
        (Intake, "get", "/api/intake/submissions/{id}", typeof(ReportedSubmission)),
        (Intake, "get", "/api/intake/submissions/{id}", typeof(ReviewSubmission)),
        (Intake, "put", "/api/intake/submissions/{framework}/{period}/{targetUnit}", typeof(ReportedSubmission)),
        (Intake, "post", "/api/intake/submissions/{id}/submit", typeof(ReportedSubmission)),
        (Intake, "post", "/api/intake/submissions/{id}/approve", typeof(ReviewSubmission)),
        (Intake, "post", "/api/intake/submissions/{id}/return", typeof(ReviewSubmission)),
        (Intake, "get", "/api/intake/submissions/{id}/returns", typeof(List<SubmissionReturnItem>)),
        (Intake, "get", "/api/intake/submissions/{id}/evidence", typeof(List<EvidenceItem>)),
        (Intake, "post", "/api/intake/submissions/{id}/evidence", typeof(EvidenceItem)),
        (Intake, "post", "/api/intake/imports/{framework}/{period}", typeof(ImportOutcome)),
        (Intake, "get", "/api/intake/units", typeof(PageOf<UnitRevision>)),
        (Intake, "get", "/api/intake/units/{code}", typeof(UnitDetail)),
        (Intake, "get", "/api/intake/units/{code}", typeof(UnitDossier)),
        (Intake, "post", "/api/intake/units/import", typeof(UnitImportSummary)),
        (Intake, "get", "/api/intake/assignments", typeof(PageOf<AssignmentRow>)),
        (Intake, "post", "/api/intake/assignments", typeof(AssignmentRow)),
        (Intake, "get", "/api/intake/assignments/{id}", typeof(AssignmentRow)),
        (Intake, "put", "/api/intake/assignments/{id}", typeof(AssignmentRow)),
        (Intake, "post", "/api/intake/assignments/{id}/close", typeof(AssignmentRow)),
        (Intake, "get", "/api/intake/periods/{framework}/{period}", typeof(PeriodCalendar)),
        (Intake, "get", "/api/intake/periods/{framework}/{period}/reopenings", typeof(List<PeriodReopening>)),
        (Intake, "post", "/api/intake/periods/{framework}/{period}/reopenings", typeof(PeriodReopening)),
        (Intake, "get", "/api/intake/overview/{framework}/{period}", typeof(ReportingOverview)),
        (Scoring, "get", "/api/monthly-scoring/runs", typeof(List<ScoreboardRun>)),
        (Scoring, "get", "/api/monthly-scoring/runs", typeof(List<ScoreRunInfo>)),
        (Scoring, "post", "/api/monthly-scoring/runs", typeof(ScoreRunInfo)),
        (Scoring, "get", "/api/monthly-scoring/runs/{id}/results", typeof(ScoreboardResults)),
        (Scoring, "get", "/api/monthly-scoring/runs/{id}/results", typeof(RunRanking)),
        (Scoring, "get", "/api/monthly-scoring/runs/{id}/units/{unit}/explanation", typeof(UnitWorking)),
        (Scoring, "get", "/api/monthly-scoring/units/{unit}/history", typeof(List<ScoreHistoryPoint>)),
        (Scoring, "get", "/api/monthly-scoring/publications/preview", typeof(PublicationPreview)),
        (Scoring, "post", "/api/monthly-scoring/publications", typeof(ScoreRunInfo)),
        (Scoring, "get", "/api/monthly-scoring/public/periods", typeof(List<PublishedPeriodInfo>)),
        (Scoring, "get", "/api/monthly-scoring/public/results", typeof(PublishedScoreboard)),
        (Scoring, "get", "/api/monthly-scoring/bonuses", typeof(List<BonusProposal>)),
        (Scoring, "post", "/api/monthly-scoring/bonuses", typeof(BonusProposal)),
        (Scoring, "post", "/api/monthly-scoring/bonuses/{id}/approve", typeof(BonusProposal)),
        (Scoring, "post", "/api/monthly-scoring/bonuses/{id}/reject", typeof(BonusProposal)),
        (Scoring, "post", "/api/monthly-scoring/simulations", typeof(SimulationAnswer)),
        (Dx, "get", "/api/dx-index/dti/years", typeof(List<DtiYear>)),
        (Dx, "get", "/api/dx-index/dti/{year}/ranking", typeof(DtiRanking)),
        (Dx, "get", "/api/dx-index/dti/{year}/provinces/{unit}", typeof(DtiProfile)),
        (Dx, "get", "/api/dx-index/dti/{year}/provinces/{unit}/explanation", typeof(DtiExplanation)),
        (Dx, "get", "/api/dx-index/dti/{year}/publication/preview", typeof(DtiPublicationPreview)),
        (Dx, "get", "/api/dx-index/public/dti/years", typeof(List<DtiPublishedYear>)),
        (Dx, "get", "/api/dx-index/public/dti/{year}", typeof(DtiPublished)),
        (Dx, "get", "/api/dx-index/dti/{year}/provinces/{unit}/actions", typeof(List<DtiAction>)),
        (Dx, "post", "/api/dx-index/dti/{year}/provinces/{unit}/actions", typeof(DtiAction)),
        (Dx, "put", "/api/dx-index/dti/{year}/provinces/{unit}/actions/{id}", typeof(DtiAction)),
        (Dx, "get", "/api/dx-index/nq57/rounds/{round}", typeof(Nq57Round)),
        (Dx, "get", "/api/dx-index/nq57/rounds/{round}/communes/{unit}", typeof(Nq57Commune)),
        (Dx, "post", "/api/dx-index/nq57/rounds/{round}/communes/{unit}/decisions", typeof(Nq57Commune)),
        (Dx, "get", "/api/dx-index/annual-criteria/provinces", typeof(AnnualProvinceList)),
        (Dx, "get", "/api/dx-index/annual-criteria/provinces/{unit}/{year}", typeof(AnnualProvinceYear)),
        (Dx, "get", "/api/dx-index/annual-criteria/criteria/{code}", typeof(AnnualCriterionAcross)),
        (Notes, "get", "/api/notifications/inbox", typeof(InboxPage)),
        (Notes, "get", "/api/notifications/inbox/unread-count", typeof(UnreadCount)),
        (Notes, "get", "/api/notifications/preferences", typeof(Preferences)),
        (Notes, "put", "/api/notifications/preferences", typeof(Preferences)),
        (Notes, "get", "/api/notifications/log", typeof(LogPage)),
        (Notes, "get", "/api/notifications/log/{id}", typeof(LogEntry)),
        (Notes, "get", "/api/notifications/focal-points/{framework}", typeof(FocalPointRegistration)),
        (Notes, "put", "/api/notifications/focal-points/{framework}", typeof(FocalPointRegistration)),
        (Notes, "get", "/api/notifications/focal-points/{framework}/overview", typeof(FocalPointOverview)),
        (Notes, "put", "/api/notifications/focal-points/{framework}/due-date", typeof(FocalPointOverview)),
        (Notes, "get", "/api/notifications/reminder-settings", typeof(ReminderSettings)),
        (Notes, "put", "/api/notifications/reminder-settings", typeof(ReminderSettings)),
        (Notes, "get", "/api/notifications/reminders", typeof(ReminderSchedule)),
        (Notes, "get", "/api/notifications/webhooks", typeof(List<WebhookSubscriptionView>)),
        (Notes, "post", "/api/notifications/webhooks", typeof(CreatedWebhook)),
        (Notes, "put", "/api/notifications/webhooks/{id}", typeof(WebhookSubscriptionView)),
        (Notes, "post", "/api/notifications/webhooks/{id}/secret", typeof(RotatedSecret)),
        (Notes, "get", "/api/notifications/webhooks/{id}/deliveries", typeof(DeliveryPage)),
        (Notes, "get", "/api/notifications/webhooks/events", typeof(List<WebhookEventType>)),
    ];

    /// <summary>Bodies the web sends (JSON): each property must be one the service reads.</summary>
    public static readonly IReadOnlyList<(string Service, string Method, string Path, Type Record)> Bodies =
    [
        (Intake, "post", "/api/intake/assignments", typeof(CreateAssignmentBody)),
        (Intake, "put", "/api/intake/assignments/{id}", typeof(EditAssignmentBody)),
        (Intake, "post", "/api/intake/assignments/{id}/close", typeof(CloseAssignmentBody)),
        (Intake, "post", "/api/intake/periods/{framework}/{period}/reopenings", typeof(ReopenPeriod)),
        (Intake, "post", "/api/intake/submissions/{id}/return", typeof(ReturnSubmission)),
        (Scoring, "post", "/api/monthly-scoring/runs", typeof(CreateRun)),
        (Scoring, "post", "/api/monthly-scoring/publications", typeof(PublishRun)),
        (Scoring, "post", "/api/monthly-scoring/bonuses", typeof(ProposeBonus)),
        (Scoring, "post", "/api/monthly-scoring/bonuses/{id}/approve", typeof(ApproveBonus)),
        (Scoring, "post", "/api/monthly-scoring/bonuses/{id}/reject", typeof(RejectBonus)),
        (Scoring, "post", "/api/monthly-scoring/simulations", typeof(SimulationRequest)),
        (Dx, "post", "/api/dx-index/dti/{year}/publications", typeof(PublishDti)),
        (Dx, "post", "/api/dx-index/dti/{year}/provinces/{unit}/actions", typeof(DtiActionInput)),
        (Dx, "put", "/api/dx-index/dti/{year}/provinces/{unit}/actions/{id}", typeof(DtiActionInput)),
        (Intake, "put", "/api/intake/submissions/{id}/reviewer-scores", typeof(RubricReviewerScores)),
        (Dx, "post", "/api/dx-index/nq57/rounds/{round}/communes/{unit}/decisions", typeof(Nq57Decide)),
        (Notes, "put", "/api/notifications/preferences", typeof(PreferencesUpdate)),
        (Notes, "put", "/api/notifications/focal-points/{framework}", typeof(FocalPointsUpdate)),
        (Notes, "put", "/api/notifications/focal-points/{framework}/due-date", typeof(FocalPointDueDate)),
        (Notes, "put", "/api/notifications/reminder-settings", typeof(ReminderSettings)),
        (Notes, "post", "/api/notifications/webhooks", typeof(WebhookSubscriptionRequest)),
        (Notes, "put", "/api/notifications/webhooks/{id}", typeof(WebhookSubscriptionUpdate)),
    ];

    /// <summary>Records of <c>src/Web/Api</c> that mirror no answer of a service's OpenAPI document, and why.</summary>
    public static readonly IReadOnlyDictionary<Type, string> NotAnswers = new Dictionary<Type, string>
    {
        [typeof(ApiResult<>)] = "the web's own wrapper of an answer",
        [typeof(ApiProblem)] = "RFC 7807 problem details, written by ServiceDefaults for every service",
        [typeof(NoContent)] = "an answer without a body",
        [typeof(Me)] = "the gateway's GET /api/me (tests/Gateway.Tests), not a service",
        [typeof(ImportCell)] = "the problem extension 'cells' of a refused import, which the document does not describe",
        [typeof(FrameworkChoice)] = "built by the web from FrameworkVersionSummary",
        [typeof(FrameworkChoices)] = "built by the web from FrameworkVersionSummary",
    };
}
