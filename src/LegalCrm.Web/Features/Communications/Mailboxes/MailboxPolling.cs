using System.Net.Sockets;
using Hangfire;
using LegalCrm.Web.Data;
using LegalCrm.Web.Tenancy;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LegalCrm.Web.Features.Communications.Mailboxes;

/// <summary>
/// Every minute: reads each firm's mailbox over IMAP and captures the messages that arrived since the last poll. A
/// message naming a dossier (plus-address or [number] in the subject) is filed into it; the rest go to the triage queue.
/// </summary>
/// <remarks>
/// Nothing is lost and nothing doubles: the mailbox is opened read-only (messages stay on the server), each message is
/// captured in its own transaction together with the mailbox's "last UID", and a message already captured (same
/// Message-ID, or same content without one) is skipped — so a crash, a retry or a second run captures every message
/// exactly once. A failed connection is recorded for the administrator and retried after a growing pause
/// (<see cref="MailboxBackoff"/>) instead of failing the job.
/// </remarks>
public sealed class MailboxPolling(IServiceScopeFactory scopes, TimeProvider clock, ILogger<MailboxPolling> logger)
{
    public const string JobId = "mailboxes-poll";

    /// <summary>What the administrator sees (English keys, translated on the page); the exception itself goes to the log.</summary>
    public const string RefusedLogin = "The mail server refused the user name or password.";

    public const string Unreachable = "The mail server could not be reached.";

    public const string TlsFailed = "No secure connection could be made to the mail server.";

    public const string FolderMissing = "The folder does not exist in this mailbox.";

    public const string ProtocolFailed = "The mail server answered in a way that was not understood.";

    public const string Unexpected = "Capturing stopped because of an error on our side; it will be tried again.";

    private const int TimeoutMilliseconds = 30_000;

    public sealed record Outcome(bool Succeeded, int Filed, int ToTriage, string? Error);

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task PollAllAsync(CancellationToken ct)
    {
        var firms = await TenantDirectory.ActiveFirmIdsAsync(scopes, ct);

        foreach (var firm in firms)
        {
            await using var scope = scopes.CreateFirmScope(firm);
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var now = clock.GetUtcNow();
            var due = await db.Mailboxes.AsNoTracking()
                .Where(m => m.Enabled && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
                .Select(m => m.Id)
                .SingleOrDefaultAsync(ct);
            if (due != Guid.Empty)
            {
                await PollAsync(firm, due, ct);
            }
        }
    }

    /// <summary>Polls one mailbox now (also the administrator's "check now"); failures are recorded, not thrown.</summary>
    public async Task<Outcome> PollAsync(Guid firmId, Guid mailboxId, CancellationToken ct)
    {
        await using var scope = scopes.CreateFirmScope(firmId, "mailbox");
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CrmDbContext>();
        var mailbox = await db.Mailboxes.AsNoTracking().SingleAsync(m => m.Id == mailboxId, ct);
        var password = services.GetRequiredService<MailboxSecrets>().Unprotect(mailbox.EncryptedPassword);
        var filed = 0;
        var toTriage = 0;
        string? error = null;
        using var client = new ImapClient { Timeout = TimeoutMilliseconds };
        try
        {
            await client.ConnectAsync(mailbox.Host, mailbox.Port, SocketOptions(mailbox.Security), ct);
            await client.AuthenticateAsync(mailbox.UserName, password, ct);
            var folder = await client.GetFolderAsync(mailbox.Folder, ct);
            await folder.OpenAsync(FolderAccess.ReadOnly, ct);
            // UIDs only mean something within one UIDVALIDITY; when the server renews it, start over (Message-IDs
            // still keep what was captured before from being captured again).
            var lastUid = folder.UidValidity == mailbox.UidValidity ? mailbox.LastUid : 0;
            var uids = await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId((uint)Math.Min(lastUid + 1, uint.MaxValue - 1)), UniqueId.MaxValue)), ct);
            foreach (var uid in uids.Where(u => u.Id > lastUid).OrderBy(u => u.Id))
            {
                byte[] raw;
                await using (var stream = await folder.GetStreamAsync(uid, ct))
                using (var buffer = new MemoryStream())
                {
                    await stream.CopyToAsync(buffer, ct);
                    raw = buffer.ToArray();
                }

                switch (await CaptureAsync(firmId, mailbox, raw, uid.Id, folder.UidValidity, ct))
                {
                    case Captured.Filed:
                        filed++;
                        break;
                    case Captured.ToTriage:
                        toTriage++;
                        break;
                }
            }

            await client.DisconnectAsync(quit: true, ct);
        }
        catch (AuthenticationException ex)
        {
            error = Fail(ex, RefusedLogin);
        }
        catch (SslHandshakeException ex)
        {
            error = Fail(ex, TlsFailed);
        }
        catch (FolderNotFoundException ex)
        {
            error = Fail(ex, FolderMissing);
        }
        catch (Exception ex) when (ex is SocketException or IOException or TimeoutException or ServiceNotConnectedException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            error = Fail(ex, Unreachable);
        }
        catch (Exception ex) when (ex is ImapProtocolException or ImapCommandException or NotSupportedException)
        {
            error = Fail(ex, ProtocolFailed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = Fail(ex, Unexpected);
        }

        var now = clock.GetUtcNow();
        if (error is null)
        {
            await db.Mailboxes.Where(m => m.Id == mailboxId).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LastPolledAt, now)
                .SetProperty(m => m.LastSucceededAt, now)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.ConsecutiveFailures, 0)
                .SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null), ct);
        }
        else
        {
            var failures = mailbox.ConsecutiveFailures + 1;
            await db.Mailboxes.Where(m => m.Id == mailboxId).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LastPolledAt, now)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.ConsecutiveFailures, failures)
                .SetProperty(m => m.NextAttemptAt, now + MailboxBackoff.After(failures)), ct);
        }

        if (filed + toTriage > 0)
        {
            logger.LogInformation("Mailbox {MailboxId}: {Filed} filed, {ToTriage} to triage", mailboxId, filed, toTriage);
        }

        return new Outcome(error is null, filed, toTriage, error);

        string Fail(Exception ex, string message)
        {
            logger.LogWarning(ex, "Mailbox {MailboxId} of firm {FirmId} ({Host}:{Port}): {Reason}", mailboxId, firmId, mailbox.Host, mailbox.Port, message);
            return message;
        }
    }

    private enum Captured
    {
        Filed,
        ToTriage,
        Skipped,
    }

    /// <summary>One message, in one transaction with the mailbox's last UID: all of it or none of it.</summary>
    private async Task<Captured> CaptureAsync(Guid firmId, Mailbox mailbox, byte[] raw, uint uid, uint uidValidity, CancellationToken ct)
    {
        await using var scope = scopes.CreateFirmScope(firmId, "mailbox");
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CrmDbContext>();
        var filing = services.GetRequiredService<EmailFiling>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var outcome = Captured.Skipped;
        try
        {
            var email = await EmailFileReader.ReadAsync(new MemoryStream(raw), ct);
            var key = EmailFiling.KeyOf(email, raw);
            if (!await filing.IsCapturedAsync(key, ct))
            {
                var suggestions = await filing.SuggestAsync(email, ct);
                if (suggestions is [{ ByNumber: true } named])
                {
                    await filing.FileAsync(email, key, named.DossierId, authorUserId: null, authorName: $"{mailbox.UserName} (postbus)", ct);
                    outcome = Captured.Filed;
                }
                else
                {
                    db.TriageMessages.Add(TriageEntries.Entry(email, key, raw, TriageSource.Mailbox, mailbox.Id, clock.GetUtcNow(), suggestions.Count > 0 ? suggestions[0].DossierId : null));
                    await db.SaveChangesAsync(ct);
                    outcome = Captured.ToTriage;
                }
            }
        }
        catch (EmailFileException ex)
        {
            // Not an e-mail MimeKit can read: it stays in the mailbox, and the administrator can see it in the log.
            logger.LogWarning("Mailbox {MailboxId}: message UID {Uid} is not a readable e-mail and was skipped: {Reason}", mailbox.Id, uid, ex.Message);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Captured at the same moment by another route (an upload): it is there once, which is what counts.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            await using var next = await db.Database.BeginTransactionAsync(ct);
            await RecordUidAsync(db, mailbox.Id, uid, uidValidity, Captured.Skipped, ct);
            await next.CommitAsync(ct);
            return Captured.Skipped;
        }

        await RecordUidAsync(db, mailbox.Id, uid, uidValidity, outcome, ct);
        await transaction.CommitAsync(ct);
        return outcome;
    }

    private static Task<int> RecordUidAsync(CrmDbContext db, Guid mailboxId, uint uid, uint uidValidity, Captured outcome, CancellationToken ct) =>
        db.Mailboxes.Where(m => m.Id == mailboxId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LastUid, (long)uid)
            .SetProperty(m => m.UidValidity, (long)uidValidity)
            .SetProperty(m => m.MessagesFiled, m => m.MessagesFiled + (outcome == Captured.Filed ? 1 : 0))
            .SetProperty(m => m.MessagesToTriage, m => m.MessagesToTriage + (outcome == Captured.ToTriage ? 1 : 0)), ct);

    public static SecureSocketOptions SocketOptions(MailboxSecurity security) => security switch
    {
        MailboxSecurity.Tls => SecureSocketOptions.SslOnConnect,
        MailboxSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.None,
    };
}
