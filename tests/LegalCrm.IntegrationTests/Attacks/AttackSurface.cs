using System.Reflection;
using System.Text.RegularExpressions;
using LegalCrm.TestSupport;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Infrastructure.DemoData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LegalCrm.IntegrationTests.Attacks;

/// <summary>One page as the router knows it: its route, its model, the handlers it answers and who may open it.</summary>
public sealed record PageRoute(RoutePattern Pattern, Type Model, IReadOnlyList<string> GetHandlers, IReadOnlyList<string> PostHandlers, string? Permission, bool Anonymous)
{
    public IReadOnlyList<string> GuidParameters => [.. Pattern.Parameters.Where(p => p.ParameterPolicies.Any(c => c.Content == "guid")).Select(p => p.Name)];

    /// <summary>The URL with each route value taken from <paramref name="values"/> (optional values left out when missing).</summary>
    public string Url(Func<string, string?> values)
    {
        var parts = new List<string>();
        foreach (var segment in Pattern.PathSegments)
        {
            var text = string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternParameterPart parameter => values(parameter.Name) ?? string.Empty,
                _ => string.Empty,
            }));
            if (text.Length > 0)
            {
                parts.Add(text);
            }
        }

        return "/" + string.Join('/', parts);
    }

    public override string ToString() => "/" + Pattern.RawText;
}

/// <summary>
/// The attack suite's world, built once: a victim firm with the demo caseload (and a few more records), an attacking
/// firm with one user per built-in role plus one holding every permission, one id of the victim from every firm-owned
/// table, the victim's names (which must never show up for the attacker), and every page found by enumerating routes.
/// </summary>
public sealed partial class AttackSurface : IAsyncLifetime
{
    public CrmAppFactory App { get; } = new();

    public Guid Victim { get; private set; }

    public TestFirm Attacker { get; private set; } = null!;

    public TestUser Everything { get; private set; } = null!;

    /// <summary>Table name → one id of the victim's rows in it.</summary>
    public IReadOnlyDictionary<string, Guid> VictimIds { get; private set; } = new Dictionary<string, Guid>();

    /// <summary>Names of the victim's clients and dossiers: seeing one as the attacker is a leak.</summary>
    public IReadOnlyList<string> VictimMarkers { get; private set; } = [];

    public IReadOnlyList<PageRoute> Pages { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        using (App.CreateClient())
        {
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoFirmSeeder>().SeedAsync();
        }

        using (var victimLawyer = await App.SignedInAsync("advocaat@vandijkdevries.nl", DemoFirmSeeder.Password))
        {
            var dossier = await ScalarAsync<Guid>("SELECT id FROM dossiers ORDER BY number LIMIT 1");
            await victimLawyer.UploadAsync($"/Dossiers/{dossier}/Documents", "files", [("geheim-advies.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray())]);
        }

        Victim = await ScalarAsync<Guid>("SELECT tenant_id FROM dossiers LIMIT 1");
        Attacker = await App.CreateFirmAsync("Aanvaller");
        Everything = await App.AddUserAsync(Attacker, BuiltInRoles.Admin, "alles");
        await GrantEverythingAsync();
        VictimIds = await VictimIdsAsync();
        VictimMarkers = await StringsAsync(
            $"SELECT title FROM dossiers WHERE tenant_id = '{Victim}' UNION SELECT organisation_name FROM contacts WHERE tenant_id = '{Victim}' AND organisation_name IS NOT NULL");
        Pages = EnumeratePages();
    }

    public Task DisposeAsync() => App.DisposeAsync();

    private async Task GrantEverythingAsync()
    {
        // The admin role of the attacking firm gets every permission, so no page is closed to "Everything" by its role.
        await using var connection = new NpgsqlConnection(App.Database.AdminConnectionString);
        await connection.OpenAsync();
        foreach (var permission in Permissions.Known)
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO role_permissions (tenant_id, role_id, permission) SELECT tenant_id, id, @permission FROM roles WHERE tenant_id = @firm AND built_in_key = 'admin' ON CONFLICT DO NOTHING",
                connection);
            command.Parameters.AddWithValue("permission", permission);
            command.Parameters.AddWithValue("firm", Attacker.Id);
            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task<IReadOnlyDictionary<string, Guid>> VictimIdsAsync()
    {
        var tables = await StringsAsync("""
            SELECT c.table_name FROM information_schema.columns c
            JOIN information_schema.columns i ON i.table_schema = c.table_schema AND i.table_name = c.table_name AND i.column_name = 'id' AND i.data_type = 'uuid'
            WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' ORDER BY 1
            """);
        var ids = new Dictionary<string, Guid>();
        foreach (var table in tables)
        {
            var id = await ScalarAsync<Guid?>($"SELECT id FROM \"{table}\" WHERE tenant_id = '{Victim}' LIMIT 1");
            if (id is { } found)
            {
                ids[table] = found;
            }
        }

        return ids;
    }

    private List<PageRoute> EnumeratePages()
    {
        var pages = new List<PageRoute>();
        foreach (var endpoint in App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page || endpoint.RoutePattern.RawText!.EndsWith("Index", StringComparison.Ordinal))
            {
                continue;
            }

            var model = ModelOf(page.ViewEnginePath);
            var handlers = model.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Select(m => HandlerName().Match(m.Name))
                .Where(m => m.Success)
                .Select(m => (Method: m.Groups[1].Value, Name: m.Groups[2].Value))
                .ToList();
            pages.Add(new PageRoute(
                endpoint.RoutePattern,
                model,
                [.. handlers.Where(h => h.Method == "Get").Select(h => h.Name).Distinct()],
                [.. handlers.Where(h => h.Method == "Post").Select(h => h.Name).Distinct()],
                model.GetCustomAttribute<RequirePermissionAttribute>()?.Permission,
                model.GetCustomAttribute<AllowAnonymousAttribute>() is not null));
        }

        return pages;
    }

    /// <summary>"/Dossiers/Details" → LegalCrm.Web.Features.Dossiers.DetailsModel (pages live under Features/).</summary>
    private static Type ModelOf(string viewEnginePath)
    {
        var name = "LegalCrm.Web.Features" + viewEnginePath.Replace('/', '.') + "Model";
        return typeof(Program).Assembly.GetType(name) ?? throw new InvalidOperationException($"No page model {name} for {viewEnginePath}.");
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(App.Database.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)value;
    }

    private async Task<List<string>> StringsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(App.Database.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    [GeneratedRegex("^On(Get|Post)(\\w*?)(Async)?$")]
    private static partial Regex HandlerName();
}
