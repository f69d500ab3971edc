using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace LegalCrm.Web.Infrastructure.Email;

/// <summary>
/// A local SMTP server that accepts every message and keeps it: in memory for tests, and as .eml files in a folder
/// for a developer to open. The app still sends through real SMTP (MailKit) to it; only in Development with no
/// <c>Smtp:Host</c> configured does the app start one, and tests start their own.
/// </summary>
public sealed class DevSmtpSink : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store;

    private DevSmtpSink(int port, string? folder, ILogger? logger)
    {
        Port = port;
        _store = new Store(folder, logger);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Messages => _store.Messages;

    public static DevSmtpSink Start(int port = 0, string? folder = null, ILogger? logger = null)
    {
        if (port == 0)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        return new DevSmtpSink(port, folder, logger);
    }

    /// <summary>Waits until a message that matches has arrived (tests), or throws after the timeout.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = _store.Messages.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No matching e-mail arrived within {timeout.TotalSeconds} s; {_store.Messages.Length} other(s) did.");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopping is what we asked for.
        }

        _stop.Dispose();
    }

    private sealed class Store(string? folder, ILogger? logger) : MessageStore
    {
        private readonly ConcurrentQueue<MimeMessage> _messages = new();

        public MimeMessage[] Messages => _messages.ToArray();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            _messages.Enqueue(message);
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
                var file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
                await message.WriteToAsync(file, cancellationToken);
                logger?.LogInformation("Development mail sink received \"{Subject}\" for {To}; saved as {File}", message.Subject, message.To.ToString(), file);
            }

            return SmtpResponse.Ok;
        }
    }
}
