using Microsoft.Extensions.Configuration;
using Platform.DataAndMessaging.Messaging;
using Platform.TestSupport.Plumbing;

namespace Platform.DataAndMessaging.Tests;

public sealed class BusConventionsTests
{
    [Fact]
    public void Queues_are_kebab_case_and_prefixed_with_the_service_name() =>
        Assert.Equal("monthly-scoring-unit-directory", BusExtensions.EndpointNames("monthly-scoring").Consumer<UnitDirectoryConsumer>());

    [Theory]
    [InlineData(null, "is missing")]
    [InlineData("Host=localhost;Port=5672", "is not an AMQP URI")]
    [InlineData("http://localhost:5672", "is not an AMQP URI")]
    public void A_missing_or_wrong_broker_address_names_the_setting_and_the_fix(string? value, string problem)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = value })
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() => BusExtensions.BrokerUri(configuration));

        Assert.Contains("ConnectionStrings:messaging", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Aspire_style_amqp_uri_is_accepted()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = "amqp://guest:guest@127.0.0.1:5672/platform" })
            .Build();

        Assert.Equal("/platform", BusExtensions.BrokerUri(configuration).AbsolutePath);
    }
}
