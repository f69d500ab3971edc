namespace LegalCrm.Web.Infrastructure.Email;

public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>SMTP server; empty in Development starts the local sink (<see cref="DevSmtpSink"/>).</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "StartTls";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "no-reply@legalcrm.local";

    public string FromName { get; set; } = "LegalCrm";
}
