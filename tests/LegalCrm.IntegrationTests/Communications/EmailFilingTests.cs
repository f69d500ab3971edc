using System.Net;
using System.Text;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Clients;
using LegalCrm.Web.Features.Communications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Communications;

public sealed class EmailFilingTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;
    private Guid _client;
    private Guid _dossier;

    public async Task InitializeAsync()
    {
        _firm = await app.CreateFirmAsync("E-mail");
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var client = await lawyer.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = "Havenbedrijf Mail" });
        _client = Guid.Parse(client.Headers.Location!.OriginalString["/Clients/".Length..]);
        var dossier = await lawyer.SubmitAsync($"/Dossiers/New?client={_client}", new Dictionary<string, string> { ["Input.Title"] = "Correspondentie haven" });
        _dossier = Guid.Parse(dossier.Headers.Location!.OriginalString.Split('/')[2]);
        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        db.Add(new ContactEmail { ContactId = _client, Kind = EmailKind.Work, Address = "Info@Haven.example", NormalizedAddress = "info@haven.example" });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Message(string id) => $"""
        Message-ID: <{id}@haven.example>
        Date: Mon, 23 Nov 2026 10:15:00 +0100
        From: Havenbedrijf <info@haven.example>
        To: {_firm.Lawyer.Email}
        Subject: Ligplaatsgeld
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b"

        --b
        Content-Type: text/html; charset=utf-8

        <p>Zie de <b>factuur</b>.</p><img src="https://track.example/x.gif">
        --b
        Content-Type: application/pdf; name="factuur.pdf"
        Content-Disposition: attachment; filename="factuur.pdf"
        Content-Transfer-Encoding: base64

        {Convert.ToBase64String(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"))}
        --b
        Content-Type: application/octet-stream; name="setup.exe"
        Content-Disposition: attachment; filename="setup.exe"
        Content-Transfer-Encoding: base64

        {Convert.ToBase64String([(byte)'M', (byte)'Z', 0x90, 0])}
        --b--
        """.Replace("\n", "\r\n", StringComparison.Ordinal);

    [Fact]
    public async Task An_eml_is_filed_once_with_matched_participants_its_pdf_as_document_and_a_note_on_what_was_not_stored()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var url = $"/Communications/ImportEmail?dossier={_dossier}";

        var first = await lawyer.UploadAsync(url, "files", [("ligplaats.eml", Encoding.UTF8.GetBytes(Message("m1")))]);
        var again = await lawyer.UploadAsync(url, "files", [("ligplaats-kopie.eml", Encoding.UTF8.GetBytes(Message("m1")))]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("al gearchiveerd", (await CrmClient.ParseAsync(again)).Body!.TextContent, StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var email = await db.Communications.Include(c => c.Participants).SingleAsync(c => c.DossierId == _dossier && c.Kind == CommunicationKind.Email);
        Assert.Equal(CommunicationDirection.Incoming, email.Direction);
        Assert.Equal(_client, email.ContactId);
        Assert.Contains(email.Participants, p => p.Role == ParticipantRole.From && p.ContactId == _client);
        Assert.Contains(email.Participants, p => p.Role == ParticipantRole.To && p.UserId == _firm.Lawyer.Id);
        Assert.Contains("<b>factuur</b>", email.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("track.example", email.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("niet opgeslagen", email.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["factuur.pdf"], await db.DocumentVersions.Where(v => v.DossierId == _dossier).Select(v => v.FileName).ToListAsync());
        var page = await lawyer.GetDocumentAsync($"/Clients/{_client}");
        Assert.Contains("Ligplaatsgeld", page.QuerySelector("[data-testid=contact-communications]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_an_e_mail_or_is_empty_gets_a_message_and_nothing_is_filed()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);

        var response = await lawyer.UploadAsync($"/Communications/ImportEmail?dossier={_dossier}", "files",
            [("leeg.eml", Array.Empty<byte>()), ("notitie.eml", Encoding.UTF8.GetBytes("Geen e-mail, alleen tekst.\nNog een regel."))]);

        var errors = (await CrmClient.ParseAsync(response)).QuerySelector("[data-testid=email-errors]")!.TextContent;
        Assert.Contains("leeg.eml is leeg", errors, StringComparison.Ordinal);
        Assert.Contains("geen leesbare e-mail", errors, StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        Assert.False(await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Communications.AnyAsync(c => c.Subject == "(geen onderwerp)"));
    }
}
