using System.ComponentModel.DataAnnotations;
using System.Reflection;
using MassTransit;
using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Platform.DataAndMessaging.Messaging;

public static class BusExtensions
{
    public const string ConnectionName = "messaging";

    /// <summary>
    /// MassTransit over RabbitMQ from <c>ConnectionStrings__messaging</c> (an <c>amqp://user:pass@host:port/vhost</c> URI,
    /// as Aspire writes it). Queues are kebab-case and prefixed with the service name
    /// (<c>reporting-organisation-unit-registered</c>), consumers are found in <paramref name="consumers"/>,
    /// and failed messages are retried with back-off, except validation errors, which no retry can fix.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformBus(
        this IHostApplicationBuilder builder,
        string serviceName,
        Assembly? consumers,
        Action<IBusRegistrationConfigurator>? configure = null)
    {
        // MassTransit's spans (send, receive, process) carry the trace across the broker; its meter counts messages.
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(DiagnosticHeaders.DefaultListenerName));
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(InstrumentationOptions.MeterName));
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(EndpointNames(serviceName));
            if (consumers is not null) bus.AddConsumers(consumers);
            configure?.Invoke(bus);

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(BrokerUri(builder.Configuration), host => host.PublisherConfirmation = true);
                // Consumers spend most of their time waiting for PostgreSQL commits: let more run at once
                // than the default (twice the processor count).
                rabbit.PrefetchCount = 32;
                // Decimals travel as JSON numbers, as docs/events.md promises outside subscribers. MassTransit writes
                // them as strings by default; System.Text.Json reads and writes decimals exactly either way.
                rabbit.ConfigureJsonSerializerOptions(options =>
                {
                    foreach (var converter in options.Converters.Where(c => c.GetType().Name == "StringDecimalJsonConverter").ToList())
                        options.Converters.Remove(converter);
                    return options;
                });
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(400));
                    retry.Ignore<ValidationException>();
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>Queue names: kebab-case, prefixed with the service, e.g. <c>reporting-unit-directory</c>.</summary>
    public static IEndpointNameFormatter EndpointNames(string serviceName) =>
        new KebabCaseEndpointNameFormatter(serviceName + "-", false);

    /// <summary>Reads and checks the broker address; the message names the key to set.</summary>
    public static Uri BrokerUri(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"Connection string 'ConnectionStrings:{ConnectionName}' is missing. " +
                $"Fix: set ConnectionStrings__{ConnectionName}=amqp://user:password@host:5672/ (AppHost sets it for you).");
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps" && uri.Scheme != "rabbitmq"))
        {
            throw new InvalidOperationException(
                $"Connection string 'ConnectionStrings:{ConnectionName}' is not an AMQP URI. Fix: use the form amqp://user:password@host:5672/vhost");
        }
        return uri;
    }
}
