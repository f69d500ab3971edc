using Npgsql;

namespace LegalCrm.Web.Data;

/// <summary>
/// The database half of tenant isolation, applied by <see cref="DatabaseMigrator"/> after every migration, so a
/// table added later cannot be forgotten: every table with a <c>tenant_id</c> column gets row-level security with
/// the same policy, the app role gets its privileges (and none to change the audit trail), and the lookups that must
/// run before a firm is known are SECURITY DEFINER functions that return ids only.
/// </summary>
public static class DatabaseSecurity
{
    /// <summary>The group role the app connects through. Its members are subject to row-level security.</summary>
    public const string AppRole = "legalcrm_app";

    // Unset or empty setting => NULL => no row matches: a connection without a firm sees nothing.
    private const string CurrentTenant = "NULLIF(current_setting('app.tenant_id', true), '')::uuid";

    public const string EnsureAppRoleSql = $"""
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{AppRole}') THEN
                CREATE ROLE {AppRole} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
            END IF;
        END $$;
        """;

    private const string ApplySql = $"""
        GRANT USAGE ON SCHEMA public TO {AppRole};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {AppRole};
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {AppRole};
        REVOKE ALL ON "__EFMigrationsHistory" FROM {AppRole};
        GRANT SELECT ON "__EFMigrationsHistory" TO {AppRole};

        -- The audit trail is append-only for the app.
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_entries FROM {AppRole};

        DO $$
        DECLARE t record;
        BEGIN
            FOR t IN
                SELECT c.table_name
                FROM information_schema.columns c
                JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
                WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND tb.table_type = 'BASE TABLE'
            LOOP
                EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.table_name);
                EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', t.table_name);
                EXECUTE format(
                    'CREATE POLICY tenant_isolation ON %1$I USING (tenant_id = NULLIF(current_setting(%2$L, true), %3$L)::uuid) '
                    || 'WITH CHECK (tenant_id = NULLIF(current_setting(%2$L, true), %3$L)::uuid)',
                    t.table_name, 'app.tenant_id', '');
            END LOOP;
        END $$;

        -- A firm row is its own tenant.
        ALTER TABLE firms ENABLE ROW LEVEL SECURITY;
        DROP POLICY IF EXISTS tenant_isolation ON firms;
        CREATE POLICY tenant_isolation ON firms USING (id = {CurrentTenant}) WITH CHECK (id = {CurrentTenant});

        CREATE OR REPLACE FUNCTION legalcrm_tenant_of_login(p_normalized_email text) RETURNS uuid
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
            AS $$ SELECT tenant_id FROM users WHERE normalized_email = p_normalized_email $$;
        CREATE OR REPLACE FUNCTION legalcrm_tenant_of_user(p_user_id uuid) RETURNS uuid
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
            AS $$ SELECT tenant_id FROM users WHERE id = p_user_id $$;
        CREATE OR REPLACE FUNCTION legalcrm_firm_ids() RETURNS SETOF uuid
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
            AS $$ SELECT id FROM firms ORDER BY id $$;
        -- Name search for the current firm. Under row-level security PostgreSQL will not use an index for a condition
        -- whose operator is not LEAKPROOF (ILIKE, pg_trgm's <%), so as the app role the trigram GIN index is never used
        -- (measured: ~0.9 s per search at 100,000 contacts). As owner this function can use it; it applies the very same
        -- firm condition as the policy itself and returns ids only.
        -- The two lookups are separate (an OR, or the firm condition in the same scan, makes the planner pick the
        -- firm's btree index and test every row), each fenced with OFFSET 0 so the firm filter follows the trigram scan.
        -- Name search (see ContactSearch): every word of the query as a substring, through the trigram index; the
        -- typo-tolerant trigram match only when that finds fewer than a page, so a common name does not pay for it.
        -- LIKE, not ILIKE: the search text and the words are both folded already (DutchName.Fold: lower case, no
        -- accents), and ILIKE lower-cased every candidate again, character by character, on each search.
        -- With p_ranked each hit carries its rank (word similarity to the whole query) and sort key, computed on the row
        -- the lookup has in hand: a plain search then takes its page of ids from here in rank order, and only those
        -- rows are read again (for a common name: 2,400 hits, 46 ms ranked outside, 14 ms here).
        -- A hit that holds the whole query as words of its own (between spaces) has word similarity 1, the most there
        -- is: that rank is given without computing the similarity, which took two thirds of a common name's search
        -- (14 ms to 7 ms for 2,400 hits). It is the same number, so the filtered search, which ranks with
        -- word_similarity itself, orders alike. Only for a query with a letter or digit: one without has no trigrams.
        DROP FUNCTION IF EXISTS legalcrm_contact_name_matches(text, text, boolean);
        DROP FUNCTION IF EXISTS legalcrm_contact_name_matches(text[], text, boolean, integer);
        CREATE OR REPLACE FUNCTION legalcrm_contact_name_matches(p_patterns text[], p_folded text, p_fuzzy boolean, p_enough integer, p_ranked boolean)
            RETURNS TABLE (id uuid, rank real, sort_key text)
            LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
            AS $fn$
            DECLARE
                v_tenant uuid := {CurrentTenant};
                v_condition text := '';
                v_found bigint := 0;
                v_pattern text;
                v_as_words text := CASE WHEN p_folded ~ '[[:alnum:]]' THEN ' ' || p_folded || ' ' END;
            BEGIN
                IF v_tenant IS NULL THEN
                    RETURN;
                END IF;
                FOREACH v_pattern IN ARRAY coalesce(p_patterns, ARRAY[]::text[]) LOOP
                    v_condition := v_condition || format(' AND search_text LIKE %L', v_pattern);
                END LOOP;
                IF v_condition <> '' THEN
                    RETURN QUERY EXECUTE format(
                        'SELECT m.id,
                                CASE WHEN $3 THEN CASE WHEN strpos('' '' || m.search_text || '' '', $4) > 0 THEN 1 ELSE word_similarity($2, m.search_text) END END,
                                CASE WHEN $3 THEN m.sort_key::text END
                         FROM (SELECT id, tenant_id, search_text, sort_key FROM contacts WHERE true %s OFFSET 0) m WHERE m.tenant_id = $1', v_condition)
                        USING v_tenant, p_folded, p_ranked, v_as_words;
                    GET DIAGNOSTICS v_found = ROW_COUNT;
                END IF;
                IF p_fuzzy AND v_found < p_enough THEN
                    RETURN QUERY EXECUTE format(
                        'SELECT m.id, CASE WHEN $3 THEN word_similarity($2, m.search_text) END, CASE WHEN $3 THEN m.sort_key::text END
                         FROM (SELECT id, tenant_id, search_text, sort_key FROM contacts WHERE search_text %%> $2 OFFSET 0) m WHERE m.tenant_id = $1 AND NOT (true %s)', v_condition)
                        USING v_tenant, p_folded, p_ranked;
                END IF;
            END
            $fn$;
        -- Full-text search of the current firm's communications (see CommunicationSearch): the same reason as above, the
        -- match operator @@ is not LEAKPROOF, so only as owner does PostgreSQL use the GIN index on search_vector. At most
        -- p_limit ids, of this firm only (the policy's own condition); the caller applies access rules and ranking.
        -- Planned for the words given (EXECUTE), and never as a table scan: for a rare name the planner, expecting more
        -- hits than the limit, chose to read the table until the limit was reached, i.e. all of it (1 s at 1,000,000).
        DROP FUNCTION IF EXISTS legalcrm_communication_matches(text, integer);
        CREATE FUNCTION legalcrm_communication_matches(p_query text, p_limit integer) RETURNS SETOF uuid
            LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET enable_seqscan = off
            AS $fn$
            DECLARE
                v_tenant uuid := {CurrentTenant};
            BEGIN
                IF v_tenant IS NULL THEN
                    RETURN;
                END IF;
                RETURN QUERY EXECUTE format(
                    'SELECT m.id FROM (SELECT id, tenant_id FROM communications WHERE search_vector @@ websearch_to_tsquery(%L, %L) OFFSET 0) m WHERE m.tenant_id = $1 LIMIT $2',
                    'public.legalcrm_dutch', p_query)
                    USING v_tenant, p_limit;
            END
            $fn$;
        -- Whether the planner expects at least p_share of all communications to match (CommunicationSearch walks by date
        -- then, instead of reading a GIN posting list of hundreds of thousands of rows). As owner, because under
        -- row-level security PostgreSQL does not use the column's statistics for a non-leakproof operator. Only a yes or
        -- no leaves the function: how common a word is in a sample of every firm's messages says nothing about a firm.
        DROP FUNCTION IF EXISTS legalcrm_communication_words_common(text, double precision);
        CREATE FUNCTION legalcrm_communication_words_common(p_query text, p_share double precision) RETURNS boolean
            LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
            AS $fn$
            DECLARE
                v_plan json;
                v_total double precision;
            BEGIN
                SELECT reltuples INTO v_total FROM pg_class WHERE oid = 'public.communications'::regclass;
                IF v_total IS NULL OR v_total < 1 THEN
                    RETURN false;
                END IF;
                EXECUTE format('EXPLAIN (FORMAT JSON) SELECT 1 FROM communications WHERE search_vector @@ websearch_to_tsquery(%L, %L)',
                    'public.legalcrm_dutch', p_query) INTO v_plan;
                RETURN (v_plan -> 0 -> 'Plan' ->> 'Plan Rows')::double precision >= p_share * v_total;
            END
            $fn$;
        -- The session check of every request (UserSession.LoadAsync): a session's "last seen" as it was, and — for a
        -- session still open whose account is enabled and whose security stamp is the cookie's — "seen now" when that is
        -- older than p_stale_before, in the same statement, so keeping it current costs no round trip of its own. As the
        -- caller (row-level security applies); the copy of last_seen read is taken before the update.
        CREATE OR REPLACE FUNCTION legalcrm_see_session(p_session uuid, p_user uuid, p_stamp text, p_now timestamptz, p_stale_before timestamptz) RETURNS timestamptz
            LANGUAGE sql VOLATILE SET search_path = public, pg_temp
            AS $fn$
                WITH seen AS (
                    SELECT s.last_seen_at FROM user_sessions s WHERE s.id = p_session AND s.user_id = p_user AND s.ended_at IS NULL),
                touched AS (
                    UPDATE user_sessions s SET last_seen_at = p_now
                    FROM users u
                    WHERE s.id = p_session AND s.user_id = p_user AND s.ended_at IS NULL AND s.last_seen_at < p_stale_before
                      AND u.id = p_user AND u.disabled_at IS NULL AND u.security_stamp IS NOT DISTINCT FROM p_stamp
                    RETURNING s.id)
                SELECT last_seen_at FROM seen
            $fn$;
        -- Erasure (AVG art. 17) reaches the audit trail, which the app may not change: this is the one narrow way. It
        -- only replaces one person's values by their pseudonym, only in the current firm's rows, and records that it
        -- did so in the trail itself. Rows about the person (subject or entity) lose every text value except ids,
        -- moments and the app's own codes (p_keep); other rows lose the identifying strings (full names, e-mail
        -- addresses, phone numbers — current ones and every earlier one the person's rows show) where they occur.
        -- The retention sweep uses it too, for dossiers and the records under them (p_subjects: their ids).
        DROP FUNCTION IF EXISTS legalcrm_anonymise_audit(uuid, text, text[], text[]);
        CREATE OR REPLACE FUNCTION legalcrm_scrub_json(p_json jsonb, p_values text[], p_replacement text) RETURNS jsonb
            LANGUAGE plpgsql IMMUTABLE SET search_path = public, pg_temp
            AS $fn$
            DECLARE
                v_text text;
                v_value text;
            BEGIN
                CASE jsonb_typeof(p_json)
                    WHEN 'object' THEN
                        RETURN (SELECT coalesce(jsonb_object_agg(key, legalcrm_scrub_json(value, p_values, p_replacement)), jsonb_build_object()) FROM jsonb_each(p_json));
                    WHEN 'array' THEN
                        RETURN (SELECT coalesce(jsonb_agg(legalcrm_scrub_json(value, p_values, p_replacement) ORDER BY ord), '[]'::jsonb)
                                FROM jsonb_array_elements(p_json) WITH ORDINALITY AS e(value, ord));
                    WHEN 'string' THEN
                        v_text := p_json #>> ARRAY[]::text[];
                        FOREACH v_value IN ARRAY p_values LOOP
                            IF length(v_value) >= 2 THEN
                                v_text := regexp_replace(v_text, regexp_replace(v_value, '([.^$*+?()\[\]\\|-])', '\\\1', 'g'), p_replacement, 'gi');
                            END IF;
                        END LOOP;
                        RETURN to_jsonb(v_text);
                    ELSE
                        RETURN p_json;
                END CASE;
            END
            $fn$;
        CREATE OR REPLACE FUNCTION legalcrm_blank_json(p_json jsonb, p_keep text[], p_replacement text) RETURNS jsonb
            LANGUAGE plpgsql IMMUTABLE SET search_path = public, pg_temp
            AS $fn$
            DECLARE
                v_text text;
            BEGIN
                CASE jsonb_typeof(p_json)
                    WHEN 'object' THEN
                        RETURN (SELECT coalesce(jsonb_object_agg(key, legalcrm_blank_json(value, p_keep, p_replacement)), jsonb_build_object()) FROM jsonb_each(p_json));
                    WHEN 'array' THEN
                        RETURN (SELECT coalesce(jsonb_agg(legalcrm_blank_json(value, p_keep, p_replacement) ORDER BY ord), '[]'::jsonb)
                                FROM jsonb_array_elements(p_json) WITH ORDINALITY AS e(value, ord));
                    WHEN 'string' THEN
                        v_text := p_json #>> ARRAY[]::text[];
                        IF v_text = ANY(p_keep)
                           OR v_text ~ '^[0-9a-f]+-[0-9a-f]+-[0-9a-f]+-[0-9a-f]+-[0-9a-f]+$'
                           OR v_text ~ '^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9:.]+([+-][0-9:]+|Z)?$' THEN
                            RETURN p_json;
                        END IF;
                        RETURN to_jsonb(p_replacement);
                    ELSE
                        RETURN p_json;
                END CASE;
            END
            $fn$;
        CREATE OR REPLACE FUNCTION legalcrm_anonymise_audit(p_subject_type text, p_subjects uuid[], p_pseudonym text, p_keep text[], p_mentions text[]) RETURNS integer
            LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
            AS $fn$
            DECLARE
                v_tenant uuid := {CurrentTenant};
                v_mentions text[];
                v_about integer;
                v_mentioning integer := 0;
                v_run bigint;
                v_ids bigint[];
                v_mentioned bigint[];
            BEGIN
                IF v_tenant IS NULL THEN
                    RAISE EXCEPTION 'legalcrm_anonymise_audit: no firm on this connection';
                END IF;
                IF p_pseudonym IS NULL OR p_pseudonym !~ '^[[:alpha:] ]+ [0-9A-F][0-9A-F][0-9A-F][0-9A-F]+$' THEN
                    RAISE EXCEPTION 'legalcrm_anonymise_audit: the replacement must be a pseudonym such as "Persoon 8F2A"';
                END IF;
                -- p_mentions NULL: only the rows about the subjects (the retention sweep; indexed), no scan for mentions elsewhere.
                IF p_mentions IS NOT NULL THEN
                    SELECT array_agg(DISTINCT m ORDER BY m) INTO v_mentions FROM (
                        SELECT unnest(p_mentions) AS m
                        UNION
                        SELECT x.v FROM audit_entries a
                            CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(a.changes) = 'object' THEN a.changes ELSE jsonb_build_object() END) f
                            CROSS JOIN LATERAL (VALUES (f.value ->> 'old'), (f.value ->> 'new')) x(v)
                         WHERE a.tenant_id = v_tenant AND a.subject_id = ANY(p_subjects) AND jsonb_typeof(f.value) = 'object'
                           AND f.key IN ('DisplayName', 'Address', 'NormalizedAddress', 'Number')) found
                     WHERE length(m) >= 5;
                END IF;
                -- The run's own row comes first: the rows it changes name it (anonymised_by), and it records a digest of
                -- their ids, so the hash chain can accept exactly these changes after sealing (decision 0020).
                INSERT INTO audit_entries (tenant_id, occurred_at, actor_name, action, entity_type, entity_id, subject_type, subject_id, changes)
                VALUES (v_tenant, now(), 'erasure', 'audit.anonymised', p_subject_type, p_subjects[1]::text, p_subject_type, p_subjects[1], jsonb_build_object())
                RETURNING id INTO v_run;
                WITH changed AS (
                    UPDATE audit_entries SET changes = legalcrm_blank_json(changes, p_keep, p_pseudonym),
                                             anonymised_by = array_append(coalesce(anonymised_by, ARRAY[]::bigint[]), v_run)
                     WHERE tenant_id = v_tenant AND changes IS NOT NULL AND id <> v_run
                       AND (subject_id = ANY(p_subjects) OR entity_id = ANY(p_subjects::text[]))
                    RETURNING id)
                SELECT coalesce(array_agg(id), ARRAY[]::bigint[]) INTO v_ids FROM changed;
                v_about := coalesce(array_length(v_ids, 1), 0);
                IF coalesce(array_length(v_mentions, 1), 0) > 0 THEN
                    WITH changed AS (
                        UPDATE audit_entries SET changes = legalcrm_scrub_json(changes, v_mentions, p_pseudonym),
                                                 anonymised_by = array_append(coalesce(anonymised_by, ARRAY[]::bigint[]), v_run)
                         WHERE tenant_id = v_tenant AND changes IS NOT NULL AND id <> v_run
                           AND NOT coalesce(subject_id = ANY(p_subjects), false) AND NOT coalesce(entity_id = ANY(p_subjects::text[]), false)
                           AND EXISTS (SELECT 1 FROM unnest(v_mentions) m WHERE strpos(lower(changes::text), lower(m)) > 0)
                        RETURNING id)
                    SELECT coalesce(array_agg(id), ARRAY[]::bigint[]) INTO v_mentioned FROM changed;
                    v_mentioning := coalesce(array_length(v_mentioned, 1), 0);
                    v_ids := v_ids || v_mentioned;
                END IF;
                UPDATE audit_entries SET changes = jsonb_build_object(
                        'pseudonym', p_pseudonym, 'rowsAboutThePerson', v_about, 'rowsMentioningThePerson', v_mentioning,
                        'rowsDigest', encode(sha256(convert_to(coalesce((SELECT string_agg(i::text, ',' ORDER BY i) FROM unnest(v_ids) i), ''), 'UTF8')), 'hex'))
                 WHERE id = v_run AND tenant_id = v_tenant;
                RETURN v_about + v_mentioning;
            END
            $fn$;
        -- Sealing the audit chain (decision 0020): the app computes the links (it holds the firm's key) and this fills
        -- them in, only on rows not sealed yet and only continuing the firm's chain from its head without a gap. The app
        -- still cannot change a sealed row.
        CREATE OR REPLACE FUNCTION legalcrm_seal_audit(p_ids bigint[], p_seqs bigint[], p_digests bytea[], p_hashes bytea[]) RETURNS integer
            LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
            AS $fn$
            DECLARE
                v_tenant uuid := {CurrentTenant};
                v_head bigint;
                v_count integer;
            BEGIN
                IF v_tenant IS NULL THEN
                    RAISE EXCEPTION 'legalcrm_seal_audit: no firm on this connection';
                END IF;
                PERFORM pg_advisory_xact_lock(hashtextextended('audit-chain:' || v_tenant::text, 0));
                SELECT coalesce(max(chain_seq), 0) INTO v_head FROM audit_entries WHERE tenant_id = v_tenant;
                IF EXISTS (SELECT 1 FROM unnest(p_seqs) WITH ORDINALITY s(seq, n) WHERE s.seq <> v_head + s.n) THEN
                    RAISE EXCEPTION 'legalcrm_seal_audit: links must continue the chain after %', v_head;
                END IF;
                UPDATE audit_entries a SET chain_seq = x.seq, changes_digest = x.digest, chain_hash = x.hash
                  FROM unnest(p_ids, p_seqs, p_digests, p_hashes) AS x(id, seq, digest, hash)
                 WHERE a.id = x.id AND a.tenant_id = v_tenant AND a.chain_seq IS NULL;
                GET DIAGNOSTICS v_count = ROW_COUNT;
                IF v_count <> coalesce(array_length(p_ids, 1), 0) THEN
                    RAISE EXCEPTION 'legalcrm_seal_audit: % of % rows could be sealed', v_count, coalesce(array_length(p_ids, 1), 0);
                END IF;
                RETURN v_count;
            END
            $fn$;
        REVOKE ALL ON FUNCTION legalcrm_seal_audit(bigint[], bigint[], bytea[], bytea[]) FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION legalcrm_seal_audit(bigint[], bigint[], bytea[], bytea[]) TO {AppRole};
        REVOKE ALL ON FUNCTION legalcrm_anonymise_audit(text, uuid[], text, text[], text[]) FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION legalcrm_anonymise_audit(text, uuid[], text, text[], text[]) TO {AppRole};

        REVOKE ALL ON FUNCTION legalcrm_tenant_of_login(text), legalcrm_tenant_of_user(uuid), legalcrm_firm_ids(), legalcrm_contact_name_matches(text[], text, boolean, integer, boolean), legalcrm_communication_matches(text, integer), legalcrm_communication_words_common(text, double precision), legalcrm_see_session(uuid, uuid, text, timestamptz, timestamptz) FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION legalcrm_tenant_of_login(text), legalcrm_tenant_of_user(uuid), legalcrm_firm_ids(), legalcrm_contact_name_matches(text[], text, boolean, integer, boolean), legalcrm_communication_matches(text, integer), legalcrm_communication_words_common(text, double precision), legalcrm_see_session(uuid, uuid, text, timestamptz, timestamptz) TO {AppRole};

        -- Hangfire's tables: the app enqueues and runs jobs, it does not change their schema.
        GRANT USAGE ON SCHEMA hangfire TO {AppRole};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA hangfire TO {AppRole};
        GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA hangfire TO {AppRole};
        """;

    public static async Task ApplyAsync(NpgsqlConnection adminConnection, CancellationToken ct = default)
    {
        await using var ensure = new NpgsqlCommand(EnsureAppRoleSql, adminConnection);
        await ensure.ExecuteNonQueryAsync(ct);
        await using var apply = new NpgsqlCommand(ApplySql, adminConnection);
        await apply.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Refuses to run the app on a connection that row-level security would not apply to: a superuser,
    /// a role with BYPASSRLS, or the owner of the tables.
    /// </summary>
    public static async Task VerifyAppConnectionAsync(string connectionString, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT r.rolsuper OR r.rolbypassrls
                OR EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = current_user),
                   CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'legalcrm_app')
                        THEN pg_has_role(current_user, 'legalcrm_app', 'MEMBER') ELSE false END,
                   current_user
            FROM pg_roles r WHERE r.rolname = current_user
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var bypasses = reader.GetBoolean(0);
        var isMember = reader.GetBoolean(1);
        var user = reader.GetString(2);
        if (bypasses || !isMember)
        {
            throw new InvalidOperationException(
                $"The database user '{user}' of ConnectionStrings:Crm must be a member of the role '{AppRole}' and must not be a " +
                "superuser, have BYPASSRLS or own the tables: row-level security would not protect the firms' data. " +
                "Run migrations with ConnectionStrings:CrmAdmin and let the app connect as a separate login (see README, 'Production').");
        }
    }
}
