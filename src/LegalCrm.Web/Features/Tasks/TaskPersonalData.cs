using System.Runtime.CompilerServices;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Tasks;

/// <summary>The tasks the firm keeps about the person (to call back, to send a document…).</summary>
public sealed class TaskPersonalData(CrmDbContext db, IStringLocalizer<SharedResource> l) : IPersonalDataSource
{
    public IReadOnlyList<Type> Covers { get; } = [typeof(WorkTask)];

    public async IAsyncEnumerable<PersonalDataItem> CollectAsync(Guid contactId, [EnumeratorCancellation] CancellationToken ct)
    {
        var tasks = db.WorkTasks.AsNoTracking().Where(t => t.ContactId == contactId).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.Title, t.Description, t.DueDate, t.Status, t.CreatedAt, t.CompletedAt })
            .AsAsyncEnumerable();
        await foreach (var t in tasks.WithCancellation(ct))
        {
            yield return new PersonalDataItem(PersonalDataSections.Tasks, $"task:{t.Id}", t.Title,
            [
                new("title", "Title", t.Title),
                new("description", "Description", t.Description),
                new("due", "Due", t.DueDate),
                new("status", "Status", l["taskstatus:" + t.Status].Value),
                new("createdAt", "Recorded on", t.CreatedAt),
                new("completedAt", "Completed at", t.CompletedAt),
            ]);
        }
    }

    /// <summary>Tasks about the person outside a dossier go; a dossier's tasks stay with the dossier, no longer linked to the person.</summary>
    public async Task<IReadOnlyList<ErasureLine>> EraseAsync(ErasureScope scope, bool execute, CancellationToken ct)
    {
        var tasks = await db.WorkTasks.Where(t => t.ContactId == scope.ContactId).ToListAsync(ct);
        var inDossiers = tasks.Where(t => t.DossierId is not null).ToList();
        List<ErasureLine> lines =
        [
            new("Tasks concerning the person", tasks.Count - inDossiers.Count, ErasureAction.Delete),
            new("Tasks in dossiers", inDossiers.Count, ErasureAction.Keep, l["Records of the dossier."].Value),
        ];
        if (execute)
        {
            db.WorkTasks.RemoveRange(tasks.Except(inDossiers));
            foreach (var task in inDossiers.Where(_ => scope.ContactFate != ErasureAction.Keep))
            {
                task.ContactId = scope.ContactFate == ErasureAction.Delete ? null : task.ContactId;
                task.Title = scope.Scrub(task.Title)!;
                task.Description = scope.Scrub(task.Description);
            }

            await db.SaveChangesAsync(ct);
        }

        return lines;
    }
}
