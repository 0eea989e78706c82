using Microsoft.AspNetCore.DataProtection;

namespace Platform.Web;

/// <summary>
/// The web application holds no sessions and no tokens, and renders pages on the server without circuits (no interactive
/// render mode): any replica answers any request. What it protects is the antiforgery token of every form (cookie and
/// hidden field), with data protection: a form shown by one replica and posted to another is accepted only if both share
/// the key ring. <c>Web:DataProtection:KeysDirectory</c> names a directory every replica mounts (a shared volume); without
/// it each process has keys of its own — one replica only, and a restart refuses the forms already open (said at start).
/// </summary>
internal static partial class WebDataProtection
{
    public const string ApplicationName = "platform-web";
    public const string KeysDirectorySetting = "Web:DataProtection:KeysDirectory";

    public static IHostApplicationBuilder AddWebDataProtection(this IHostApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        if (builder.Configuration[KeysDirectorySetting] is { Length: > 0 } directory)
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(directory));
        else
            builder.Services.AddHostedService<OwnKeysNotice>();
        return builder;
    }

    private sealed partial class OwnKeysNotice(ILogger<OwnKeysNotice> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            LogOwnKeys(logger);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "No Web:DataProtection:KeysDirectory: the forms' antiforgery keys are this process's own. " +
            "Run one replica, or mount one directory in every replica and set Web__DataProtection__KeysDirectory to it.")]
        private static partial void LogOwnKeys(ILogger logger);
    }
}
