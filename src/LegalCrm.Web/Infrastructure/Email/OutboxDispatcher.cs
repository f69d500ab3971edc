using Hangfire;
using LegalCrm.Web.Data;
using LegalCrm.Web.Tenancy;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LegalCrm.Web.Infrastructure.Email;

/// <summary>
/// Sends queued e-mail over SMTP with MailKit. Jobs get the firm id as an argument (no HttpContext in a job) and are
/// idempotent: a message already sent is skipped, and a message is locked while it is sent so two workers never send it twice.
/// A failure is recorded on the message and the job is retried by Hangfire with back-off.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IOptions<SmtpOptions> smtp,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    public const string SweepJobId = "email-outbox-sweep";

    [AutomaticRetry(Attempts = 10, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task SendAsync(Guid tenantId, Guid messageId, CancellationToken ct)
    {
        await using var scope = scopes.CreateFirmScope(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var message = await db.OutboxMessages
            .FromSql($"SELECT * FROM outbox_messages WHERE id = {messageId} FOR UPDATE SKIP LOCKED")
            .SingleOrDefaultAsync(ct);
        if (message is null || message.SentAt is not null)
        {
            return;
        }

        message.Attempts++;
        try
        {
            await DeliverAsync(message, ct);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or AuthenticationException or TimeoutException)
        {
            message.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogWarning(ex, "Sending e-mail {MessageId} failed (attempt {Attempt}); it will be retried", message.Id, message.Attempts);
            throw;
        }

        message.SentAt = clock.GetUtcNow();
        message.LastError = null;
        message.TextBody = null;
        message.HtmlBody = null;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Sent e-mail {MessageId} to {Recipient}", message.Id, message.ToAddress);
    }

    /// <summary>Recurring: hands every unsent message of every firm to <see cref="SendAsync"/> again.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task SweepAsync(CancellationToken ct)
    {
        var firms = await TenantDirectory.ActiveFirmIdsAsync(scopes, ct);

        foreach (var firm in firms)
        {
            List<Guid> pending;
            await using (var scope = scopes.CreateFirmScope(firm))
            {
                var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
                var staleBefore = clock.GetUtcNow().AddMinutes(-1);
                pending = await db.OutboxMessages
                    .Where(m => m.SentAt == null && m.CreatedAt < staleBefore && m.Attempts < 10)
                    .OrderBy(m => m.CreatedAt)
                    .Select(m => m.Id)
                    .Take(500)
                    .ToListAsync(ct);
            }

            foreach (var id in pending)
            {
                try
                {
                    await SendAsync(firm, id, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Sweep could not send e-mail {MessageId}", id);
                }
            }
        }
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        var options = smtp.Value;
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? string.Empty, message.ToAddress));
        mime.Subject = message.Subject;
        mime.Headers.Add("X-LegalCrm-Message-Id", message.Id.ToString());
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();

        using var client = new SmtpClient { Timeout = 30_000 };
        var security = Enum.TryParse<SecureSocketOptions>(options.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.StartTls;
        await client.ConnectAsync(options.Host ?? "localhost", options.Port, security, ct);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, ct);
        }

        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
