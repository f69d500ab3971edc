using Microsoft.AspNetCore.DataProtection;

namespace LegalCrm.Web.Features.Communications.Mailboxes;

/// <summary>
/// Encrypts a mailbox password with ASP.NET Data Protection (keys in the database, AVG art. 32): the table holds only
/// ciphertext, and the plain password exists only in memory while the job logs in.
/// </summary>
public sealed class MailboxSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("LegalCrm.Mailbox.Password.v1");

    public string Protect(string password) => _protector.Protect(password);

    public string Unprotect(string encrypted) => _protector.Unprotect(encrypted);
}
