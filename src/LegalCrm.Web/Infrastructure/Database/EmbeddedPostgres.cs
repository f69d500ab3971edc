using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using LegalCrm.Web.Data;
using Npgsql;

namespace LegalCrm.Web.Infrastructure.Database;

public sealed record EmbeddedPostgresOptions
{
    /// <summary>The cluster's folder; kept between runs unless <see cref="Ephemeral"/>.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one at each start.</summary>
    public int Port { get; init; }

    public string? BinDirectory { get; init; }

    public string Database { get; init; } = "legalcrm";

    /// <summary>A throwaway cluster for tests: no fsync, removed on dispose.</summary>
    public bool Ephemeral { get; init; }

    /// <summary>PostgreSQL's max_connections; null keeps its default (100).</summary>
    public int? MaxConnections { get; init; }

    /// <summary>PostgreSQL's shared_buffers (e.g. "2GB"); null keeps its default (128MB), enough for a demo firm.</summary>
    public string? SharedBuffers { get; init; }
}

/// <summary>
/// A private PostgreSQL server started from the machine's binaries when no connection string is configured.
/// It listens on loopback only, with passwords (SCRAM) kept in a file beside the cluster readable by the
/// current user only. As root, PostgreSQL itself runs as the <c>postgres</c> user (it refuses to run as root).
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const string SuperUser = "postgres";
    private const string AppLogin = "legalcrm_web";

    private EmbeddedPostgresOptions _options;
    private readonly ILogger _logger;
    private readonly string _binDirectory;
    private readonly bool _asPostgresUser;
    private bool _stopped;

    private EmbeddedPostgres(EmbeddedPostgresOptions options, ILogger logger, string binDirectory)
    {
        _options = options;
        _logger = logger;
        _binDirectory = binDirectory;
        _asPostgresUser = Environment.UserName == "root";
    }

    public string AppConnectionString { get; private set; } = string.Empty;

    public string AdminConnectionString { get; private set; } = string.Empty;

    public int Port { get; private set; }

    public string DataDirectory => _options.DataDirectory;

    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, ILogger logger, CancellationToken ct = default)
    {
        var bin = PostgresBinaries.Find(options.BinDirectory) ?? throw new EmbeddedPostgresException(PostgresBinaries.InstallHelp);
        var server = new EmbeddedPostgres(options, logger, bin);
        await server.StartCoreAsync(ct);
        return server;
    }

    private string ClusterDirectory => Path.Combine(_options.DataDirectory, "cluster");

    private string CredentialsFile => Path.Combine(_options.DataDirectory, "credentials.json");

    private async Task StartCoreAsync(CancellationToken ct)
    {
        PrepareDirectory(_options.DataDirectory, ownedByPostgres: false);
        if (_asPostgresUser && await RunProcessAsync("test", ["-x", _options.DataDirectory], asPostgres: true, throwOnError: false, ct) != 0)
        {
            // A parent folder is private to root (e.g. a checkout under /root): PostgreSQL, running as postgres, cannot
            // reach it. Keep the cluster in a folder of its own instead, one per configured path.
            var fallback = Path.Combine("/var/lib/legalcrm", Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(_options.DataDirectory)))[..12].ToLowerInvariant());
            _logger.LogWarning("The postgres user cannot reach {Directory}; keeping the embedded database in {Fallback} instead", _options.DataDirectory, fallback);
            _options = _options with { DataDirectory = fallback };
            PrepareDirectory("/var/lib/legalcrm", ownedByPostgres: false);
            PrepareDirectory(_options.DataDirectory, ownedByPostgres: false);
        }

        var credentials = LoadOrCreateCredentials();

        if (!File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION")))
        {
            await InitialiseClusterAsync(credentials.SuperUserPassword, ct);
        }
        else if (await RunAsync("pg_ctl", ["status", "-D", ClusterDirectory], ct, throwOnError: false) == 0)
        {
            // Left running by a process that did not stop cleanly: restart it under our control.
            _logger.LogWarning("The embedded PostgreSQL in {Directory} was still running; restarting it", ClusterDirectory);
            await RunAsync("pg_ctl", ["stop", "-D", ClusterDirectory, "-m", "fast", "-w"], ct);
        }

        Port = _options.Port != 0 ? _options.Port : FreePort();
        var settings = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''";
        if (_options.Ephemeral)
        {
            settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        }

        if (_options.MaxConnections is { } max)
        {
            settings += $" -c max_connections={max}";
        }

        if (_options.SharedBuffers is { } buffers)
        {
            settings += $" -c shared_buffers={buffers}";
        }

        await RunAsync("pg_ctl", ["start", "-D", ClusterDirectory, "-w", "-t", "60", "-l", Path.Combine(ClusterDirectory, "server.log"), "-o", settings], ct);
        _logger.LogInformation("Embedded PostgreSQL started on 127.0.0.1:{Port} with data in {Directory}", Port, ClusterDirectory);

        AdminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = SuperUser,
            Password = credentials.SuperUserPassword,
            Database = _options.Database,
        }.ConnectionString;
        AppConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = AppLogin,
            Password = credentials.AppPassword,
            Database = _options.Database,
        }.ConnectionString;

        await DatabaseProvisioner.EnsureAsync(AdminConnectionString, _options.Database, AppLogin, credentials.AppPassword, ct);
    }

    private async Task InitialiseClusterAsync(string superUserPassword, CancellationToken ct)
    {
        PrepareDirectory(ClusterDirectory, ownedByPostgres: true);
        var passwordFile = Path.Combine(Path.GetTempPath(), $"legalcrm-pw-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(passwordFile, superUserPassword, ct);
        try
        {
            SetMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            if (_asPostgresUser)
            {
                await Chown(passwordFile, ct);
            }

            _logger.LogInformation("Creating a PostgreSQL cluster in {Directory}", ClusterDirectory);
            List<string> args = ["-D", ClusterDirectory, "-U", SuperUser, "--pwfile", passwordFile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"];
            if (_options.Ephemeral)
            {
                args.Add("--no-sync");
            }

            await RunAsync("initdb", args, ct);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private void PrepareDirectory(string path, bool ownedByPostgres)
    {
        Directory.CreateDirectory(path);
        if (ownedByPostgres)
        {
            // PostgreSQL insists on a private data folder; the umask may have trimmed other modes.
            SetMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            if (_asPostgresUser)
            {
                Chown(path, CancellationToken.None).GetAwaiter().GetResult();
            }
        }
        else if (_asPostgresUser)
        {
            // The postgres user must be able to pass through our folder to reach its own.
            SetMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    private static Task<int> Chown(string path, CancellationToken ct) =>
        RunProcessAsync("chown", ["-R", "postgres:postgres", path], asPostgres: false, throwOnError: true, ct);

    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    private Credentials LoadOrCreateCredentials()
    {
        if (File.Exists(CredentialsFile))
        {
            return JsonSerializer.Deserialize<Credentials>(File.ReadAllText(CredentialsFile))
                ?? throw new EmbeddedPostgresException($"{CredentialsFile} is unreadable; remove {_options.DataDirectory} to start afresh.");
        }

        var credentials = new Credentials(NewSecret(), NewSecret());
        File.WriteAllText(CredentialsFile, JsonSerializer.Serialize(credentials));
        SetMode(CredentialsFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return credentials;
    }

    private static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>A TCP port on loopback that nothing listens on now (for a server started next).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task<int> RunAsync(string tool, IReadOnlyList<string> args, CancellationToken ct, bool throwOnError = true) =>
        RunProcessAsync(Path.Combine(_binDirectory, tool), args, _asPostgresUser, throwOnError, ct);

    private static async Task<int> RunProcessAsync(string program, IReadOnlyList<string> args, bool asPostgres, bool throwOnError, CancellationToken ct)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new EmbeddedPostgresException($"Could not start {program}.");
        // pg_ctl start leaves the server holding stdout open; read to end only after exit via async tasks.
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0 && throwOnError)
        {
            var output = (await stderr) + (await stdout);
            throw new EmbeddedPostgresException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {output.Trim()}");
        }

        return process.ExitCode;
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        await RunAsync("pg_ctl", ["stop", "-D", ClusterDirectory, "-m", "fast", "-w"], CancellationToken.None, throwOnError: false);
        _logger.LogInformation("Embedded PostgreSQL stopped");
        if (_options.Ephemeral)
        {
            Directory.Delete(_options.DataDirectory, recursive: true);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed record Credentials(string SuperUserPassword, string AppPassword);
}

public sealed class EmbeddedPostgresException(string message) : Exception(message);
