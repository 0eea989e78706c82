using System.Text.RegularExpressions;
using static Platform.Deploy.Tests.Compose.ComposeFiles;

namespace Platform.Deploy.Tests.Compose;

/// <summary>deploy/preflight.sh, the check compose's <c>preflight</c> service runs before anything else starts.</summary>
public sealed partial class PreflightTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Fact]
    public void The_example_as_it_is_is_refused_and_every_variable_still_holding_CHANGE_ME_is_named_in_Vietnamese_and_English()
    {
        var placeholders = ExampleVariables().Where(v => v.Value.Contains("CHANGE-ME", StringComparison.Ordinal)).Select(v => v.Key).ToList();
        Assert.NotEmpty(placeholders);

        var result = Preflight(NoEnvironment, ExampleEnvFile);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cấu hình chưa sẵn sàng", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("the configuration is not ready", result.StandardError, StringComparison.Ordinal);
        foreach (var name in placeholders)
            Assert.Contains($"  - {name}: vẫn là giá trị mẫu CHANGE-ME / still the CHANGE-ME placeholder", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(placeholders.Count, ProblemLines(result).Count);
    }

    [Fact]
    public void The_example_with_every_placeholder_replaced_is_accepted()
    {
        var envFile = WriteEnvFile(FilledInExample());
        try
        {
            var result = Preflight(NoEnvironment, envFile);

            Assert.True(result.ExitCode == 0, result.StandardError);
            Assert.Contains("preflight: OK (tenant lao-cai", result.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(envFile);
        }
    }

    [Fact]
    public void With_nothing_set_every_value_compose_needs_without_a_default_is_named_at_once()
    {
        // What compose.yaml reads as ${NAME:-} (no default of its own), except what may stay empty.
        string[] mayStayEmpty = ["SMTP_USER", "SMTP_PASSWORD", "SMTP_FROM_NAME", "REPORTING_ISSUER", "PLATFORM_DB_CONNECTION_LIMIT", "OTEL_EXPORTER_OTLP_ENDPOINT"];
        var needed = EmptyDefaultVariables().Except(mayStayEmpty).ToHashSet();
        Assert.Contains("GATEWAY_DB_PASSWORD", needed);

        var result = Preflight(NoEnvironment);

        Assert.Equal(1, result.ExitCode);
        var named = ProblemLines(result).Where(l => l.Contains("chưa đặt hoặc để trống / unset or empty", StringComparison.Ordinal))
            .Select(l => l.Split(':')[0].Trim(' ', '-')).ToHashSet();
        Assert.Equal(needed.Order(), named.Order());
    }

    [Fact]
    public void A_value_from_the_environment_wins_over_the_file_as_in_compose()
    {
        var result = Preflight(new Dictionary<string, string> { ["PLATFORM_TENANT"] = "national" }, ExampleEnvFile);

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("  - PLATFORM_TENANT:", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("  - POSTGRES_PASSWORD:", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("national", true)]
    [InlineData("lao-cai", true)]
    [InlineData("ho-chi-minh", true)]
    [InlineData("Lao Cai", false)]
    [InlineData("LAO-CAI", false)]
    [InlineData("lao_cai", false)]
    [InlineData("lào-cai", false)]
    [InlineData("lao-cai-", false)]
    [InlineData("tinh-2", false)]
    public void The_tenant_must_be_national_or_a_lowercase_province_code(string tenant, bool accepted)
    {
        var result = PreflightWith(("PLATFORM_TENANT", tenant));

        Assert.Equal(accepted ? 0 : 1, result.ExitCode);
        if (!accepted)
        {
            Assert.Equal($"  - PLATFORM_TENANT: phải là \"national\" hoặc mã tỉnh viết thường, không dấu, nối bằng dấu gạch ngang (vd. lao-cai), không phải \"{tenant}\" / must be \"national\" or a lowercase province code such as lao-cai, not \"{tenant}\"",
                Assert.Single(ProblemLines(result)));
        }
    }

    [Theory]
    [InlineData("PLATFORM_PUBLIC_URL", "http://nentang.laocai.gov.vn")]
    [InlineData("KEYCLOAK_PUBLIC_URL", "http://localhost:8081")]
    [InlineData("KEYCLOAK_PUBLIC_URL", "https://nentang.laocai.gov.vn")]
    public void Public_addresses_must_be_https_and_Keycloak_must_have_its_own(string name, string value)
    {
        var result = PreflightWith((name, value));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"  - {name}: ", Assert.Single(ProblemLines(result)), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_services_sharing_a_password_are_refused_and_both_variables_are_named()
    {
        var variables = FilledInExample();
        variables["REPORTING_AMQP_PASSWORD"] = variables["INTAKE_DB_PASSWORD"];
        var result = Preflight(variables);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("REPORTING_AMQP_PASSWORD: trùng với INTAKE_DB_PASSWORD", Assert.Single(ProblemLines(result)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short-secret")]
    [InlineData("pass;word@host/with:odd%chars")]
    [InlineData("has a space in it 123")]
    public void A_password_that_is_short_or_would_break_a_connection_string_or_uri_is_refused(string password)
    {
        var result = PreflightWith(("INTAKE_AMQP_PASSWORD", password));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("  - INTAKE_AMQP_PASSWORD: ", Assert.Single(ProblemLines(result)), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_password_and_secret_of_the_example_is_held_to_the_secret_rules()
    {
        var variables = FilledInExample();
        var secrets = ExampleVariables().Where(v => v.Value.Contains("CHANGE-ME", StringComparison.Ordinal)
            && (v.Key.EndsWith("_PASSWORD", StringComparison.Ordinal) || v.Key.EndsWith("_SECRET", StringComparison.Ordinal))).Select(v => v.Key).ToList();
        Assert.Equal(17, secrets.Count);
        foreach (var (name, i) in secrets.Select((n, i) => (n, i))) variables[name] = $"short{i}";

        var result = Preflight(variables);

        Assert.Equal(1, result.ExitCode);
        var named = ProblemLines(result).Where(l => l.Contains("too short, at least 16 characters", StringComparison.Ordinal))
            .Select(l => l.Split(':')[0].Trim(' ', '-')).Order().ToList();
        Assert.Equal(secrets.Order(), named);
    }

    [Fact]
    public void An_smtp_user_without_a_password_is_refused()
    {
        var result = PreflightWith(("SMTP_USER", "thongbao"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("  - SMTP_PASSWORD: ", Assert.Single(ProblemLines(result)), StringComparison.Ordinal);
    }

    /// <summary>The filled-in example with some values changed, given through the environment.</summary>
    private static ProcessResult PreflightWith(params (string Name, string Value)[] changes)
    {
        var variables = FilledInExample();
        foreach (var (name, value) in changes) variables[name] = value;
        return Preflight(variables);
    }

    private static List<string> ProblemLines(ProcessResult result) =>
        result.StandardError.Split('\n').Where(l => l.StartsWith("  - ", StringComparison.Ordinal)).ToList();

    /// <summary>Variables compose.yaml reads as <c>${NAME:-}</c>: no default of its own.</summary>
    internal static HashSet<string> EmptyDefaultVariables() =>
        EmptyDefault().Matches(ComposeText()).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"\$\{([A-Z][A-Z0-9_]*):-\}")]
    private static partial Regex EmptyDefault();
}
