using System.Net;
using System.Reflection;
using LegalCrm.Web.Features.Access;

namespace LegalCrm.IntegrationTests.Attacks;

/// <summary>
/// Route enumeration: every page that takes an id, asked by another firm for this firm's ids, answers 404 and shows
/// nothing of this firm (ASVS V8: object-level authorization). The tables are found by their <c>tenant_id</c> column and
/// the pages by the router, so a new table or page is attacked without anyone adding it here.
/// </summary>
public sealed class CrossFirmTests(AttackSurface surface) : IClassFixture<AttackSurface>
{
    /// <summary>The kinds of record most pages are about, for the sweeps that run once per role.</summary>
    private static readonly string[] MainTables =
    [
        "contacts", "dossiers", "communications", "deadlines", "tasks", "documents", "document_versions", "users", "roles", "teams",
        "processing_activities", "breaches", "data_subject_requests", "processors", "dpias", "legal_holds", "retention_policies",
        "workflow_templates", "contact_imports",
    ];

    [Fact]
    public async Task Every_page_and_get_handler_answers_404_to_another_firm_for_any_of_its_ids()
    {
        Assert.True(surface.Pages.Count(p => p.GuidParameters.Count > 0) >= 25, "The route enumeration found too few pages with ids.");
        Assert.True(surface.VictimIds.Count >= 25, $"Only {surface.VictimIds.Count} tables of the victim hold rows.");
        using var attacker = await surface.App.SignedInAsync(surface.Everything);
        var failures = new List<string>();
        var dossier = surface.VictimIds["dossiers"];
        // Controls: the attacker's session works on its own firm's records, and the ids are real (the victim opens them).
        Assert.Equal(HttpStatusCode.OK, (await attacker.GetAsync($"/Access/Users/{surface.Everything.Id}")).StatusCode);
        using (var victim = await surface.App.SignedInAsync("beheer@vandijkdevries.nl", Web.Infrastructure.DemoData.DemoFirmSeeder.Password))
        {
            Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync($"/Access/Users/{surface.VictimIds["users"]}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync($"/Clients/{surface.VictimIds["contacts"]}")).StatusCode);
        }

        var requests = 0;

        foreach (var page in surface.Pages.Where(p => p.GuidParameters.Count > 0))
        {
            foreach (var (table, id) in surface.VictimIds)
            {
                // Every id in every place; in nested pages (a dossier's document) also the right dossier with every id.
                var urls = new List<string> { page.Url(_ => id.ToString()) };
                if (page.GuidParameters.Count > 1)
                {
                    urls.Add(page.Url(name => name == page.GuidParameters[0] ? dossier.ToString() : id.ToString()));
                }

                foreach (var url in urls)
                {
                    foreach (var handler in page.GetHandlers)
                    {
                        var target = handler.Length == 0 ? url : $"{url}?handler={handler}";
                        var response = await attacker.GetAsync(target);
                        requests++;
                        if (response.StatusCode != HttpStatusCode.NotFound)
                        {
                            failures.Add($"{target} ({table}): {(int)response.StatusCode}");
                        }
                    }
                }
            }
        }

        Assert.True(requests > 1000, $"Only {requests} requests were made.");
        Assert.True(failures.Count == 0, $"{failures.Count} answers other than 404:\n" + string.Join("\n", failures.Take(60)));
    }

    [Theory]
    [InlineData(BuiltInRoles.Admin)]
    [InlineData(BuiltInRoles.Lawyer)]
    [InlineData(BuiltInRoles.Assistant)]
    [InlineData(BuiltInRoles.PrivacyOfficer)]
    [InlineData(BuiltInRoles.ReadOnly)]
    public async Task Each_role_of_another_firm_gets_404_or_403_and_never_sees_the_victims_data(string role)
    {
        using var attacker = await surface.App.SignedInAsync(surface.Attacker.Users[role]);
        var failures = new List<string>();
        foreach (var page in surface.Pages.Where(p => p.GuidParameters.Count > 0))
        {
            foreach (var table in MainTables.Where(surface.VictimIds.ContainsKey))
            {
                var url = page.Url(_ => surface.VictimIds[table].ToString());
                var response = await attacker.GetAsync(url);
                if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden) || Leaks(await response.Content.ReadAsStringAsync()) is { } leak)
                {
                    failures.Add($"{url} ({table}): {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(60)));
    }

    [Fact]
    public async Task Ids_of_another_firm_in_the_query_string_reveal_nothing()
    {
        using var attacker = await surface.App.SignedInAsync(surface.Everything);
        var failures = new List<string>();
        foreach (var page in surface.Pages)
        {
            foreach (var handler in page.Model.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal)))
            {
                var ids = handler.GetParameters().Where(p => p.ParameterType == typeof(Guid) || p.ParameterType == typeof(Guid?)).Select(p => p.Name!).ToList();
                var properties = page.Model.GetProperties().Where(p => (p.PropertyType == typeof(Guid) || p.PropertyType == typeof(Guid?))
                    && p.GetCustomAttribute<Microsoft.AspNetCore.Mvc.BindPropertyAttribute>()?.SupportsGet == true).Select(p => p.Name);
                var names = ids.Concat(properties).Except(page.GuidParameters, StringComparer.OrdinalIgnoreCase).ToList();
                if (names.Count == 0)
                {
                    continue;
                }

                var name = handler.Name[5..].Replace("Async", string.Empty, StringComparison.Ordinal);
                foreach (var table in MainTables.Where(surface.VictimIds.ContainsKey))
                {
                    var id = surface.VictimIds[table];
                    var url = page.Url(_ => Guid.NewGuid().ToString()) + "?" + string.Join('&', names.Select(n => $"{n}={id}")) + (name.Length > 0 ? "&handler=" + name : string.Empty);
                    if (page.GuidParameters.Count == 0)
                    {
                        url = page.Url(_ => null) + "?" + string.Join('&', names.Select(n => $"{n}={id}")) + (name.Length > 0 ? "&handler=" + name : string.Empty);
                    }

                    var response = await attacker.GetAsync(url);
                    var body = await response.Content.ReadAsStringAsync();
                    if ((int)response.StatusCode >= 500 || Leaks(body) is not null)
                    {
                        failures.Add($"{url} ({table}): {(int)response.StatusCode} {Leaks(body)}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(60)));
    }

    private string? Leaks(string body) => surface.VictimMarkers.FirstOrDefault(m => m.Length > 5 && body.Contains(System.Net.WebUtility.HtmlEncode(m), StringComparison.Ordinal));
}
