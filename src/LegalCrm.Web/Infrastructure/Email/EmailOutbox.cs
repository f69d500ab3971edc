using Hangfire;
using LegalCrm.Web.Data;

namespace LegalCrm.Web.Infrastructure.Email;

/// <summary>
/// Queues e-mail. <see cref="Add"/> puts the message in the DbContext, so it is saved with the caller's change;
/// after the caller has saved, <see cref="DispatchSaved"/> asks Hangfire to send it now. Should that request be lost,
/// the recurring sweep of <see cref="OutboxDispatcher"/> still sends it.
/// </summary>
public sealed class EmailOutbox(CrmDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    private readonly List<OutboxMessage> _added = [];

    public void Add(string toAddress, string? toName, string subject, string textBody, string? htmlBody = null)
    {
        var message = new OutboxMessage
        {
            ToAddress = toAddress,
            ToName = toName,
            Subject = subject,
            TextBody = textBody,
            HtmlBody = htmlBody,
            CreatedAt = clock.GetUtcNow(),
        };
        db.OutboxMessages.Add(message);
        _added.Add(message);
    }

    public void DispatchSaved()
    {
        foreach (var message in _added)
        {
            jobs.Enqueue<OutboxDispatcher>(d => d.SendAsync(message.TenantId, message.Id, CancellationToken.None));
        }

        _added.Clear();
    }
}
