using LegalCrm.Web.Infrastructure.Email;

namespace LegalCrm.Web.Infrastructure.Startup;

public static class EmailStartup
{
    public static IServiceCollection AddCrmEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AppOptions>(configuration.GetSection(AppOptions.Section));
        services.AddOptions<SmtpOptions>()
            .Bind(configuration.GetSection(SmtpOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Host), "Smtp:Host is not configured: LegalCrm cannot send e-mail (invitations, password resets).")
            .ValidateOnStart();
        services.AddScoped<EmailOutbox>();
        services.AddTransient<OutboxDispatcher>();

        // In Development without an SMTP server, mail goes over SMTP to a local sink that saves it as .eml files.
        if (string.IsNullOrWhiteSpace(configuration["Smtp:Host"]) && configuration.GetValue("Smtp:UseDevelopmentSink", false))
        {
            var folder = Path.GetFullPath(configuration["Smtp:DevelopmentSinkFolder"] ?? Path.Combine(Directory.GetCurrentDirectory(), ".data", "mail"));
            var sink = DevSmtpSink.Start(configuration.GetValue("Smtp:DevelopmentSinkPort", 0), folder);
            services.AddSingleton(sink);
            services.PostConfigure<SmtpOptions>(o =>
            {
                o.Host = "127.0.0.1";
                o.Port = sink.Port;
                o.Security = "None";
            });
        }

        return services;
    }
}
