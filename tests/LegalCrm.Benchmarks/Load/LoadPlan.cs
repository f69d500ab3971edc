using LegalCrm.Web.Features.Access;
using Npgsql;

namespace LegalCrm.Benchmarks.Load;

/// <summary>One signed-in person of the load: what they may open, sampled from the data as the list rules would show it.</summary>
public sealed record LoadUser(string Email, string RoleKey, IReadOnlyList<Guid> Dossiers, IReadOnlyList<Guid> Clients)
{
    /// <summary>Readers look; everyone else also logs calls.</summary>
    public bool LogsCalls => RoleKey != BuiltInRoles.ReadOnly;
}

/// <summary>Who signs in and what they look up: the inputs of a load run, read from the generated firm.</summary>
public sealed record LoadPlan(IReadOnlyList<LoadUser> Users, IReadOnlyList<string> ContactSearches, IReadOnlyList<string> CommunicationSearches)
{
    /// <summary>
    /// Words of the generated correspondence (<see cref="CommunicationGenerator"/>), from ones in many messages to a
    /// surname in one message in 1,600: what someone types to find "that e-mail about the transition payment".
    /// </summary>
    private static readonly string[] CommunicationWords =
        ["dagvaarding", "transitievergoeding", "huurder schade", "\"hoger beroep\"", "faillissement", "bergga", "molenta", "ingebrekestelling"];

    public static async Task<LoadPlan> ReadAsync(string ownerConnectionString, GeneratedFirm firm)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        var users = new List<LoadUser>();
        foreach (var user in firm.LoadUsers)
        {
            // The dossier list rule without walls (the generator makes none): responsible, member, or through a team.
            var dossiers = await IdsAsync(connection,
                """
                SELECT d.id FROM dossiers d
                WHERE d.tenant_id = @firm AND d.status IN ('Intake', 'Open')
                  AND (d.responsible_lawyer_id = @user
                       OR EXISTS (SELECT 1 FROM dossier_members m WHERE m.dossier_id = d.id AND m.user_id = @user)
                       OR EXISTS (SELECT 1 FROM dossier_teams t JOIN team_members tm ON tm.team_id = t.team_id
                                  WHERE t.dossier_id = d.id AND tm.user_id = @user))
                ORDER BY md5(d.id::text) LIMIT 200
                """, firm.Id, user.Id);
            var clients = await IdsAsync(connection,
                "SELECT p.contact_id FROM dossier_parties p WHERE p.dossier_id = ANY(@dossiers) AND p.role = 'Client'", firm.Id, user.Id, dossiers);
            if (dossiers.Count == 0 || clients.Count == 0)
            {
                throw new InvalidOperationException($"{user.Email} sees no dossiers: the generated firm is not what the load expects.");
            }

            users.Add(new LoadUser(user.Email, user.RoleKey, dossiers, clients));
        }

        var names = new List<string>();
        await using (var command = new NpgsqlCommand(
                         "SELECT DISTINCT last_name FROM contacts WHERE tenant_id = @firm AND kind = 'Person' AND last_name IS NOT NULL LIMIT 100", connection))
        {
            command.Parameters.AddWithValue("firm", firm.Id);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        return new LoadPlan(users, names, CommunicationWords);
    }

    private static async Task<List<Guid>> IdsAsync(NpgsqlConnection connection, string sql, Guid firm, Guid user, List<Guid>? dossiers = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("firm", firm);
        command.Parameters.AddWithValue("user", user);
        command.Parameters.AddWithValue("dossiers", dossiers?.ToArray() ?? []);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
