using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LegalCrm.TestSupport;

namespace LegalCrm.IntegrationTests.Attacks;

/// <summary>
/// Hostile input in every text field of the forms that store what users type: script comes back as text, oversized
/// input gets a validation message (not a crash, nothing stored), and file names and paths cannot climb out of their
/// folder (ASVS V1 encoding, V2 validation, V5 files).
/// </summary>
public sealed class InputTests(AttackSurface surface) : IClassFixture<AttackSurface>
{
    private const string Payload = "\"'><script>alert('xss')</script><img src=x onerror=alert('xss')>";

    /// <summary>The forms that store free text, as the attacking firm uses them on its own data ({client}, {dossier} filled in; #handler names the form).</summary>
    private static readonly string[] Forms =
    [
        "/Clients/Edit?kind=Person",
        "/Clients/Edit?kind=Organisation",
        "/Dossiers/New?client={client}",
        "/Communications/Log?dossier={dossier}&kind=Call",
        "/Communications/Log?dossier={dossier}&kind=Note",
        "/Deadlines/Edit?dossier={dossier}",
        "/Tasks/Edit?dossier={dossier}",
        "/Access/Teams",
        "/Access/Roles",
        "/Access/Settings",
        "/Workflows/Edit",
        "/Privacy/Register/Edit",
        "/Privacy/Processors/Edit",
        "/Privacy/Breaches/Edit",
        "/Privacy/Requests/Edit",
        "/Privacy/Holds/Edit?dossier={dossier}",
        "/Privacy/Dpias/Edit",
        "/Privacy/Retention/Edit",
        "/Privacy/Register/Controller",
        "/Dossiers/{dossier}/Edit",
        "/Dossiers/{dossier}/Walls#Add",
        "/Deadlines/Holidays#Add",
        "/Deadlines/Rules",
        "/Access/Review#Record",
    ];

    [Fact]
    public async Task Script_in_every_text_field_is_shown_as_text_wherever_it_comes_back()
    {
        using var user = await surface.App.SignedInAsync(surface.Everything);
        var (client, dossier) = await OwnClientAndDossierAsync(user);
        var failures = new List<string>();
        var stored = 0;
        var shownAsText = 0;
        foreach (var form in Forms.Select(f => f.Replace("{client}", client, StringComparison.Ordinal).Replace("{dossier}", dossier, StringComparison.Ordinal)))
        {
            var response = await SubmitAsync(user, form, _ => Payload);
            var pages = new List<(string Url, string Html)> { (form, await response.Content.ReadAsStringAsync()) };
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                stored++;
                var location = response.Headers.Location!.OriginalString;
                pages.Add((location, await (await user.GetAsync(location)).Content.ReadAsStringAsync()));
            }
            else if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{form}: {(int)response.StatusCode}");
            }

            shownAsText += pages.Count(p => p.Html.Contains("&lt;script&gt;alert(", StringComparison.Ordinal));
            failures.AddRange(pages.Where(p => Unescaped(p.Html))
                .Select(p => $"{form} → {p.Url}: the payload is in the page unescaped"));
        }

        // Where the stored text is listed again.
        foreach (var list in new[] { "/Clients", "/Dossiers", $"/Dossiers/{dossier}", "/Tasks", "/Deadlines", "/Agenda", "/Access/Roles", "/Access/Teams", "/Privacy/Register", "/Privacy/Breaches", "/Audit", "/" })
        {
            var html = await (await user.GetAsync(list)).Content.ReadAsStringAsync();
            if (Unescaped(html))
            {
                failures.Add($"{list}: the payload is in the page unescaped");
            }
        }

        Assert.True(stored >= 10, $"Only {stored} of {Forms.Length} forms stored the payload; the test would prove little.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(shownAsText >= 10, $"The payload came back as visible text on only {shownAsText} pages.");
    }

    [Fact]
    public async Task Oversized_input_in_every_text_field_gets_a_validation_message_and_nothing_is_stored()
    {
        using var user = await surface.App.SignedInAsync(surface.Everything);
        var (client, dossier) = await OwnClientAndDossierAsync(user);
        var failures = new List<string>();
        foreach (var form in Forms.Select(f => f.Replace("{client}", client, StringComparison.Ordinal).Replace("{dossier}", dossier, StringComparison.Ordinal)))
        {
            var response = await SubmitAsync(user, form, _ => new string('x', 100_000));
            var page = await CrmClient.ParseAsync(response);
            var message = page.QuerySelectorAll(".field-validation-error, .validation-summary-errors li").Select(e => e.TextContent.Trim()).FirstOrDefault(t => t.Length > 0);
            if (response.StatusCode != HttpStatusCode.OK || message is null)
            {
                failures.Add($"{form}: {(int)response.StatusCode}{(message is null ? ", no validation message" : string.Empty)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task File_names_and_paths_cannot_climb_out_of_their_folder()
    {
        using var user = await surface.App.SignedInAsync(surface.Everything);
        var (_, dossier) = await OwnClientAndDossierAsync(user);
        var before = Directory.EnumerateFiles(Path.GetDirectoryName(surface.App.DocumentsPath)!, "*.pdf", SearchOption.TopDirectoryOnly).Count();

        foreach (var name in new[] { "../../../evil.pdf", "..\\..\\evil.pdf", "/etc/evil.pdf", "%2e%2e%2fevil.pdf" })
        {
            var response = await user.UploadAsync($"/Dossiers/{dossier}/Documents", "files", name, "%PDF-1.4\n%%EOF\n"u8.ToArray());
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{name}: {(int)response.StatusCode}");
        }

        var listed = await (await user.GetAsync($"/Dossiers/{dossier}/Documents")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("../", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("..\\", listed, StringComparison.Ordinal);
        Assert.Equal(before, Directory.EnumerateFiles(Path.GetDirectoryName(surface.App.DocumentsPath)!, "*.pdf", SearchOption.TopDirectoryOnly).Count());
        Assert.All(Directory.EnumerateFiles(surface.App.DocumentsPath, "*", SearchOption.AllDirectories),
            f => Assert.Matches("^[0-9a-f]{32}$", Path.GetFileName(f)));

        foreach (var url in new[]
                 {
                     "/css/..%2f..%2fappsettings.json", "/..%2f..%2fappsettings.json", "/js/%2e%2e/%2e%2e/appsettings.json", "/appsettings.json",
                     "/LegalCrm.Web.dll", $"/Dossiers/{dossier}/Documents/..%2f..%2f..%2fappsettings.json", "/calendar/..%2f..%2fappsettings.json.ics",
                 })
        {
            var response = await user.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("ConnectionStrings", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    /// <summary>The payload as markup: a script element or an image tag (escaped, "&lt;img src=x onerror=…" is harmless text).</summary>
    private static bool Unescaped(string html) =>
        html.Contains("<script>alert", StringComparison.Ordinal) || html.Contains("<img src=x onerror", StringComparison.Ordinal)
        || html.Contains("<img src=\"x\" onerror", StringComparison.Ordinal);

    /// <summary>Fills every free-text field (text inputs without a format, text areas) of the page's form and posts it.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(CrmClient user, string address, Func<string, string> value)
    {
        var (url, handler) = address.Split('#') is [var u, var h] ? (u, h) : (address, "Create");
        var page = await user.GetDocumentAsync(url);
        var form = page.QuerySelectorAll<IHtmlFormElement>("main form")
            .First(f => !string.Equals(f.GetAttribute("method"), "get", StringComparison.OrdinalIgnoreCase)
                        && !(f.GetAttribute("action") ?? string.Empty).Contains("handler=", StringComparison.OrdinalIgnoreCase)
                        || (f.GetAttribute("action") ?? string.Empty).Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase));
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]").Where(i => i.Type is "text" or "search" && !i.Name!.StartsWith("__", StringComparison.Ordinal)))
        {
            fields[input.Name!] = value(input.Name!);
        }

        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
        {
            fields[area.Name!] = value(area.Name!);
        }

        Assert.True(fields.Count > 0, $"{url} has no free-text field to attack.");
        return await user.PostFormAsync(form, url, fields);
    }

    private static async Task<(string Client, string Dossier)> OwnClientAndDossierAsync(CrmClient user)
    {
        var client = await user.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = "Eigen cliënt " + Guid.NewGuid().ToString("N")[..6] });
        var clientId = client.Headers.Location!.OriginalString["/Clients/".Length..];
        var dossier = await user.SubmitAsync($"/Dossiers/New?client={clientId}", new Dictionary<string, string> { ["Input.Title"] = "Eigen dossier" });
        return (clientId, dossier.Headers.Location!.OriginalString.Split('/')[2]);
    }
}
