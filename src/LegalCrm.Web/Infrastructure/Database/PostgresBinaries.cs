using System.Diagnostics;

namespace LegalCrm.Web.Infrastructure.Database;

/// <summary>Finds the PostgreSQL server programs on this machine: <c>pg_config --bindir</c>, then PATH, then /usr/lib/postgresql/*/bin.</summary>
public static class PostgresBinaries
{
    public const string InstallHelp =
        "No PostgreSQL server programs (initdb, pg_ctl, postgres) were found. Either install them, e.g. on Debian/Ubuntu " +
        "'sudo apt-get install -y postgresql' (the server need not run: LegalCrm starts its own), or point the app at an " +
        "existing database with the environment variables ConnectionStrings__Crm (the app's login) and ConnectionStrings__CrmAdmin " +
        "(the owner, for migrations). See README.md, 'Production'.";

    public static string? Find(string? configured = null)
    {
        foreach (var candidate in Candidates(configured))
        {
            if (File.Exists(Path.Combine(candidate, "initdb")) && File.Exists(Path.Combine(candidate, "pg_ctl")))
            {
                return candidate;
            }
        }

        return null;
    }

    private static IEnumerable<string> Candidates(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            yield return configured;
        }

        if (TryRun("pg_config", "--bindir") is { } bindir)
        {
            yield return bindir;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return dir;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var versions = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .OrderByDescending(d => d.Version);
            foreach (var (dir, _) in versions)
            {
                yield return Path.Combine(dir, "bin");
            }
        }
    }

    private static string? TryRun(string program, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, argument) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
