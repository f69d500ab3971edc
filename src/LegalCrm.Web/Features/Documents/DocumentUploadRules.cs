namespace LegalCrm.Web.Features.Documents;

/// <summary>A refusal for one file, as a message key (with the file name as its first argument).</summary>
public sealed record UploadProblem(string FileName, string Message, object[] Arguments);

/// <summary>The rules one uploaded file must pass before anything of its batch is stored.</summary>
public static class DocumentUploadRules
{
    public static UploadProblem? Check(string sanitisedName, long length, ReadOnlySpan<byte> head, long maxBytes)
    {
        if (length == 0)
        {
            return new(sanitisedName, "{0} is empty.", [sanitisedName]);
        }

        if (length > maxBytes)
        {
            return new(sanitisedName, "{0} is larger than {1} MB, the limit for one file.", [sanitisedName, maxBytes / 1024 / 1024]);
        }

        return FileTypes.Check(sanitisedName, head).Verdict switch
        {
            FileTypeVerdict.NotAllowed => new(sanitisedName, "{0}: files of this type cannot be added. Allowed are: {1}.", [sanitisedName, string.Join(", ", FileTypes.Extensions.Order())]),
            FileTypeVerdict.Disguised => new(sanitisedName, "{0} is not what its name says: its content is not a {1} file.", [sanitisedName, Path.GetExtension(sanitisedName).ToLowerInvariant()]),
            _ => null,
        };
    }

    /// <summary>Whether the browser's name had to change (folders, reserved characters), so the user can be told.</summary>
    public static bool WasRenamed(string? original, string sanitised) => !string.Equals(original?.Trim(), sanitised, StringComparison.Ordinal);
}
