using LegalCrm.Web.Features.Clients;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>
/// The register a new firm starts with: the activities every Dutch law firm has, filled in as far as they are the same
/// everywhere (Dutch text: it is the firm's data, which its privacy officer then edits). New rows each call.
/// </summary>
public static class StartingRegister
{
    private const string StandardSecurity =
        "Toegang op need-to-know per dossier (rollen, dossierteams, ethische muren), tweestapsverificatie, versleutelde verbindingen, " +
        "logging van inzage en wijzigingen, back-ups, geheimhoudingsplicht van advocaten en medewerkers (art. 10a Advocatenwet).";

    public static IReadOnlyList<ProcessingActivity> Activities(DateTimeOffset now) =>
    [
        new()
        {
            UpdatedAt = now,
            Name = "Cliënt- en dossieradministratie",
            Purposes = "Het verlenen van rechtsbijstand: intake, behandelen van de zaak, correspondentie en procederen.",
            LawfulBasis = LawfulBasis.Contract,
            LawfulBasisExplanation = "Overeenkomst van opdracht met de cliënt; voor wederpartijen en derden het gerechtvaardigd belang van de cliënt bij rechtsbijstand.",
            DataSubjectCategories = "Cliënten, contactpersonen van cliënten, wederpartijen, getuigen, deskundigen, andere betrokkenen.",
            PersonalDataCategories = "Naam, adres, e-mail, telefoon, geboortedatum, gegevens in processtukken en correspondentie.",
            SpecialCategories = "Kan voorkomen in dossiers (bijv. gezondheid bij letselschade en arbeidszaken).",
            CriminalData = true,
            Recipients = "Rechtbanken, gerechtshoven, deurwaarders, wederpartijen en hun advocaten, deskundigen.",
            RetentionPeriod = "5 jaar na sluiten van het dossier (NOvA-richtlijn), langer bij lopende aansprakelijkheid.",
            SecurityMeasures = StandardSecurity,
            StoredData = [StoredDataCategory.ContactDetails, StoredDataCategory.Relationships, StoredDataCategory.DossiersAndParties, StoredDataCategory.Communications, StoredDataCategory.Documents, StoredDataCategory.DeadlinesAndTasks],
        },
        new()
        {
            UpdatedAt = now,
            Name = "Conflictcheck",
            Purposes = "Voorkomen van belangenverstrengeling voordat een zaak wordt aangenomen (Voda art. 7.3).",
            LawfulBasis = LawfulBasis.LegalObligation,
            LawfulBasisExplanation = "Verordening op de advocatuur, art. 7.3 (tegenstrijdig belang).",
            DataSubjectCategories = "Cliënten, wederpartijen en aan hen gelieerde personen.",
            PersonalDataCategories = "Naam, KvK-nummer, geboortedatum, relaties tussen partijen.",
            Recipients = "Geen ontvangers buiten het kantoor.",
            RetentionPeriod = "Zolang het dossier waaruit de gegevens komen wordt bewaard.",
            SecurityMeasures = StandardSecurity,
            StoredData = [StoredDataCategory.ContactDetails, StoredDataCategory.Relationships, StoredDataCategory.DossiersAndParties],
        },
        new()
        {
            UpdatedAt = now,
            Name = "Declaraties en financiële administratie",
            Purposes = "Declareren van verrichte werkzaamheden, debiteurenbeheer en de fiscale administratie.",
            LawfulBasis = LawfulBasis.LegalObligation,
            LawfulBasisExplanation = "Fiscale bewaarplicht, art. 52 Algemene wet inzake rijksbelastingen.",
            DataSubjectCategories = "Cliënten en hun contactpersonen.",
            PersonalDataCategories = "Naam, adres, bankrekeningnummer, bestede tijd, declaraties en betalingen.",
            Recipients = "Accountant, Belastingdienst, incassobureau.",
            RetentionPeriod = "7 jaar (art. 52 AWR).",
            SecurityMeasures = StandardSecurity,
            StoredData = [StoredDataCategory.ContactDetails, StoredDataCategory.DossiersAndParties],
        },
        new()
        {
            UpdatedAt = now,
            Name = "Cliëntenonderzoek Wwft",
            Purposes = "Identificeren en verifiëren van cliënten en uiteindelijk belanghebbenden bij Wwft-diensten; melden van ongebruikelijke transacties.",
            LawfulBasis = LawfulBasis.LegalObligation,
            LawfulBasisExplanation = "Wet ter voorkoming van witwassen en financieren van terrorisme (Wwft), art. 3 en 33.",
            DataSubjectCategories = "Cliënten, vertegenwoordigers, uiteindelijk belanghebbenden (UBO's).",
            PersonalDataCategories = "Naam, geboortedatum, nationaliteit, kopie identiteitsbewijs, UBO-gegevens, PEP-status.",
            CriminalData = true,
            Recipients = "Financiële Inlichtingen Eenheid (FIU-Nederland) bij een melding; de deken als toezichthouder.",
            RetentionPeriod = "5 jaar na het einde van de zakelijke relatie (art. 33 lid 3 Wwft).",
            SecurityMeasures = StandardSecurity,
            StoredData = [StoredDataCategory.ContactDetails, StoredDataCategory.Documents],
        },
        new()
        {
            UpdatedAt = now,
            Name = "Nieuwsbrieven en uitnodigingen",
            Purposes = "Informeren van (oud-)cliënten en relaties over juridische ontwikkelingen en bijeenkomsten.",
            LawfulBasis = LawfulBasis.Consent,
            DataSubjectCategories = "Cliënten, oud-cliënten en relaties die zich hebben aangemeld.",
            PersonalDataCategories = "Naam, e-mailadres, organisatie, toestemming (wanneer, waarvoor, welke tekst).",
            Recipients = "Verzendplatform voor e-mail (verwerker).",
            RetentionPeriod = "Tot intrekking van de toestemming; het bewijs van toestemming en intrekking zolang nodig als verantwoording.",
            SecurityMeasures = StandardSecurity,
            StoredData = [StoredDataCategory.ContactDetails, StoredDataCategory.MarketingConsents],
        },
        new()
        {
            UpdatedAt = now,
            Name = "Contactformulier website",
            Purposes = "Beantwoorden van vragen en verzoeken om een eerste gesprek via de website.",
            LawfulBasis = LawfulBasis.LegitimateInterests,
            LawfulBasisExplanation = "Het belang van de vraagsteller en het kantoor bij het beantwoorden van een gestelde vraag.",
            DataSubjectCategories = "Bezoekers van de website die het formulier invullen.",
            PersonalDataCategories = "Naam, e-mail, telefoon, de gestelde vraag.",
            Recipients = "Geen ontvangers buiten het kantoor; de hostingpartij als verwerker.",
            RetentionPeriod = "1 jaar na het laatste contact als er geen dossier volgt.",
            SecurityMeasures = StandardSecurity,
            StoredData = [StoredDataCategory.ContactDetails, StoredDataCategory.Communications],
        },
    ];
}
