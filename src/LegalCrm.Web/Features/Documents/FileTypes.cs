namespace LegalCrm.Web.Features.Documents;

/// <summary>
/// Which files a dossier takes, judged by their content, not their name: the first bytes must be what the extension
/// promises (a <c>.pdf</c> must start like a PDF), programs are refused whatever they are called, and the content type
/// we store and serve follows from the content. Only PDFs and common images are shown inline.
/// </summary>
public static class FileTypes
{
    /// <summary>How many bytes from the start <see cref="Check"/> wants to see.</summary>
    public const int HeadLength = 4096;

    private enum Kind
    {
        Pdf,
        Png,
        Jpeg,
        Gif,
        Webp,
        Tiff,
        Zip,
        CompoundFile,
        Rtf,
        Text,
        Program,
        Unknown,
    }

    private sealed record Allowed(Kind Kind, string ContentType);

    private static readonly Dictionary<string, Allowed> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = new(Kind.Pdf, "application/pdf"),
        [".png"] = new(Kind.Png, "image/png"),
        [".jpg"] = new(Kind.Jpeg, "image/jpeg"),
        [".jpeg"] = new(Kind.Jpeg, "image/jpeg"),
        [".gif"] = new(Kind.Gif, "image/gif"),
        [".webp"] = new(Kind.Webp, "image/webp"),
        [".tif"] = new(Kind.Tiff, "image/tiff"),
        [".tiff"] = new(Kind.Tiff, "image/tiff"),
        [".docx"] = new(Kind.Zip, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        [".xlsx"] = new(Kind.Zip, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        [".pptx"] = new(Kind.Zip, "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        [".odt"] = new(Kind.Zip, "application/vnd.oasis.opendocument.text"),
        [".ods"] = new(Kind.Zip, "application/vnd.oasis.opendocument.spreadsheet"),
        [".zip"] = new(Kind.Zip, "application/zip"),
        [".doc"] = new(Kind.CompoundFile, "application/msword"),
        [".xls"] = new(Kind.CompoundFile, "application/vnd.ms-excel"),
        [".ppt"] = new(Kind.CompoundFile, "application/vnd.ms-powerpoint"),
        [".msg"] = new(Kind.CompoundFile, "application/vnd.ms-outlook"),
        [".rtf"] = new(Kind.Rtf, "application/rtf"),
        [".txt"] = new(Kind.Text, "text/plain; charset=utf-8"),
        [".csv"] = new(Kind.Text, "text/csv; charset=utf-8"),
        [".eml"] = new(Kind.Text, "message/rfc822"),
        [".xml"] = new(Kind.Text, "application/xml"),
    };

    public static IReadOnlyCollection<string> Extensions => ByExtension.Keys;

    /// <summary>What to do with a file called <paramref name="fileName"/> whose first bytes are <paramref name="head"/>.</summary>
    public static FileTypeCheck Check(string fileName, ReadOnlySpan<byte> head)
    {
        var extension = Path.GetExtension(fileName);
        if (!ByExtension.TryGetValue(extension, out var allowed))
        {
            return new FileTypeCheck(FileTypeVerdict.NotAllowed, null);
        }

        var actual = Detect(head);
        return actual == allowed.Kind
            ? new FileTypeCheck(FileTypeVerdict.Accepted, allowed.ContentType)
            : new FileTypeCheck(FileTypeVerdict.Disguised, null);
    }

    /// <summary>Whether a stored content type may be shown in the browser (PDF, images); everything else downloads.</summary>
    public static bool IsPreviewable(string contentType) =>
        contentType is "application/pdf" or "image/png" or "image/jpeg" or "image/gif" or "image/webp";

    private static Kind Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("MZ"u8) || head.StartsWith("\u007fELF"u8) || head.StartsWith("#!"u8)
            || head.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE]) || head.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCE]))
        {
            return Kind.Program;
        }

        // A PDF header may follow a little junk (ISO 32000-1, 7.5.2 allows readers to accept it within the first 1024 bytes).
        if (head[..Math.Min(head.Length, 1024)].IndexOf("%PDF-"u8) >= 0)
        {
            return Kind.Pdf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Kind.Png;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Kind.Jpeg;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return Kind.Gif;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return Kind.Webp;
        }

        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
        {
            return Kind.Tiff;
        }

        if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8))
        {
            return Kind.Zip;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return Kind.CompoundFile;
        }

        if (head.StartsWith(@"{\rtf"u8))
        {
            return Kind.Rtf;
        }

        return LooksLikeText(head) ? Kind.Text : Kind.Unknown;
    }

    /// <summary>Text has no NUL bytes (UTF-16 with a byte-order mark excepted) and few other control characters.</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return true;
        }

        var control = 0;
        foreach (var b in head)
        {
            if (b == 0)
            {
                return false;
            }

            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0C and not 0x1B)
            {
                control++;
            }
        }

        return control * 50 <= head.Length;
    }
}

public enum FileTypeVerdict
{
    Accepted,
    NotAllowed,
    Disguised,
}

public sealed record FileTypeCheck(FileTypeVerdict Verdict, string? ContentType);
