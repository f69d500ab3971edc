using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace LegalCrm.TestSupport;

/// <summary>
/// A real IMAP server for tests: Debian's Dovecot (<c>dovecot-imapd</c>, installed by <c>.ci/install-prerequisites</c>)
/// started on a free port with a private configuration, one account, and mail kept in a temporary folder. Messages are
/// delivered with IMAP APPEND, as a mail client would.
/// </summary>
public sealed class TestImapServer : IAsyncDisposable
{
    public const string UserName = "kantoor@example.test";
    public const string Password = "imap-test-geheim";
    private const string Dovecot = "/usr/sbin/dovecot";

    private readonly string _folder;

    private TestImapServer(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static bool IsInstalled => File.Exists(Dovecot);

    public static async Task<TestImapServer> StartAsync()
    {
        if (!IsInstalled || OperatingSystem.IsWindows())
        {
            throw new InvalidOperationException($"Dovecot is not installed ({Dovecot}); run: sudo bash .ci/install-prerequisites tests");
        }

        var folder = Directory.CreateTempSubdirectory("legalcrm-imap-").FullName;
        foreach (var sub in new[] { "run", "state", "home" })
        {
            Directory.CreateDirectory(Path.Combine(folder, sub));
        }

        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var port = LegalCrm.Web.Infrastructure.Database.EmbeddedPostgres.FreePort();
        await File.WriteAllTextAsync(Path.Combine(folder, "users"), $"{UserName}:{{PLAIN}}{Password}\n");

        // As root Dovecot drops to its own users and keeps mail as "dovecot"; as anyone else it runs as that user.
        var asRoot = Environment.UserName == "root";
        var mailUser = asRoot ? "dovecot" : Environment.UserName;
        if (asRoot)
        {
            await RunAsync("chown", $"-R dovecot:dovecot {Path.Combine(folder, "home")}");
        }

        var config = $$"""
            base_dir = {{folder}}/run
            state_dir = {{folder}}/state
            log_path = {{folder}}/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            first_valid_uid = 1
            first_valid_gid = 1
            mail_location = maildir:~/Maildir
            {{(asRoot ? string.Empty : $"default_internal_user = {mailUser}\ndefault_login_user = {mailUser}\ndefault_internal_group = {mailUser}")}}
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{folder}}/users
            }
            userdb {
              driver = static
              args = uid={{mailUser}} gid={{mailUser}} home={{folder}}/home/%u
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service stats {
              unix_listener stats-reader {
                mode = 0666
              }
              unix_listener stats-writer {
                mode = 0666
              }
            }
            """;
        var configPath = Path.Combine(folder, "dovecot.conf");
        await File.WriteAllTextAsync(configPath, config);
        await RunAsync(Dovecot, $"-c {configPath}");

        var server = new TestImapServer(folder, port);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Puts a message in the account's inbox, as if it had been delivered.</summary>
    public async Task DeliverAsync(MimeMessage message)
    {
        using var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(UserName, Password);
        await client.Inbox.AppendAsync(message, MessageFlags.None);
        await client.DisconnectAsync(true);
    }

    public async ValueTask DisposeAsync()
    {
        var pidFile = Path.Combine(_folder, "run", "master.pid");
        if (File.Exists(pidFile) && int.TryParse((await File.ReadAllTextAsync(pidFile)).Trim(), out var pid))
        {
            try
            {
                using var master = Process.GetProcessById(pid);
                master.Kill(entireProcessTree: true);
                await master.WaitForExitAsync();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A process still closing a file: the temporary folder is cleaned up by the system.
        }
    }


    /// <summary>
    /// Runs a command to its end. Output is not captured: Dovecot leaves a daemon behind that would hold the pipes open;
    /// its own log file says what went wrong.
    /// </summary>
    private static async Task RunAsync(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed with exit code {process.ExitCode}.");
        }
    }
}
