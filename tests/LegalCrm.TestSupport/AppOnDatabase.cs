namespace LegalCrm.TestSupport;

/// <summary>
/// A second app on a database that already exists (a restored backup, another instance), with its own document folder
/// and key-encryption key — a fresh process as far as caches go.
/// </summary>
public sealed class AppOnDatabase(TestPostgres.Database database, string documents, string keyEncryptionKey) : CrmAppFactory
{
    protected override Task<TestPostgres.Database> CreateDatabaseAsync() => Task.FromResult(database);

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Documents:StoragePath", documents), new("Security:KeyEncryptionKey", keyEncryptionKey)];
}
