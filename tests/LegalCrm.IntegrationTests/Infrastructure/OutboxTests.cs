using System.Net;
using System.Net.Sockets;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LegalCrm.IntegrationTests.Infrastructure;

public sealed class OutboxTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;

    public async Task InitializeAsync() => _firm = await app.CreateFirmAsync("Outbox");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_failed_send_is_recorded_and_retried_later_and_a_sent_message_is_never_sent_twice()
    {
        Guid id;
        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var message = new OutboxMessage { ToAddress = "client@outbox.test", Subject = "Outbox test", TextBody = "Body with a secret link", CreatedAt = DateTimeOffset.UtcNow };
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            id = message.Id;
        }

        var down = Dispatcher(new SmtpOptions { Host = "127.0.0.1", Port = ClosedPort(), Security = "None" });
        await Assert.ThrowsAnyAsync<SocketException>(() => down.SendAsync(_firm.Id, id, CancellationToken.None));
        var failed = await LoadAsync(id);
        Assert.Equal(1, failed.Attempts);
        Assert.Null(failed.SentAt);
        Assert.False(string.IsNullOrEmpty(failed.LastError));

        var up = Dispatcher(new SmtpOptions { Host = "127.0.0.1", Port = app.Mail.Port, Security = "None" });
        await up.SendAsync(_firm.Id, id, CancellationToken.None);
        await up.SendAsync(_firm.Id, id, CancellationToken.None);

        var sent = await LoadAsync(id);
        Assert.NotNull(sent.SentAt);
        Assert.Null(sent.TextBody);
        Assert.Single(app.Mail.Messages, m => m.Subject == "Outbox test");
    }

    private OutboxDispatcher Dispatcher(SmtpOptions options) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), Options.Create(options), TimeProvider.System, NullLogger<OutboxDispatcher>.Instance);

    private async Task<OutboxMessage> LoadAsync(Guid id)
    {
        await using var scope = app.FirmScope(_firm.Id);
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
