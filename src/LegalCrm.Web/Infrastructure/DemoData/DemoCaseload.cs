using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Clients;
using LegalCrm.Web.Features.Deadlines;
using LegalCrm.Web.Features.Documents;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Features.Tasks;
using LegalCrm.Web.Infrastructure.Time;
using LegalCrm.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Infrastructure.DemoData;

/// <summary>
/// Development only: a small, realistic caseload for the demo firm — persons and organisations with Dutch details and
/// relationships, a team, and three dossiers (open, intake, closed) with parties, team, conflict checks and a document. Written through the
/// same rules and mapping as the pages, so the demo shows what users would have entered.
/// </summary>
public sealed class DemoCaseload(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task SeedAsync(Guid firmId, CrmUser admin, Guid lawyerId, Guid assistantId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateFirmScope(firmId);
        var services = scope.ServiceProvider;
        services.GetRequiredService<CurrentUser>().Identify(admin.Id, admin.Email!);
        var db = services.GetRequiredService<CrmDbContext>();
        var numbers = services.GetRequiredService<NumberSequences>();
        var today = AmsterdamTime.Today(clock);
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        async Task<Contact> AddAsync(ContactInput input, bool client)
        {
            var contact = new Contact { Kind = input.Kind, CreatedAt = now };
            ContactInputMapping.Apply(input, contact);
            if (client)
            {
                contact.ClientNumber = (int)await numbers.NextAsync("client", ct);
                contact.ClientSince = today.AddMonths(-14);
                contact.ResponsibleLawyerId = lawyerId;
            }

            contact.RecomputeNames();
            contact.UpdatedAt = now;
            contact.UpdatedBy = "demo";
            db.Contacts.Add(contact);
            return contact;
        }

        static ContactInput.AddressRow Address(string street, string postcode, string city) => new() { Kind = AddressKind.Visit, Street = street, PostalCode = postcode, City = city };

        var bakker = await AddAsync(new ContactInput
        {
            Kind = ContactKind.Person,
            Initials = "J.H.",
            FirstName = "Jan",
            NameParticle = "van den",
            LastName = "Bakker",
            Salutation = "De heer",
            DateOfBirth = new DateOnly(1971, 3, 14),
            Emails = [new() { Address = "j.vandenbakker@example.nl" }],
            Phones = [new() { Kind = PhoneKind.Mobile, Number = "06-12345678" }],
            Addresses = [Address("Keizersgracht 101", "1015 CJ", "Amsterdam")],
            LawfulBasis = LawfulBasis.Contract,
        }, client: true);
        var muller = await AddAsync(new ContactInput
        {
            Kind = ContactKind.Person,
            Initials = "S.",
            FirstName = "Sophie",
            LastName = "Müller",
            Salutation = "Mevrouw",
            Emails = [new() { Address = "sophie.muller@example.nl" }],
            Phones = [new() { Kind = PhoneKind.Mobile, Number = "+31 6 87654321" }],
            Addresses = [Address("Oudegracht 12", "3511 AP", "Utrecht")],
            LawfulBasis = LawfulBasis.Contract,
        }, client: true);
        var bouw = await AddAsync(new ContactInput
        {
            Kind = ContactKind.Organisation,
            OrganisationName = "Bouwbedrijf De Hoek",
            LegalForm = "B.V.",
            KvkNumber = "34123456",
            Emails = [new() { Address = "info@dehoek-bouw.example.nl" }],
            Phones = [new() { Kind = PhoneKind.Work, Number = "020 123 4567" }],
            Addresses = [Address("Industrieweg 5", "1332 AB", "Almere")],
            LawfulBasis = LawfulBasis.LegitimateInterests,
            DataSource = "Handelsregister KvK",
        }, client: false);
        var directeur = await AddAsync(new ContactInput
        {
            Kind = ContactKind.Person,
            Initials = "P.",
            LastName = "de Hoek",
            Salutation = "De heer",
            LawfulBasis = LawfulBasis.LegitimateInterests,
            DataSource = "Handelsregister KvK",
        }, client: false);
        var advocaat = await AddAsync(new ContactInput
        {
            Kind = ContactKind.Person,
            Initials = "M.",
            LastName = "Jansen",
            Salutation = "Mr.",
            Emails = [new() { Address = "m.jansen@jansen-advocatuur.example.nl" }],
            LawfulBasis = LawfulBasis.LegitimateInterests,
        }, client: false);
        var rechtbank = await AddAsync(new ContactInput
        {
            Kind = ContactKind.Organisation,
            OrganisationName = "Rechtbank Amsterdam",
            Addresses = [Address("Parnassusweg 280", "1076 AV", "Amsterdam")],
            LawfulBasis = LawfulBasis.PublicTask,
        }, client: false);
        var werkgever = await AddAsync(new ContactInput
        {
            Kind = ContactKind.Organisation,
            OrganisationName = "Zorggroep Noord",
            LegalForm = "Stichting",
            KvkNumber = "41000001",
            Addresses = [Address("Zuiderdiep 40", "9711 HJ", "Groningen")],
            LawfulBasis = LawfulBasis.LegitimateInterests,
        }, client: false);
        db.ContactRelationships.Add(new ContactRelationship { FromContactId = directeur.Id, ToContactId = bouw.Id, Kind = RelationshipKind.DirectorOf });
        await db.SaveChangesAsync(ct);

        var pattern = Features.Dossiers.DossierNumberFormat.Default;
        async Task<Dossier> DossierAsync(string title, string area, Contact client, DossierStatus status, params (Contact Contact, PartyRole Role)[] others)
        {
            var dossier = new Dossier
            {
                Number = Features.Dossiers.DossierNumberFormat.Format(pattern, today.Year, await numbers.NextAsync(Features.Dossiers.DossierNumberFormat.SequenceName(today.Year), ct)),
                Title = title,
                PracticeArea = area,
                ResponsibleLawyerId = lawyerId,
                FeeArrangement = FeeArrangement.Hourly,
                Status = DossierStatus.Intake,
                CreatedAt = now,
                UpdatedAt = now,
                UpdatedBy = "demo",
                Members = [new DossierMember { UserId = assistantId }],
                Parties = [new DossierParty { ContactId = client.Id, Role = PartyRole.Client, StartDate = today.AddMonths(-2) }, .. others.Select(o => new DossierParty { ContactId = o.Contact.Id, Role = o.Role })],
            };
            db.Dossiers.Add(dossier);
            db.DossierStatusChanges.Add(new DossierStatusChange { DossierId = dossier.Id, To = DossierStatus.Intake, At = now, ByUserId = admin.Id, ByName = "demo" });
            await db.SaveChangesAsync(ct);
            var check = await services.GetRequiredService<ConflictSearch>().RunAsync(dossier.Id, ct: ct);
            if (status != DossierStatus.Intake)
            {
                check.Decision = ConflictDecision.NoConflict;
                check.DecidedByUserId = admin.Id;
                check.DecidedByName = "demo";
                check.DecidedAt = now;
                dossier.Status = status;
                dossier.OpenedOn = today.AddMonths(-2);
                dossier.ClosedOn = status == DossierStatus.Closed ? today.AddDays(-10) : null;
                db.DossierStatusChanges.Add(new DossierStatusChange { DossierId = dossier.Id, From = DossierStatus.Intake, To = status, At = now, ByUserId = admin.Id, ByName = "demo" });
                await db.SaveChangesAsync(ct);
            }

            return dossier;
        }

        var verbouwing = await DossierAsync("Van den Bakker / Bouwbedrijf De Hoek: gebreken verbouwing", "Contractenrecht", bakker, DossierStatus.Open,
            (bouw, PartyRole.OpposingParty), (advocaat, PartyRole.OpposingCounsel), (rechtbank, PartyRole.Court));
        var team = new Team { Name = "Sectie procesrecht", Description = "Advocaten en secretariaat van de procespraktijk", CreatedAt = now };
        db.Teams.Add(team);
        db.TeamMembers.AddRange(new TeamMember { TeamId = team.Id, UserId = lawyerId }, new TeamMember { TeamId = team.Id, UserId = assistantId });
        db.DossierTeams.Add(new DossierTeam { DossierId = verbouwing.Id, TeamId = team.Id });
        await db.SaveChangesAsync(ct);
        var notes = System.Text.Encoding.UTF8.GetBytes("Intakegesprek met mevrouw Van den Bakker.\nGebreken: lekkage dakkapel, scheuren in de aanbouw.\nVolgende stap: ingebrekestelling aan Bouwbedrijf De Hoek.\n");
        await services.GetRequiredService<DocumentUploads>().AddDocumentsAsync(verbouwing.Id,
            [new IncomingFile("Aantekeningen intakegesprek.txt", notes.Length, () => new MemoryStream(notes))], DocumentCategory.Memo, today.AddMonths(-2), ct);

        // The verbouwing lost at the kantonrechter three weeks ago: the appeal deadline, counted by the firm's own rule,
        // a date the other side must answer by, and the work that goes with them.
        var appeal = await db.DeadlineRules.SingleAsync(r => r.Name == "Hoger beroep", ct);
        var judgment = today.AddDays(-21);
        var calculation = DeadlineCalculator.Calculate(judgment, appeal.Period, await FirmHolidays.LoadAsync(db, ct));
        Deadline[] deadlines =
        [
            new()
            {
                DossierId = verbouwing.Id, Title = "Hoger beroep tegen vonnis kantonrechter", DueDate = calculation.Due, Kind = DeadlineKind.Fatal,
                RuleId = appeal.Id, RuleName = appeal.Name, EventDate = judgment, Calculation = calculation.ToJson(), ResponsibleUserIds = [lawyerId],
                ReminderDays = [.. DeadlineRules.DefaultReminderDays(DeadlineKind.Fatal)], CreatedAt = now, CreatedBy = "demo", UpdatedAt = now,
            },
            new()
            {
                DossierId = verbouwing.Id, Title = "Reactie Bouwbedrijf De Hoek op ingebrekestelling", DueDate = today.AddDays(10), Kind = DeadlineKind.Internal,
                ResponsibleUserIds = [lawyerId, assistantId], ReminderDays = [.. DeadlineRules.DefaultReminderDays(DeadlineKind.Internal)], CreatedAt = now,
                CreatedBy = "demo", UpdatedAt = now,
            },
        ];
        foreach (var deadline in deadlines)
        {
            deadline.PlanReminders(now);
        }

        db.Deadlines.AddRange(deadlines);
        db.WorkTasks.AddRange(
            new WorkTask
            {
                Title = "Ingebrekestelling aangetekend versturen",
                AssigneeUserId = assistantId,
                DueDate = today.AddDays(2),
                Priority = WorkTaskPriority.High,
                DossierId = verbouwing.Id,
                CreatedAt = now,
                CreatedBy = "demo",
                UpdatedAt = now,
            },
            new WorkTask
            {
                Title = "Producties ordenen voor de memorie van grieven",
                AssigneeTeamId = team.Id,
                DueDate = today.AddDays(14),
                DossierId = verbouwing.Id,
                CreatedAt = now,
                CreatedBy = "demo",
                UpdatedAt = now,
            });
        // Tomorrow the lawyer meets the client about the appeal: a logged meeting, on the agenda.
        db.Communications.Add(new Features.Communications.Communication
        {
            Kind = Features.Communications.CommunicationKind.Meeting,
            Direction = Features.Communications.CommunicationDirection.Internal,
            OccurredAt = AmsterdamTime.FromLocal(today.AddDays(1).ToDateTime(new TimeOnly(10, 30))),
            DurationMinutes = 60,
            Location = "Kantoor, spreekkamer 2",
            Subject = "Bespreking kansen hoger beroep met mevrouw Van den Bakker",
            BodyHtml = "<p>Vonnis doornemen, kosten en kansen van hoger beroep bespreken.</p>",
            DossierId = verbouwing.Id,
            AuthorUserId = lawyerId,
            AuthorName = "demo",
            UpdatedBy = "demo",
            CreatedAt = now,
            UpdatedAt = now,
            Participants =
            [
                new Features.Communications.CommunicationParticipant { UserId = lawyerId, Name = "Advocaat", Role = Features.Communications.ParticipantRole.Attendee },
                new Features.Communications.CommunicationParticipant { ContactId = bakker.Id, Name = bakker.DisplayName, Role = Features.Communications.ParticipantRole.Attendee },
            ],
        });

        // A workflow for court cases: when the judgment's date is entered, the appeal deadline and the work around it.
        db.WorkflowTemplates.Add(new Features.Workflows.WorkflowTemplate
        {
            Name = "Procedure bij de rechtbank",
            DossierType = "Procedure",
            Steps =
            [
                new() { Position = 1, Kind = Features.Workflows.WorkflowStepKind.Task, Title = "Processtrategie met cliënt bespreken", Trigger = Features.Workflows.WorkflowTrigger.DossierOpened, OffsetDays = 7 },
                new() { Position = 2, Kind = Features.Workflows.WorkflowStepKind.Deadline, Title = "Hoger beroep tegen het vonnis", Trigger = Features.Workflows.WorkflowTrigger.DateEntered, DateLabel = "Datum vonnis", RuleId = appeal.Id },
                new() { Position = 3, Kind = Features.Workflows.WorkflowStepKind.Task, Title = "Vonnis met cliënt bespreken", Trigger = Features.Workflows.WorkflowTrigger.DateEntered, DateLabel = "Datum vonnis", OffsetDays = 5 },
                new() { Position = 4, Kind = Features.Workflows.WorkflowStepKind.Task, Title = "Kostenoverzicht naar cliënt", Trigger = Features.Workflows.WorkflowTrigger.DateEntered, DateLabel = "Datum vonnis", OffsetDays = 7, Assignee = Features.Workflows.WorkflowAssignee.Assistant },
            ],
        });
        await db.SaveChangesAsync(ct);
        await DossierAsync("Müller: ontslag op staande voet", "Arbeidsrecht", muller, DossierStatus.Intake, (werkgever, PartyRole.OpposingParty));
        await DossierAsync("Van den Bakker: huurgeschil bovenwoning", "Huurrecht", bakker, DossierStatus.Closed);
        await transaction.CommitAsync(ct);
    }
}
