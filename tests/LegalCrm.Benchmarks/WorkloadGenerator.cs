using Npgsql;

namespace LegalCrm.Benchmarks;

/// <summary>
/// The rest of a firm's workload, set-based in PostgreSQL as the owner, over the dossiers already generated
/// (<see cref="DossierGenerator"/>): deadlines, tasks and audit rows.
/// </summary>
public static class WorkloadGenerator
{
    /// <summary>
    /// Open deadlines over the firm's dossiers, due from a month ago to a year ahead; with <paramref name="remindersDue"/>
    /// one in twenty has a reminder due now (the reminder benchmark), else every reminder lies ahead (a steady state).
    /// </summary>
    public static async Task FillDeadlinesAsync(string ownerConnectionString, Guid firm, int count, bool vacuum = true, bool remindersDue = true)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            WITH ds AS (SELECT id, responsible_lawyer_id, row_number() OVER (ORDER BY id) - 1 AS n FROM dossiers WHERE tenant_id = @firm),
                 total AS (SELECT count(*) AS c FROM ds)
            INSERT INTO deadlines (id, tenant_id, dossier_id, title, due_date, kind, status, responsible_user_ids, reminder_days,
                                   next_reminder_at, created_at, created_by, updated_at)
            SELECT gen_random_uuid(), @firm, ds.id, 'Termijn ' || g, current_date + (g % 395)::int - 30,
                   CASE WHEN g % 3 = 0 THEN 'Fatal' ELSE 'Internal' END, 'Open', ARRAY[ds.responsible_lawyer_id], ARRAY[14, 7, 3, 1],
                   CASE WHEN @due AND g % 20 = 0 THEN now() - interval '1 minute' ELSE now() + (1 + g % 300) * interval '1 day' END,
                   now(), 'benchmark', now()
            FROM generate_series(0, @count - 1) g CROSS JOIN total JOIN ds ON ds.n = g % total.c;
            """, connection) { CommandTimeout = 600 };
        insert.Parameters.AddWithValue("firm", firm);
        insert.Parameters.AddWithValue("count", count);
        insert.Parameters.AddWithValue("due", remindersDue);
        await insert.ExecuteNonQueryAsync();
        if (vacuum)
        {
            await using var analyze = new NpgsqlCommand("VACUUM ANALYZE deadlines", connection) { CommandTimeout = 600 };
            await analyze.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// Tasks over the lawyers of the dossiers: four in five in a dossier, due from two months ago to ten months ahead;
    /// those due more than a month ago mostly done.
    /// </summary>
    public static async Task FillTasksAsync(string ownerConnectionString, Guid firm, int count, bool vacuum = true)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            WITH ds AS (SELECT id, responsible_lawyer_id, row_number() OVER (ORDER BY id) - 1 AS n FROM dossiers WHERE tenant_id = @firm),
                 total AS (SELECT count(*) AS c FROM ds),
                 t AS (SELECT g, current_date + (g % 365)::int - 60 AS due, (current_date + (g % 365)::int - 60 < current_date - 30 AND g % 5 <> 0) AS done
                       FROM generate_series(0, @count - 1) g)
            INSERT INTO tasks (id, tenant_id, title, assignee_user_id, due_date, priority, status, dossier_id, created_at, created_by, updated_at,
                               completed_at, completed_by)
            SELECT gen_random_uuid(), @firm, 'Taak ' || t.g, ds.responsible_lawyer_id, t.due, 'Normal',
                   CASE WHEN t.done THEN 'Done' ELSE 'Open' END,
                   CASE WHEN t.g % 5 = 0 THEN NULL ELSE ds.id END, now(), 'benchmark', now(),
                   CASE WHEN t.done THEN now() END, CASE WHEN t.done THEN 'benchmark' END
            FROM t CROSS JOIN total JOIN ds ON ds.n = (t.g * 7) % total.c;
            """, connection) { CommandTimeout = 600 };
        insert.Parameters.AddWithValue("firm", firm);
        insert.Parameters.AddWithValue("count", count);
        await insert.ExecuteNonQueryAsync();
        if (vacuum)
        {
            await using var analyze = new NpgsqlCommand("VACUUM ANALYZE tasks", connection) { CommandTimeout = 600 };
            await analyze.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Rows shaped like the interceptor's (update of two fields of a contact, with old and new values), one every 30 seconds up to now (two million: almost two years).</summary>
    public static async Task FillAuditRowsAsync(string ownerConnectionString, Guid firm, int rows, bool vacuum = true)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO audit_entries (tenant_id, occurred_at, user_id, actor_name, action, entity_type, entity_id, subject_type, subject_id, changes, ip_address)
            SELECT @firm, now() - (@rows - g) * interval '30 seconds', NULL, 'medewerker' || (g % 40) || '@kantoor.test',
                   CASE WHEN g % 10 = 0 THEN 'insert' WHEN g % 7 = 0 THEN 'view' ELSE 'update' END, 'Contact', md5(g::text),
                   'Contact', md5(g::text)::uuid,
                   jsonb_build_object('Notes', jsonb_build_object('old', 'Belde over de afspraak van ' || g, 'new', 'Belde terug over dossier ' || (g * 7 % 50000)),
                                      'Version', jsonb_build_object('old', g, 'new', g + 1)),
                   '10.0.' || (g % 250) || '.' || (g % 200)
            FROM generate_series(1, @rows) g
            """, connection);
        command.CommandTimeout = 600;
        command.Parameters.AddWithValue("firm", firm);
        command.Parameters.AddWithValue("rows", rows);
        await command.ExecuteNonQueryAsync();
        if (vacuum)
        {
            await using var analyze = new NpgsqlCommand("ANALYZE audit_entries", connection);
            await analyze.ExecuteNonQueryAsync();
        }
    }
}
