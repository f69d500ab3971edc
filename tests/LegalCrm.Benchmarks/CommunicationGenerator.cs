using Npgsql;

namespace LegalCrm.Benchmarks;

/// <summary>
/// Adds communications to a firm that already has dossiers (<see cref="DossierGenerator"/>), set-based as the owner:
/// one "big" dossier with <c>bigDossierItems</c> items, the rest spread over all dossiers (a tenth with a contact only),
/// all kinds and directions, two participants each (a party of the dossier and a colleague), and bodies of 30–70 words
/// drawn from a Dutch legal vocabulary (up to 20,000 drafted texts shared out, each message with a surname of its own) so full-text
/// search has realistic hits. The stored search vector is computed by PostgreSQL as for the app's own inserts. With
/// <c>parts</c> &gt; 1 it makes only every <c>parts</c>-th message (from <c>part</c>), so several connections can share
/// the work.
/// </summary>
public static class CommunicationGenerator
{
    public static async Task FillAsync(string ownerConnectionString, Guid tenantId, Guid bigDossier, Guid lawyer, int communications, int bigDossierItems, bool vacuum = true, int part = 0, int parts = 1)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        var sql = """
            SELECT setseed(0.1128);

            CREATE TEMP TABLE gen_words AS SELECT array[
              'dagvaarding','conclusie','antwoord','repliek','dupliek','vonnis','arrest','hoger','beroep','cassatie','verzet','bezwaar',
              'ontslag','ontslagen','werknemer','werkgever','arbeidsovereenkomst','loonvordering','transitievergoeding','ziekte','re-integratie',
              'huurder','verhuurder','huurprijs','ontbinding','ontruiming','gebrek','onderhoud','incasso','vordering','rente','kosten',
              'aansprakelijkheid','schade','letselschade','verzekeraar','aanbesteding','gunning','inschrijving','fusie','overname','aandelen',
              'echtscheiding','alimentatie','omgangsregeling','gezag','kinderen','mediation','schikking','voorstel','termijn','zitting',
              'griffie','rechtbank','gerechtshof','kantonrechter','deurwaarder','beslag','faillissement','curator','bewindvoerder',
              'cliënt','wederpartij','advocaat','brief','telefonisch','overleg','afspraak','stukken','productie','bijlage','factuur',
              'declaratie','voorschot','opdracht','bevestiging','reactie','verzoek','uitstel','akte','verklaring','getuige','deskundige',
              'rapport','onderzoek','bewijs','ingebrekestelling','sommatie','aanmaning','betaling','regeling','garantie','contract',
              'levering','tekortkoming','nakoming','opzegging','concurrentiebeding','geheimhouding','privacy','persoonsgegevens','müller',
              'de','het','een','van','en','in','op','met','voor','over','naar','door','bij','om','dat','niet','wel','ook','nog'
            ] AS w;

            CREATE TEMP TABLE gen_syllables AS SELECT array[
              'berg','dijk','hof','veld','meer','bos','kamp','stra','huis','ven','brink','hout','water','zand','kerk','molen','beek','horst','wijk','burg',
              'ga','ri','mo','te','la','vo','ne','sa','ki','do','pe','lu','ma','ro','fi','za','ho','be','ta','wi'] AS s;

            -- Up to 20,000 texts of 30–70 words (one per 50 messages) whose frequencies fall off as in real text: the first words of the list in many
            -- messages, the last in few. Drafted once and shared out (drafting one per message costs minutes per million).
            CREATE TEMP TABLE gen_bodies AS
            SELECT n, array_to_string(ARRAY(SELECT w.w[1 + floor(power(random(), 3) * (array_length(w.w, 1) - 19))::int]
                                           FROM generate_series(1, 30 + (n % 41))), ' ') AS text
            FROM generate_series(0, @bodies - 1) n CROSS JOIN gen_words w;

            CREATE TEMP TABLE gen_targets AS
            SELECT row_number() OVER (ORDER BY d.id) AS n, d.id AS dossier_id,
                   (SELECT p.contact_id FROM dossier_parties p WHERE p.dossier_id = d.id AND p.role = 'Client' LIMIT 1) AS client_id,
                   d.responsible_lawyer_id AS lawyer_id
            FROM dossiers d WHERE d.tenant_id = @firm;

            -- Each message with what both of its inserts need, so the participants' copied columns come from here rather
            -- than from reading back a million fresh rows.
            CREATE TEMP TABLE gen_comms AS
            SELECT c.*, CASE WHEN c.kind = 'Note' THEN 'Internal' WHEN c.g % 2 = 0 THEN 'Incoming' ELSE 'Outgoing' END AS direction,
                   CASE WHEN c.g > @big AND c.g % 10 = 0 THEN NULL ELSE t.dossier_id END AS dossier_id, t.client_id, t.lawyer_id
            FROM (SELECT g,
                         gen_random_uuid() AS id,
                         CASE WHEN g <= @big THEN (SELECT n FROM gen_targets WHERE dossier_id = @big_dossier)
                              ELSE 1 + (g::bigint * 7907) % (SELECT count(*) FROM gen_targets) END AS target,
                         (array['Email','Email','Email','Call','Call','Meeting','Letter','Note'])[1 + (g % 8)] AS kind,
                         now() - make_interval(mins => ((g::bigint * 37) % (60 * 24 * 365 * 6))::int) AS occurred_at
                  FROM generate_series(1, @count) g WHERE g % @parts = @part) c
            JOIN gen_targets t ON t.n = c.target;

            INSERT INTO communications (id, tenant_id, kind, direction, occurred_at, subject, body_html, dossier_id, contact_id,
                                        duration_minutes, location, delivery, confidential, message_id, author_user_id, author_name,
                                        created_at, updated_at, updated_by, participant_names, body_markdown)
            SELECT c.id, @firm, c.kind, c.direction, c.occurred_at,
                   initcap(w.w[1 + (c.g * 13) % 100]) || ' ' || w.w[1 + (c.g * 17) % 100] || ' ' || w.w[1 + (c.g * 19) % 100],
                   -- One of the drafted texts, plus a surname built from two of 40 syllables (1,600 names), each in about
                   -- one message in 1,600.
                   '<p>' || b.text || ' ' || initcap(s.s[1 + floor(random() * 40)::int] || s.s[1 + floor(random() * 40)::int]) || '.</p>',
                   c.dossier_id, c.client_id,
                   CASE WHEN c.kind IN ('Call', 'Meeting') THEN 5 + c.g % 55 END,
                   CASE WHEN c.kind = 'Meeting' THEN 'Kantoor' END,
                   CASE WHEN c.kind = 'Letter' THEN 'Post' END,
                   c.g % 13 = 0,
                   CASE WHEN c.kind = 'Email' THEN 'gen-' || c.g || '@benchmark.example' END,
                   c.lawyer_id, 'Benchmark', c.occurred_at, c.occurred_at, 'Benchmark',
                   '', NULL
            FROM gen_comms c CROSS JOIN gen_words w CROSS JOIN gen_syllables s
            JOIN gen_bodies b ON b.n = (c.g::bigint * 7919) % @bodies;

            -- The copies of the message's dossier, time, kind and direction are written here as the app's trigger would
            -- (a bulk load may run with triggers off: session_replication_role = replica).
            INSERT INTO communication_participants (id, tenant_id, communication_id, contact_id, user_id, name, address, role,
                                                    dossier_id, occurred_at, kind, direction)
            SELECT gen_random_uuid(), @firm, c.id, c.client_id, NULL, 'Cliënt', NULL,
                   CASE WHEN c.kind = 'Call' THEN 'Caller' WHEN c.kind IN ('Email', 'Letter') THEN 'From' ELSE 'Attendee' END,
                   c.dossier_id, c.occurred_at, c.kind, c.direction
            FROM gen_comms c WHERE c.client_id IS NOT NULL
            UNION ALL
            SELECT gen_random_uuid(), @firm, c.id, NULL, c.lawyer_id, 'Advocaat', NULL,
                   CASE WHEN c.kind = 'Call' THEN 'Callee' WHEN c.kind IN ('Email', 'Letter') THEN 'To' ELSE 'Attendee' END,
                   c.dossier_id, c.occurred_at, c.kind, c.direction
            FROM gen_comms c;
            """;
        await using (var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 })
        {
            command.Parameters.AddWithValue("firm", tenantId);
            command.Parameters.AddWithValue("big_dossier", bigDossier);
            command.Parameters.AddWithValue("lawyer", lawyer);
            command.Parameters.AddWithValue("count", communications);
            command.Parameters.AddWithValue("big", bigDossierItems);
            command.Parameters.AddWithValue("part", part);
            command.Parameters.AddWithValue("parts", parts);
            command.Parameters.AddWithValue("bodies", Math.Clamp(communications / 50, 100, 20_000));
            await command.ExecuteNonQueryAsync();
        }

        foreach (var table in vacuum ? new[] { "communications", "communication_participants" } : [])
        {
            await using var analyze = new NpgsqlCommand($"VACUUM ANALYZE {table}", connection) { CommandTimeout = 600 };
            await analyze.ExecuteNonQueryAsync();
        }
    }
}
