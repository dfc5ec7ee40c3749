using System.Text.Json;
using MarginEngine.Errors;

namespace MarginEngine.Json;

/// <summary>Parses JSON text strictly (no comments, no trailing commas, no NaN literals).</summary>
internal static class JsonText
{
    public static JsonDocument Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions
            {
                AllowTrailingCommas = false,
                CommentHandling = JsonCommentHandling.Disallow,
                AllowDuplicateProperties = false,
            });
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? l + 1 : 0;
            var column = e.BytePositionInLine is { } c ? c + 1 : 0;
            throw new ConfigurationException(source, "$", $"malformed JSON at line {line}, position {column}: {FirstSentence(e.Message)}", e);
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
