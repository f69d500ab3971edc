using System.Text.RegularExpressions;
using System.Xml.Linq;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Clients;

namespace LegalCrm.UnitTests.Localization;

/// <summary>Every text the app shows has its Dutch, and every named text (mail bodies, codes) its English too.</summary>
public sealed partial class TranslationTests
{
    private static readonly string WebProject = Path.Combine(RepositoryRoot(), "src", "LegalCrm.Web");

    [Fact]
    public void Every_text_used_in_code_and_pages_has_a_dutch_translation()
    {
        var dutch = Resource("nl");

        var missing = KeysUsed().Where(k => !dutch.ContainsKey(k)).Order().ToList();

        Assert.True(missing.Count == 0, "Missing in SharedResource.nl.resx:\n" + string.Join("\n", missing));
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public void No_two_texts_differ_only_in_case(string culture)
    {
        // The resource compiler keeps one of two such keys without a warning, so the other shows untranslated.
        var clashes = Resource(culture).Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g));

        Assert.Empty(clashes);
    }

    [Fact]
    public void Named_texts_have_an_english_version_too()
    {
        var english = Resource("en");

        var missing = KeysUsed().Where(k => (NamedKey().IsMatch(k) || k.EndsWith(" body", StringComparison.Ordinal)) && !english.ContainsKey(k)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Translations_keep_the_placeholders_of_their_key()
    {
        var wrong = Resource("nl")
            .Where(kv => !kv.Key.EndsWith(" body", StringComparison.Ordinal))
            .Where(kv => !Placeholders(kv.Key).SetEquals(Placeholders(kv.Value)))
            .Select(kv => kv.Key)
            .ToList();

        Assert.Empty(wrong);
    }

    private static HashSet<string> KeysUsed()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                                 && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LocalizerCall().Matches(text))
            {
                keys.Add(Regex.Unescape(m.Groups[1].Value));
            }

            foreach (Match m in ValidationAttribute().Matches(text))
            {
                keys.Add(m.Groups[1].Value);
            }
        }

        // Keys built at run time: a prefix plus a value from a known list.
        keys.RemoveWhere(k => k.EndsWith(':'));
        keys.UnionWith(AuditActions.All.Select(a => "action:" + a));
        keys.UnionWith(LegalCrm.Web.Features.Audit.IndexModel.KnownEntityTypes.Select(e => "entity:" + e));
        keys.UnionWith(BuiltInRoles.All.Select(r => r.Description));
        keys.UnionWith(Permissions.All.SelectMany(p => new[] { p.Group, p.Description }));
        keys.UnionWith(LegalCrm.Web.Features.Access.IndexModel.Sections.SelectMany(s => new[] { s.Title, s.Description }));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Audit.ChainProblemKind>().Select(k => "chainproblem:" + k));
        keys.UnionWith(Enum.GetNames<EmailKind>().Select(k => "email:" + k));
        keys.UnionWith(Enum.GetNames<PhoneKind>().Select(k => "phone:" + k));
        keys.UnionWith(Enum.GetNames<AddressKind>().Select(k => "address:" + k));
        keys.UnionWith(Enum.GetNames<LawfulBasis>().Select(k => "basis:" + k));
        keys.UnionWith(Enum.GetNames<RelationshipKind>().Select(k => "relationship:" + k));
        keys.UnionWith(Enum.GetValues<RelationshipKind>().SelectMany(k => new[] { ContactRelationship.Label(k), ContactRelationship.InverseLabel(k) }));
        keys.UnionWith(ContactDuplicates.AllReasons);
        keys.UnionWith(ContactMerge.ChoosableFields.Select(f => "field:" + f));
        keys.UnionWith(Enum.GetNames<ImportField>().Select(k => "import:" + k));
        keys.UnionWith(Enum.GetNames<ImportStatus>().Select(k => "import-status:" + k));
        keys.UnionWith(Enum.GetNames<MarketingPurpose>().Select(k => "purpose:" + k));
        keys.UnionWith(Enum.GetNames<ConsentChannel>().Select(k => "channel:" + k));
        keys.Add(ContactImportJob.FailedMessage);
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Dossiers.DossierStatus>().Select(k => "status:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Dossiers.FeeArrangement>().Select(k => "fee:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Dossiers.PartyRole>().Select(k => "role:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Dossiers.ConflictDecision>().Select(k => "conflict:" + k));
        keys.UnionWith(LegalCrm.Web.Features.Dossiers.ConflictSearch.AllReasons);
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Documents.DocumentCategory>().Select(k => "doccat:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Communications.CommunicationKind>().SelectMany(k => new[] { "kind:" + k, "log:" + k, "logged:" + k }));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Communications.CommunicationDirection>().Select(k => "direction:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Communications.LetterDelivery>().Select(k => "delivery:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Communications.ParticipantRole>().Select(k => "participant:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Communications.Mailboxes.MailboxSecurity>().Select(k => "security:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Communications.Mailboxes.TriageSource>().Select(k => "source:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Deadlines.DeadlineKind>().Select(k => "deadline:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Deadlines.DeadlineStatus>().Select(k => "deadlinestatus:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Deadlines.DayOff>().Select(k => "dayoff:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Deadlines.PeriodUnit>().SelectMany(u => new[] { "unit:" + u, "period:" + u + " {0}" }
            .Concat(Enum.GetNames<LegalCrm.Web.Features.Deadlines.CountDirection>().Select(d => "period:" + u + ":" + d + " {0} {1}"))));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Deadlines.CountDirection>().Select(k => "count:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Tasks.WorkTaskPriority>().Select(k => "priority:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Tasks.WorkTaskStatus>().Select(k => "taskstatus:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Agenda.AgendaItemKind>().Select(k => "agenda:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Workflows.WorkflowStepKind>().Select(k => "workflowstep:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Workflows.WorkflowAssignee>().Select(k => "assignee:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Workflows.WorkflowTrigger>().Select(k => "trigger:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Deadlines.StartConvention>().Select(k => "start:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Privacy.TransferSafeguard>().Select(k => "safeguard:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Privacy.ActivityStatus>().Select(k => "activity:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Privacy.StoredDataCategory>().Select(k => "stored:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Privacy.RegisterExportFormat>().Select(k => "export:" + k));
        keys.UnionWith(LegalCrm.Web.Features.Privacy.RegisterCompleteness.Gaps(new LegalCrm.Web.Features.Privacy.ProcessingActivity
        {
            LawfulBasis = LawfulBasis.LegitimateInterests,
            Status = LegalCrm.Web.Features.Privacy.ActivityStatus.Ended,
            TransferSafeguard = LegalCrm.Web.Features.Privacy.TransferSafeguard.Derogation,
        }));
        keys.UnionWith(LegalCrm.Web.Features.Privacy.RegisterCompleteness.Gaps(new LegalCrm.Web.Features.Privacy.ProcessingActivity { ThirdCountryTransfers = "VS" }));
        keys.UnionWith(LegalCrm.Web.Features.Privacy.RegisterCompleteness.Gaps((LegalCrm.Web.Features.Privacy.RegisterDetails?)null));
        keys.UnionWith(LegalCrm.Web.Features.Privacy.PrivacyRules.Gaps(new LegalCrm.Web.Features.Privacy.Processor()));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Privacy.DpiaStatus>().Select(k => "dpia:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Privacy.DpiaOutcome>().Select(k => "outcome:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Privacy.RequestKind>().SelectMany(k => new[] { "request:" + k, "letter:" + k }));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Privacy.RequestChannel>().Select(k => "requestchannel:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Privacy.RequestStatus>().Select(k => "requeststatus:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Privacy.BreachRisk>().Select(k => "risk:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Privacy.AuthorityDecision>().Select(k => "authority:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Privacy.SubjectsDecision>().Select(k => "subjects:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Privacy.SubjectsExemption>().Select(k => "exemption:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Privacy.BreachStatus>().Select(k => "breachstatus:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Privacy.ErasureAction>().Select(k => "erasure:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Privacy.RetentionCategory>().Select(k => "retention:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Privacy.RetentionStart>().Select(k => "retentionstart:" + k));
        keys.UnionWith(Enum.GetNames<LegalCrm.Web.Features.Privacy.RetentionAction>().Select(k => "retentionaction:" + k));
        keys.UnionWith(typeof(LegalCrm.Web.Features.Communications.Mailboxes.MailboxPolling).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name != nameof(LegalCrm.Web.Features.Communications.Mailboxes.MailboxPolling.JobId))
            .Select(f => (string)f.GetRawConstantValue()!));
        foreach (Match m in RulesMessage().Matches(File.ReadAllText(Path.Combine(WebProject, "Features", "Communications", "CommunicationRules.cs"))))
        {
            keys.Add(m.Groups[1].Value);
        }

        foreach (Match m in EmailFileMessage().Matches(File.ReadAllText(Path.Combine(WebProject, "Features", "Communications", "EmailFileReader.cs"))))
        {
            keys.Add(m.Groups[1].Value);
        }

        // The deadline and workflow rules refuse with English sentences the pages translate.
        foreach (var file in new[] { Path.Combine("Deadlines", "DeadlineRules.cs"), Path.Combine("Deadlines", "DeadlineCalculator.cs"), Path.Combine("Workflows", "WorkflowPlan.cs"), Path.Combine("Privacy", "PrivacyRules.cs"), Path.Combine("Privacy", "RequestDeadlines.cs"), Path.Combine("Privacy", "BreachClock.cs"), Path.Combine("Privacy", "RequestExecution.cs") })
        {
            foreach (Match m in SentenceLiteral().Matches(File.ReadAllText(Path.Combine(WebProject, "Features", file))))
            {
                keys.Add(m.Groups[1].Value);
            }
        }

        foreach (var file in new[] { "DocumentUploadRules.cs", "DocumentUploads.cs" })
        {
            foreach (Match m in UploadMessage().Matches(File.ReadAllText(Path.Combine(WebProject, "Features", "Documents", file))))
            {
                keys.Add(m.Groups[1].Value);
            }
        }

        keys.UnionWith(["step:Open", "step:Closed", "step:Archived", "step:Reopen", "step-confirm:Closed", "step-confirm:Archived"]);
        // DossierLifecycle refuses steps with English messages the page translates.
        foreach (Match m in LifecycleMessage().Matches(File.ReadAllText(Path.Combine(WebProject, "Features", "Dossiers", "DossierLifecycle.cs"))))
        {
            keys.Add(m.Groups[1].Value);
        }

        // Import files and rows are refused with English messages the pages translate.
        foreach (var file in new[] { "ImportFileReader.cs", "VCardReader.cs", "ImportRows.cs", "ContactImportPlanner.cs" })
        {
            foreach (Match m in ImportMessage().Matches(File.ReadAllText(Path.Combine(WebProject, "Features", "Clients", file))))
            {
                keys.Add(m.Groups[1].Value);
            }
        }

        // ContactInputRules returns English messages the page translates.
        foreach (Match m in RuleMessage().Matches(File.ReadAllText(Path.Combine(WebProject, "Features", "Clients", "ContactInputRules.cs"))))
        {
            keys.Add(m.Groups[1].Value);
        }

        // What each feature holds about a person: field labels and section titles the access package's PDF translates.
        // What erasure and the retention sweep do, per kind of record: the lines of the preview, the dry run and the deletion log.
        var erasureFiles = new[] { Path.Combine("Privacy", "Erasure.cs"), Path.Combine("Dossiers", "DossierDisposal.cs"), Path.Combine("Privacy", "Retention", "Due.cshtml.cs") }
            .Select(f => Path.Combine(WebProject, "Features", f));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(WebProject, "Features"), "*PersonalData.cs", SearchOption.AllDirectories).Concat(erasureFiles))
        {
            foreach (Match m in PersonalDataLabel().Matches(File.ReadAllText(file)))
            {
                keys.Add(m.Groups[1].Value);
            }

            foreach (Match m in ErasureCategory().Matches(File.ReadAllText(file)))
            {
                keys.Add(m.Groups[1].Value);
            }
        }

        keys.UnionWith(LegalCrm.Web.Features.Privacy.PersonalDataSections.All.Select(s => s.Title));
        keys.UnionWith(typeof(LegalCrm.Web.Features.Privacy.WithholdingReasons).GetFields().Select(f => (string)f.GetRawConstantValue()!));
        keys.UnionWith([LegalCrm.Web.Features.Privacy.RetentionSchedule.HeldPartyReason, LegalCrm.Web.Features.Privacy.RetentionSchedule.RestrictedReason]);

        Assert.True(keys.Count > 100, "The scan found too few texts; it is broken.");
        return keys;
    }

    private static Dictionary<string, string> Resource(string culture) =>
        XDocument.Load(Path.Combine(WebProject, "Resources", $"SharedResource.{culture}.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value, StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LegalCrm.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("LegalCrm.sln not found above the test output.");
    }

    [GeneratedRegex(""""\b(?:L|l|localizer)\["((?:[^"\\]|\\.)*)"""")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex(""""\[(?:Required|EmailAddress|StringLength|Compare|Display|Range|RegularExpression)\((?:[^\]"]|"[^"]*")*?(?:ErrorMessage|Name)\s*=\s*"([^"]+)"""")]
    private static partial Regex ValidationAttribute();

    [GeneratedRegex("""new\([^;]*?, "([^"]+)"\)""")]
    private static partial Regex RuleMessage();

    [GeneratedRegex(""""(?:ImportFileException|ImportProblem|Problem<?[A-Za-z?]*>?)\((?:[^"]*?, )?"([^"]+)"""")]
    private static partial Regex ImportMessage();

    [GeneratedRegex("""new(?: UploadProblem)?\([^"]*?, "([^"]+)", \[""")]
    private static partial Regex UploadMessage();

    [GeneratedRegex("""yield return \("[A-Za-z]+", "([^"]+)"\);""")]
    private static partial Regex RulesMessage();

    [GeneratedRegex("""new EmailFileException\("([^"]+)"\)""")]
    private static partial Regex EmailFileMessage();

    [GeneratedRegex(@"""([A-Z][a-z][^""]*\.)""")]
    private static partial Regex SentenceLiteral();

    [GeneratedRegex("""return "([^"]+)";""")]
    private static partial Regex LifecycleMessage();

    [GeneratedRegex("""new\("\w+", "([^"]+)", """)]
    private static partial Regex PersonalDataLabel();

    [GeneratedRegex("""new\("([A-Z][^"]+)", [^;]*?ErasureAction\.""")]
    private static partial Regex ErasureCategory();

    [GeneratedRegex("^[a-z]+:")]
    private static partial Regex NamedKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
