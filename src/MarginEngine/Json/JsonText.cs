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
            throw new ConfigurationException(source, "$", $"malformed JSON at line {line}, column {column}: {FirstSentence(e.Message)}", e);
        }
    }

    /// <summary>The parser's message without its own (0-based) line and byte position or path: ours, 1-based, is given.</summary>
    private static string FirstSentence(string message)
    {
        foreach (var marker in new[] { " LineNumber:", " Path:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
                message = message[..cut];
        }

        return message.TrimEnd();
    }
}
