using System.ComponentModel.DataAnnotations;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Backups;
using LegalCrm.Web.Infrastructure.Keys;
using LegalCrm.Web.Infrastructure.Startup;
using LegalCrm.Web.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace LegalCrm.Web.Infrastructure.Commands;

/// <summary>
/// The operator's commands, run instead of the web server:
/// <c>migrate</c> brings the database up to date;
/// <c>firm create --name "…" --admin-email … [--admin-name "…"]</c> creates a firm and prints its admin's one-time link;
/// <c>audit verify [--firm id]</c> verifies the audit chain of every firm (or one) and exits with 1 when a link is broken;
/// <c>keys new-kek</c> prints a fresh key-encryption key; <c>keys rewrap</c> moves the key ring to the current one;
/// <c>keys rotate-documents [--firm id]</c> gives new document files a new key;
/// <c>backup [--to folder]</c> and <c>restore --from folder [--replace]</c> (README, "Backup, restore and emergency plan").
/// </summary>
public sealed class CliCommand
{
    private readonly string _verb;
    private readonly Dictionary<string, string> _options;

    private CliCommand(string verb, Dictionary<string, string> options)
    {
        _verb = verb;
        _options = options;
    }

    /// <summary>Splits the command (if any) from the arguments meant for the host's configuration.</summary>
    public static (CliCommand? Command, string[] HostArgs) Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return (null, args);
        }

        var verb = args[0] is "firm" or "audit" or "keys" && args.Length > 1 ? $"{args[0]} {args[1]}" : args[0];
        var rest = args.Skip(verb.Contains(' ', StringComparison.Ordinal) ? 2 : 1).ToArray();
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var hostArgs = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] is "--name" or "--admin-email" or "--admin-name" or "--firm" or "--to" or "--from" && i + 1 < rest.Length)
            {
                options[rest[i][2..]] = rest[++i];
            }
            else if (rest[i] is "--replace")
            {
                options["replace"] = "true";
            }
            else
            {
                hostArgs.Add(rest[i]);
            }
        }

        return (new CliCommand(verb, options), hostArgs.ToArray());
    }

    /// <summary>Commands that need neither configuration nor database; null when this one does.</summary>
    public int? RunWithoutHost()
    {
        if (_verb != "keys new-kek")
        {
            return null;
        }

        Console.WriteLine(KeyEncryptionKeys.NewKey());
        Console.Error.WriteLine("Set this as Security__KeyEncryptionKey (a secret: keep it out of the database and its backups, and keep a copy in the emergency plan).");
        return 0;
    }

    public async Task<int> RunAsync(WebApplication app, bool embedded)
    {
        switch (_verb)
        {
            case "migrate":
                var admin = app.Configuration.GetConnectionString(DatabaseStartup.AdminConnection);
                if (string.IsNullOrWhiteSpace(admin))
                {
                    await Console.Error.WriteLineAsync("Set ConnectionStrings__CrmAdmin to the database owner's connection string to migrate.");
                    return 2;
                }

                await DatabaseMigrator.MigrateAsync(admin, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LegalCrm.Migrate"));
                Console.WriteLine("The database is up to date.");
                return 0;
            case "firm create":
                await DatabaseStartup.PrepareAsync(app, embedded);
                return await CreateFirmAsync(app);
            case "audit verify":
                await DatabaseStartup.PrepareAsync(app, embedded);
                return await VerifyAuditAsync(app);
            case "backup":
                await DatabaseStartup.PrepareAsync(app, embedded);
                return await BackupAsync(app);
            case "restore":
                // Not PrepareAsync: the database is restored first, then migrated.
                return await RestoreAsync(app);
            case "keys rewrap":
                await DatabaseStartup.PrepareAsync(app, embedded);
                return await KeyCommands.RewrapAsync(app);
            case "keys rotate-documents":
                await DatabaseStartup.PrepareAsync(app, embedded);
                return await SelectedFirmsAsync(app) is { } firmsToRotate ? await KeyCommands.RotateDocumentKeysAsync(app, firmsToRotate) : 2;
            default:
                await Console.Error.WriteLineAsync(
                    $"Unknown command '{_verb}'. Commands: migrate | firm create --name \"Firm\" --admin-email admin@firm.nl [--admin-name \"Name\"] | " +
                    "audit verify [--firm <id>] | backup [--to <folder>] | restore --from <folder> [--replace] | keys new-kek | keys rewrap | keys rotate-documents [--firm <id>]");
                return 2;
        }
    }

    private async Task<int> CreateFirmAsync(WebApplication app)
    {
        var name = _options.GetValueOrDefault("name")?.Trim();
        var email = _options.GetValueOrDefault("admin-email")?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200 || string.IsNullOrEmpty(email) || !new EmailAddressAttribute().IsValid(email))
        {
            await Console.Error.WriteLineAsync("Usage: firm create --name \"Firm name\" --admin-email admin@firm.nl [--admin-name \"Full name\"]");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var normalized = services.GetRequiredService<ILookupNormalizer>().NormalizeEmail(email)!;
        if (await services.GetRequiredService<TenantDirectory>().FindTenantOfLoginAsync(normalized) is not null)
        {
            await Console.Error.WriteLineAsync($"The e-mail address {email} already belongs to a user.");
            return 1;
        }

        var firm = await services.GetRequiredService<FirmProvisioning>().CreateAsync(name, email, _options.GetValueOrDefault("admin-name") ?? email);
        var link = await services.GetRequiredService<AccountLinks>().InvitationAsync(firm.Admin);
        Console.WriteLine($"Created the firm \"{name}\" ({firm.FirmId}) with administrator {email}.");
        Console.WriteLine($"One-time link to set the password (valid {InvitationTokenProvider.Lifespan.Days} days):");
        Console.WriteLine(link);
        return 0;
    }

    private async Task<int> BackupAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<BackupWriter>();
        var backup = await writer.WriteAsync(_options.GetValueOrDefault("to"));
        Console.WriteLine($"Backup written to {backup.Path}");
        Console.WriteLine($"  database {backup.Manifest.DatabaseBytes:N0} bytes, {backup.Manifest.DocumentFiles:N0} document files ({backup.Manifest.DocumentBytes:N0} bytes)");
        Console.WriteLine($"  key-encryption key(s) needed to restore: {(backup.Manifest.KeyEncryptionKeyIds.Count == 0 ? "none (keys stored unencrypted: Development)" : string.Join(", ", backup.Manifest.KeyEncryptionKeyIds))}");
        return 0;
    }

    private async Task<int> RestoreAsync(WebApplication app)
    {
        var from = _options.GetValueOrDefault("from");
        var admin = app.Configuration.GetConnectionString(DatabaseStartup.AdminConnection);
        if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(admin))
        {
            await Console.Error.WriteLineAsync("Usage: restore --from <backup folder> [--replace], with ConnectionStrings__CrmAdmin set to the database owner.");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var documents = Path.GetFullPath(
            scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Features.Documents.DocumentOptions>>().Value.StoragePath,
            app.Environment.ContentRootPath);
        try
        {
            var report = await scope.ServiceProvider.GetRequiredService<BackupRestorer>().RestoreAsync(
                Path.GetFullPath(from), admin, documents, _options.ContainsKey("replace"), app.Configuration["Database:PostgresBinDirectory"]);
            Console.WriteLine($"Restored the backup of {report.Manifest.CreatedAt:u}: " +
                              string.Join(", ", report.RowCounts.Select(c => $"{c.Key} {c.Value:N0}")) + $"; {report.Manifest.DocumentFiles:N0} document files.");
            if (report.PreviousDocuments is { } previous)
            {
                Console.WriteLine($"The document folder that was there is kept at {previous}.");
            }

            return 0;
        }
        catch (BackupRefusedException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message);
            return 1;
        }
    }

    /// <summary>The firm named by <c>--firm</c>, else every active firm; null (after saying why) when the option is not an id.</summary>
    private async Task<IReadOnlyList<Guid>?> SelectedFirmsAsync(WebApplication app)
    {
        if (_options.GetValueOrDefault("firm") is not { } firmOption)
        {
            return await TenantDirectory.ActiveFirmIdsAsync(app.Services.GetRequiredService<IServiceScopeFactory>());
        }

        if (Guid.TryParse(firmOption, out var firmId))
        {
            return [firmId];
        }

        await Console.Error.WriteLineAsync($"'{firmOption}' is not a firm id (--firm <firm id>).");
        return null;
    }

    private async Task<int> VerifyAuditAsync(WebApplication app)
    {
        if (await SelectedFirmsAsync(app) is not { } firms)
        {
            return 2;
        }

        var broken = 0;
        foreach (var firm in firms)
        {
            await using var scope = app.Services.CreateFirmScope(firm, "audit verify");
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<CrmDbContext>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var run = new AuditVerification { RequestedAt = now, RequestedByName = "system: audit verify", StartedAt = now };
            db.AuditVerifications.Add(run);
            var report = await services.GetRequiredService<AuditChainVerification>().RunAsync(progress: null);
            services.GetRequiredService<AuditVerificationJob>().Record(services, run, report);
            await db.SaveChangesAsync();

            Console.WriteLine($"Firm {firm}: {report.Checked} rows checked, {report.Anonymised} anonymised by recorded runs, {report.Unsealed} not sealed yet, head {report.HeadSeq} {Convert.ToHexStringLower(report.HeadHash)}");
            if (!report.Intact)
            {
                broken++;
                Console.WriteLine($"  BROKEN: {report.ProblemCount} problem(s); first:");
                foreach (var problem in report.Problems)
                {
                    Console.WriteLine($"  - {problem.Kind} at link {problem.Seq} (audit row {problem.Id}, {problem.Action} {problem.EntityType}, {problem.OccurredAt:u})"
                        + (problem.MissingFrom is { } from ? $"; links {from}–{problem.Seq - 1} are missing" : string.Empty));
                }
            }
        }

        Console.WriteLine(broken == 0 ? $"The audit chain of {firms.Count} firm(s) is intact." : $"The audit chain of {broken} of {firms.Count} firm(s) is broken.");
        return broken == 0 ? 0 : 1;
    }
}
