using System.Text.Encodings.Web;
using System.Text.Unicode;
using Hangfire;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Infrastructure.DemoData;
using LegalCrm.Web.Infrastructure.Email;
using LegalCrm.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;
using Serilog;

namespace LegalCrm.Web.Infrastructure.Startup;

public static class WebStartup
{
    public static IServiceCollection AddCrmWeb(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        // Dutch text (é, ë, ï) is written as is; HTML-significant characters stay encoded.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>(ModelBindingMessages.Localize);

        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(SupportedCultures.Default);
            o.AddSupportedCultures([.. SupportedCultures.All]);
            o.AddSupportedUICultures([.. SupportedCultures.All]);
            o.RequestCultureProviders = [new UserCultureProvider(), new CookieRequestCultureProvider()];
        });

        services.AddScoped<DemoFirmSeeder>();
        services.AddScoped<DemoCaseload>();
        return services;
    }

    public static void UseCrmPipeline(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        Diagnostics.SqlCommandCount.Use(app);
        if (!string.IsNullOrWhiteSpace(app.Configuration["Security:KnownProxies"]))
        {
            app.UseForwardedHeaders();
        }

        app.UseSerilogRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error/500");
            if (app.Configuration.GetValue("Security:SecureCookies", true))
            {
                app.UseHsts();
            }
        }

        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseRequestLocalization();
        app.UseMiddleware<TwoFactorEnrolmentGate>();
        app.UseAuthorization();
    }

    public static void MapCrmEndpoints(this WebApplication app)
    {
        app.MapRazorPages();
        Features.Agenda.CalendarFeedEndpoint.MapCalendarFeed(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapHangfireDashboard("/admin/jobs", new DashboardOptions
        {
            // Endpoint authorization below decides; Hangfire's own filter would allow local requests only.
            Authorization = [],
            AppPath = "/",
            DashboardTitle = "LegalCrm — jobs",
            DisplayStorageConnectionString = false,
        })
            .RequireAuthorization(RequirePermissionAttribute.PolicyPrefix + Permissions.AdminJobs);
    }

    public static async Task StartCrmServicesAsync(this WebApplication app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<OutboxDispatcher>(OutboxDispatcher.SweepJobId, d => d.SweepAsync(CancellationToken.None), Cron.Minutely());
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<Features.Documents.DocumentOrphanSweep>(Features.Documents.DocumentOrphanSweep.JobId, s => s.SweepAsync(CancellationToken.None), Cron.Daily(3));
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<Features.Communications.Mailboxes.MailboxPolling>(Features.Communications.Mailboxes.MailboxPolling.JobId, p => p.PollAllAsync(CancellationToken.None), Cron.Minutely());
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<Features.Deadlines.DeadlineReminderSweep>(Features.Deadlines.DeadlineReminderSweep.JobId, s => s.SweepAsync(CancellationToken.None), "*/5 * * * *");
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<Features.Tasks.OverdueTaskDigest>(
                Features.Tasks.OverdueTaskDigest.JobId,
                d => d.SendAllAsync(CancellationToken.None),
                Features.Tasks.OverdueTaskDigest.Schedule,
                new RecurringJobOptions { TimeZone = Time.AmsterdamTime.Zone });
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<Features.Privacy.PrivacyReminders>(
                Features.Privacy.PrivacyReminders.JobId,
                r => r.SendAllAsync(CancellationToken.None),
                Features.Privacy.PrivacyReminders.Schedule,
                new RecurringJobOptions { TimeZone = Time.AmsterdamTime.Zone });
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<Features.Privacy.BreachAlerts>(Features.Privacy.BreachAlerts.JobId, a => a.SweepAsync(CancellationToken.None), Features.Privacy.BreachAlerts.Schedule);
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<Features.Privacy.RetentionSweep>(
                Features.Privacy.RetentionSweep.JobId,
                s => s.SweepAllAsync(CancellationToken.None),
                Features.Privacy.RetentionSweep.Schedule,
                new RecurringJobOptions { TimeZone = Time.AmsterdamTime.Zone });

        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<Features.Access.Review.AccessReviewReminders>(
                Features.Access.Review.AccessReviewReminders.JobId,
                r => r.SendAllAsync(CancellationToken.None),
                Features.Access.Review.AccessReviewReminders.Schedule,
                new RecurringJobOptions { TimeZone = Time.AmsterdamTime.Zone });
        var backup = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Features.Backups.BackupOptions>>().Value;
        if (backup.Scheduled)
        {
            app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<Features.Backups.BackupJob>(
                Features.Backups.BackupJob.JobId, j => j.ScheduledAsync(CancellationToken.None), backup.Schedule, new RecurringJobOptions { TimeZone = Time.AmsterdamTime.Zone });
        }
        else
        {
            app.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(Features.Backups.BackupJob.JobId);
        }

        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<Features.Audit.AuditChainSealJob>(Features.Audit.AuditChainSealJob.JobId, j => j.SealAllAsync(CancellationToken.None), Cron.Minutely());

        if (app.Configuration.GetValue("Demo:Seed", app.Environment.IsDevelopment()))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoFirmSeeder>().SeedAsync();
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            app.Logger.LogInformation("LegalCrm is running at {Urls}", urls);
        });
    }
}
