namespace Platform.Contracts;

/// <summary>
/// Conventions every integration event follows. Events are immutable, past-tense records in the
/// <c>Platform.Contracts</c> namespace; they are never renamed or moved, because MassTransit and
/// outside subscribers bind to exchanges named after the namespace and type name.
/// </summary>
/// <remarks>
/// The message id is not part of the body: it travels in the envelope (<c>messageId</c>) and is the id
/// of the outbox row that produced the event, so a consumer can de-duplicate redeliveries.
/// </remarks>
public interface IIntegrationEvent
{
    /// <summary>The deployment's tenant: a province code for a self-hosted instance, <c>national</c> for the central one.</summary>
    string Tenant { get; }

    /// <summary>When the state change happened, in UTC.</summary>
    DateTimeOffset OccurredAt { get; }
}

/// <summary>Implemented by events that concern one framework and one reporting period.</summary>
public interface IFrameworkPeriodEvent : IIntegrationEvent
{
    /// <summary>Framework id as in the framework catalogue, e.g. <c>monthly-4585</c>.</summary>
    string FrameworkId { get; }

    /// <summary>Version of the framework definition the data was collected or scored under.</summary>
    string FrameworkVersion { get; }

    /// <summary>Reporting period: <c>YYYY-MM</c> for monthly frameworks, <c>YYYY</c> for annual ones.</summary>
    string Period { get; }
}
