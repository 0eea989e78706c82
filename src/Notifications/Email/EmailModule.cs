using Platform.Notifications.Delivery;

namespace Platform.Notifications.Email;

public static class EmailModule
{
    /// <summary>The e-mail channel: <see cref="EmailSender"/> under the dispatcher, its SMTP settings and the template.</summary>
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().Bind(builder.Configuration.GetSection(EmailOptions.Section));
        builder.Services.AddSingleton<EmailTemplate>();
        builder.AddChannel<EmailSender>(Channels.Email);
        return builder;
    }
}
