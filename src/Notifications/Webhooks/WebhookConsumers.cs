using MassTransit;
using Platform.Contracts;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;

namespace Platform.Notifications.Webhooks;

// One consumer (and queue) per subscribable event type; each is idempotent through the inbox and the notifications' unique key.

public sealed class ScoresPublishedWebhookConsumer(NotificationsDbContext db, TimeProvider time, ILogger<ScoresPublishedWebhookConsumer> logger)
    : IConsumer<ScoresPublished>
{
    public Task Consume(ConsumeContext<ScoresPublished> context) =>
        WebhookFanOut.ConsumeAsync(db, context, nameof(ScoresPublishedWebhookConsumer), time, logger);
}

public sealed class ScoresPublishedPartWebhookConsumer(NotificationsDbContext db, TimeProvider time,
    ILogger<ScoresPublishedPartWebhookConsumer> logger) : IConsumer<ScoresPublishedPart>
{
    public Task Consume(ConsumeContext<ScoresPublishedPart> context) =>
        WebhookFanOut.ConsumeAsync(db, context, nameof(ScoresPublishedPartWebhookConsumer), time, logger);
}

public sealed class DxIndexPublishedWebhookConsumer(NotificationsDbContext db, TimeProvider time, ILogger<DxIndexPublishedWebhookConsumer> logger)
    : IConsumer<DxIndexPublished>
{
    public Task Consume(ConsumeContext<DxIndexPublished> context) =>
        WebhookFanOut.ConsumeAsync(db, context, nameof(DxIndexPublishedWebhookConsumer), time, logger);
}

public sealed class SubmissionApprovedWebhookConsumer(NotificationsDbContext db, TimeProvider time, ILogger<SubmissionApprovedWebhookConsumer> logger)
    : IConsumer<SubmissionApproved>
{
    public Task Consume(ConsumeContext<SubmissionApproved> context) =>
        WebhookFanOut.ConsumeAsync(db, context, nameof(SubmissionApprovedWebhookConsumer), time, logger);
}

public sealed class PeriodClosedWebhookConsumer(NotificationsDbContext db, TimeProvider time, ILogger<PeriodClosedWebhookConsumer> logger)
    : IConsumer<PeriodClosed>
{
    public Task Consume(ConsumeContext<PeriodClosed> context) =>
        WebhookFanOut.ConsumeAsync(db, context, nameof(PeriodClosedWebhookConsumer), time, logger);
}

public sealed class ObligationsAnnouncedWebhookConsumer(NotificationsDbContext db, TimeProvider time, ILogger<ObligationsAnnouncedWebhookConsumer> logger)
    : IConsumer<ObligationsAnnounced>
{
    public Task Consume(ConsumeContext<ObligationsAnnounced> context) =>
        WebhookFanOut.ConsumeAsync(db, context, nameof(ObligationsAnnouncedWebhookConsumer), time, logger);
}
