namespace LegalCrm.Web.Features.Audit;

/// <summary>The record a change belongs to in a history feed (a contact's phone number belongs to the contact).</summary>
public readonly record struct AuditSubject(string Type, Guid Id);

/// <summary>An entity whose audit rows should show in another record's history (see <see cref="AuditEntry.SubjectId"/>).</summary>
public interface IAuditSubject
{
    AuditSubject AuditSubject { get; }
}
