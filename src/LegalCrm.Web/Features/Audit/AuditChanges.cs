using System.Text.Json;

namespace LegalCrm.Web.Features.Audit;

/// <summary>Reads the JSON an audit entry stores into rows to show: field, old value, new value.</summary>
public static class AuditChanges
{
    public sealed record Field(string Name, string? Old, string? New);

    public static IReadOnlyList<Field> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var fields = new List<Field>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object
                && (property.Value.TryGetProperty("old", out _) || property.Value.TryGetProperty("new", out _)))
            {
                fields.Add(new Field(property.Name, Text(property.Value, "old"), Text(property.Value, "new")));
            }
            else
            {
                fields.Add(new Field(property.Name, null, Text(property.Value)));
            }
        }

        return fields;
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) ? Text(value) : null;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
