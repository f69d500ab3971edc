using LegalCrm.TestSupport;
using LegalCrm.Web.Features.Access;
using Npgsql;

namespace LegalCrm.Benchmarks;

/// <summary>
/// Fills a firm that already has contacts with a caseload, set-based in PostgreSQL as the owner: dossiers over twelve
/// years (numbers YYYY-NNNN, every status), four parties each (client, opposing party, opposing counsel, third party),
/// one or two team members, one team each out of thirty, and two documents' metadata (with a version row) each.
/// The benchmark lawyer is made a member of the first <c>lawyerTeams</c> teams: "a lawyer in many teams".
/// </summary>
public static class DossierGenerator
{
    /// <summary>
    /// The firm the dossier, communication, deadline and privacy benchmarks share: two contacts per dossier, forty users
    /// (the benchmark lawyer, the admin and 38 lawyers), then the caseload.
    /// </summary>
    public static async Task FillFirmAsync(CrmAppFactory app, TestFirm firm, int dossiers)
    {
        await ContactGenerator.FillAsync(app.Database.AdminConnectionString, firm.Id, dossiers * 2);
        var users = new List<Guid> { firm.Lawyer.Id, firm.Admin.Id };
        for (var i = 0; i < 38; i++)
        {
            users.Add((await app.AddUserAsync(firm, BuiltInRoles.Lawyer, $"advocaat{i}")).Id);
        }

        await FillAsync(app.Database.AdminConnectionString, firm.Id, users, firm.Lawyer.Id, dossiers);
    }

    public static async Task FillAsync(string ownerConnectionString, Guid tenantId, IReadOnlyList<Guid> users, Guid lawyer, int dossiers, int lawyerTeams = 12, bool vacuum = true)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        var sql = """
            SELECT setseed(0.20261128);

            INSERT INTO teams (id, tenant_id, name, description, created_at)
            SELECT gen_random_uuid(), @firm, 'Team ' || t, NULL, now() FROM generate_series(1, 30) t;

            -- Eight users per team; the lawyer in the first @lawyer_teams teams.
            INSERT INTO team_members (id, tenant_id, team_id, user_id)
            SELECT gen_random_uuid(), @firm, m.team_id, m.user_id
            FROM (SELECT DISTINCT t.id AS team_id, (@users)[1 + ((t.n * 3 + k) % array_length(@users, 1))] AS user_id
                  FROM (SELECT id, row_number() OVER (ORDER BY name) AS n FROM teams WHERE tenant_id = @firm) t
                  CROSS JOIN generate_series(0, 7) k) m
            WHERE m.user_id <> @lawyer
            UNION ALL
            SELECT gen_random_uuid(), @firm, t.id, @lawyer
            FROM (SELECT id, row_number() OVER (ORDER BY name) AS n FROM teams WHERE tenant_id = @firm) t WHERE t.n <= @lawyer_teams;

            CREATE TEMP TABLE gen_contacts AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM contacts WHERE tenant_id = @firm;
            CREATE TEMP TABLE gen_teams AS SELECT row_number() OVER (ORDER BY name) AS n, id FROM teams WHERE tenant_id = @firm;

            CREATE TEMP TABLE gen_dossiers AS
            SELECT g, gen_random_uuid() AS id, 2015 + (g % 12) AS year, (g / 12) + 1 AS seq,
                   (array['Incasso','Ontslag','Huurgeschil','Aansprakelijkheid','Fusie','Echtscheiding','Aanbesteding','Letselschade'])[1 + (g % 8)] || ' ' || g AS title,
                   (array['Arbeidsrecht','Ondernemingsrecht','Huurrecht','Familierecht','Bestuursrecht'])[1 + (g % 5)] AS area,
                   (@users)[1 + (g * 7) % array_length(@users, 1)] AS lawyer,
                   (array['Intake','Open','Open','Open','Closed','Closed','Archived'])[1 + (g % 7)] AS status
            FROM generate_series(1, @dossiers) g;

            INSERT INTO dossiers (id, tenant_id, number, title, practice_area, dossier_type, description, responsible_lawyer_id, fee_arrangement,
                                  legal_aid_number, court_case_numbers, status, opened_on, closed_on, created_at, updated_at, updated_by)
            SELECT id, @firm, year || '-' || lpad(seq::text, 4, '0'), title, area, NULL, NULL, lawyer, 'Hourly', NULL, NULL, status,
                   make_date(year, 1 + (g % 12), 1 + (g % 28)),
                   CASE WHEN status IN ('Closed', 'Archived') THEN make_date(year, 1 + (g % 12), 1 + (g % 28)) + 200 END,
                   make_timestamptz(year, 1 + (g % 12), 1 + (g % 28), 9, 0, 0), now(), 'benchmark'
            FROM gen_dossiers;

            INSERT INTO dossier_parties (id, tenant_id, dossier_id, contact_id, role, start_date, end_date)
            SELECT gen_random_uuid(), @firm, d.id, c.id, r.role, NULL, NULL
            FROM gen_dossiers d
            CROSS JOIN (VALUES (0, 'Client'), (1, 'OpposingParty'), (2, 'OpposingCounsel'), (3, 'InterestedThirdParty')) r(k, role)
            JOIN gen_contacts c ON c.n = 1 + ((d.g * 4 + r.k) * 7919) % (SELECT count(*) FROM gen_contacts);

            INSERT INTO dossier_members (id, tenant_id, dossier_id, user_id)
            SELECT gen_random_uuid(), @firm, d.id, m.user_id
            FROM gen_dossiers d
            CROSS JOIN LATERAL (SELECT DISTINCT (@users)[1 + ((d.g * 11 + k * 5) % array_length(@users, 1))] AS user_id FROM generate_series(0, d.g % 2) k) m
            WHERE m.user_id <> d.lawyer AND m.user_id <> @lawyer;

            INSERT INTO dossier_teams (id, tenant_id, dossier_id, team_id)
            SELECT gen_random_uuid(), @firm, d.id, t.id FROM gen_dossiers d JOIN gen_teams t ON t.n = 1 + (d.g * 13) % 30;

            CREATE TEMP TABLE gen_documents AS
            SELECT gen_random_uuid() AS id, d.id AS dossier_id, d.g, k FROM gen_dossiers d CROSS JOIN generate_series(1, 2) k;

            INSERT INTO documents (id, tenant_id, dossier_id, title, category, document_date, current_version, created_at, updated_at, updated_by)
            SELECT id, @firm, dossier_id, (array['Dagvaarding','Conclusie van antwoord','Brief wederpartij','Vonnis','Notitie'])[1 + ((g + k) % 5)] || ' ' || k,
                   (array['Pleading','Pleading','Correspondence','CourtDecision','Memo'])[1 + ((g + k) % 5)], current_date - (g % 3000), 1, now(), now(), 'benchmark'
            FROM gen_documents;

            INSERT INTO document_versions (id, tenant_id, document_id, dossier_id, number, file_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by_user_id, uploaded_by)
            SELECT gen_random_uuid(), @firm, id, dossier_id, 1, 'stuk-' || g || '-' || k || '.pdf', 'application/pdf', 100000 + g, repeat('0', 64), now(), NULL, 'benchmark'
            FROM gen_documents;
            """;
        await using (var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 })
        {
            command.Parameters.AddWithValue("firm", tenantId);
            command.Parameters.AddWithValue("users", users.ToArray());
            command.Parameters.AddWithValue("lawyer", lawyer);
            command.Parameters.AddWithValue("dossiers", dossiers);
            command.Parameters.AddWithValue("lawyer_teams", lawyerTeams);
            await command.ExecuteNonQueryAsync();
        }

        if (vacuum)
        {
            await using var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 600 };
            await analyze.ExecuteNonQueryAsync();
        }
    }
}
