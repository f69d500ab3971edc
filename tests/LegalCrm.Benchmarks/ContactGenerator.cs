using Bogus;
using LegalCrm.Web.Features.Clients;
using Npgsql;
using NpgsqlTypes;

namespace LegalCrm.Benchmarks;

/// <summary>
/// Fills a firm with realistic Dutch contacts (Bogus "nl"): 80% persons with particles, initials, e-mail, mobile numbers and
/// addresses with Dutch postcodes; 20% organisations with KvK numbers. Names go through the app's own rules
/// (<see cref="Contact.RecomputeNames"/>) and rows go in with binary COPY, as the owner, bypassing nothing the app reads differently.
/// </summary>
public static class ContactGenerator
{
    private static readonly string[] Particles = ["", "", "", "", "van", "de", "van der", "van den", "van de", "de", "ter", "'t"];
    private static readonly string[] LegalForms = ["B.V.", "B.V.", "N.V.", "V.O.F.", "Stichting", "Vereniging"];

    public static async Task<int> FillAsync(string ownerConnectionString, Guid tenantId, int count, int seed = 20261127, bool clients = true, bool vacuum = true)
    {
        Randomizer.Seed = new Random(seed);
        var faker = new Faker("nl");
        var now = DateTimeOffset.UtcNow;
        var contacts = new List<Contact>(count);
        for (var i = 0; i < count; i++)
        {
            var person = faker.Random.Double() < 0.8;
            var contact = person
                ? new Contact
                {
                    Kind = ContactKind.Person,
                    FirstName = faker.Name.FirstName(),
                    NameParticle = NullIfEmpty(faker.PickRandom(Particles)),
                    LastName = faker.Name.LastName(),
                    DateOfBirth = faker.Random.Double() < 0.5 ? DateOnly.FromDateTime(faker.Date.Past(70, DateTime.Today.AddYears(-18))) : null,
                }
                : new Contact
                {
                    Kind = ContactKind.Organisation,
                    OrganisationName = faker.Company.CompanyName(),
                    LegalForm = faker.PickRandom(LegalForms),
                    KvkNumber = faker.Random.Number(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
            contact.TenantId = tenantId;
            if (person)
            {
                contact.Initials = DutchName.NormalizeInitials(contact.FirstName![..1]);
            }

            contact.ClientNumber = faker.Random.Double() < 0.3 && clients ? i + 1 : null;
            contact.Emails.Add(new ContactEmail { TenantId = tenantId, ContactId = contact.Id, Kind = EmailKind.Work, Address = $"{Slug(contact)}{i}@{faker.Internet.DomainName()}" });
            contact.Emails[0].NormalizedAddress = contact.Emails[0].Address.ToLowerInvariant();
            contact.Phones.Add(new ContactPhone { TenantId = tenantId, ContactId = contact.Id, Kind = PhoneKind.Mobile, Number = "+316" + faker.Random.Number(10_000_000, 99_999_999) });
            contact.Addresses.Add(new ContactAddress
            {
                TenantId = tenantId,
                ContactId = contact.Id,
                Kind = AddressKind.Visit,
                Street = faker.Address.StreetAddress(),
                PostalCode = $"{faker.Random.Number(1000, 9999)} {faker.Random.String2(2, "ABCEGHJKLMNPRTVWXZ")}",
                City = faker.Address.City(),
                CountryCode = "NL",
            });
            contact.CreatedAt = contact.UpdatedAt = now;
            contact.UpdatedBy = "generator";
            contact.RecomputeNames();
            contacts.Add(contact);
        }

        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY contacts (id, tenant_id, kind, initials, first_name, name_particle, last_name, date_of_birth, organisation_name, legal_form, kvk_number, tags, " +
            "client_number, lawful_basis, display_name, sort_name, sort_key, search_text, created_at, updated_at, updated_by) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var c in contacts)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(c.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(c.TenantId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(c.Kind.ToString(), NpgsqlDbType.Varchar);
                await WriteNullable(copy, c.Initials);
                await WriteNullable(copy, c.FirstName);
                await WriteNullable(copy, c.NameParticle);
                await WriteNullable(copy, c.LastName);
                if (c.DateOfBirth is { } born) { await copy.WriteAsync(born, NpgsqlDbType.Date); } else { await copy.WriteNullAsync(); }
                await WriteNullable(copy, c.OrganisationName);
                await WriteNullable(copy, c.LegalForm);
                await WriteNullable(copy, c.KvkNumber);
                await copy.WriteAsync(c.Tags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                if (c.ClientNumber is { } number) { await copy.WriteAsync(number, NpgsqlDbType.Integer); } else { await copy.WriteNullAsync(); }
                await copy.WriteAsync(c.LawfulBasis.ToString(), NpgsqlDbType.Varchar);
                await copy.WriteAsync(c.DisplayName, NpgsqlDbType.Varchar);
                await copy.WriteAsync(c.SortName, NpgsqlDbType.Varchar);
                await copy.WriteAsync(c.SortKey, NpgsqlDbType.Varchar);
                await copy.WriteAsync(c.SearchText, NpgsqlDbType.Varchar);
                await copy.WriteAsync(c.CreatedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(c.UpdatedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(c.UpdatedBy, NpgsqlDbType.Varchar);
            }

            await copy.CompleteAsync();
        }

        await CopyAsync(connection, "COPY contact_emails (id, tenant_id, contact_id, kind, address, normalized_address) FROM STDIN (FORMAT BINARY)",
            contacts.SelectMany(c => c.Emails), async (copy, e) =>
            {
                await copy.WriteAsync(e.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(e.TenantId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(e.ContactId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(e.Kind.ToString(), NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.Address, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.NormalizedAddress, NpgsqlDbType.Varchar);
            });
        await CopyAsync(connection, "COPY contact_phones (id, tenant_id, contact_id, kind, number) FROM STDIN (FORMAT BINARY)",
            contacts.SelectMany(c => c.Phones), async (copy, p) =>
            {
                await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.TenantId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.ContactId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.Kind.ToString(), NpgsqlDbType.Varchar);
                await copy.WriteAsync(p.Number, NpgsqlDbType.Varchar);
            });
        await CopyAsync(connection, "COPY contact_addresses (id, tenant_id, contact_id, kind, street, postal_code, city, country_code) FROM STDIN (FORMAT BINARY)",
            contacts.SelectMany(c => c.Addresses), async (copy, a) =>
            {
                await copy.WriteAsync(a.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(a.TenantId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(a.ContactId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(a.Kind.ToString(), NpgsqlDbType.Varchar);
                await copy.WriteAsync(a.Street, NpgsqlDbType.Varchar);
                await copy.WriteAsync(a.PostalCode!, NpgsqlDbType.Varchar);
                await copy.WriteAsync(a.City, NpgsqlDbType.Varchar);
                await copy.WriteAsync(a.CountryCode, NpgsqlDbType.Varchar);
            });

        // What autovacuum does to a table in steady use: statistics, the visibility map, and the GIN indexes' pending
        // lists merged (a bulk load leaves them long, and every trigram search scans them until then).
        if (vacuum)
        {
            await using var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 600 };
            await analyze.ExecuteNonQueryAsync();
        }

        return contacts.Count;
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string command, IEnumerable<T> rows, Func<NpgsqlBinaryImporter, T, Task> write)
    {
        await using var copy = await connection.BeginBinaryImportAsync(command);
        foreach (var row in rows)
        {
            await copy.StartRowAsync();
            await write(copy, row);
        }

        await copy.CompleteAsync();
    }

    private static async Task WriteNullable(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            await copy.WriteNullAsync();
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Varchar);
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static string Slug(Contact c) => new(DutchName.Fold(c.LastName ?? c.OrganisationName ?? "x").Where(char.IsLetter).Take(12).ToArray());
}
