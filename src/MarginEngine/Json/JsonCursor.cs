using System.Globalization;
using System.Text.Json;
using MarginEngine.Errors;
using NodaTime;
using NodaTime.Text;

namespace MarginEngine.Json;

/// <summary>A JSON value with its path, so every read error names the source and JSON path.</summary>
internal readonly struct JsonCursor(JsonElement element, string path, string source)
{
    public string Path => path;

    public JsonElement Element => element;

    public ConfigurationException Fail(string problem, Exception? inner = null) => new(source, path, problem, inner);

    public JsonCursor Required(string name) =>
        Optional(name) ?? throw new ConfigurationException(source, $"{path}.{name}", "is required");

    public JsonCursor? Optional(string name)
    {
        ExpectKind(JsonValueKind.Object, "an object");
        return element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new JsonCursor(value, $"{path}.{name}", source)
            : null;
    }

    /// <summary>Rejects properties outside <paramref name="allowed"/>: a typo must not silently fall back to a default.</summary>
    public JsonCursor Only(params string[] allowed)
    {
        ExpectKind(JsonValueKind.Object, "an object");
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
                throw new ConfigurationException(source, $"{path}.{property.Name}", $"is not a known field (expected one of: {string.Join(", ", allowed)})");
        }

        return this;
    }

    public IEnumerable<JsonCursor> Items()
    {
        ExpectKind(JsonValueKind.Array, "an array");
        var i = 0;
        foreach (var item in element.EnumerateArray())
            yield return new JsonCursor(item, $"{path}[{i++}]", source);
    }

    public IEnumerable<(string Name, JsonCursor Value)> Properties()
    {
        ExpectKind(JsonValueKind.Object, "an object");
        foreach (var property in element.EnumerateObject())
            yield return (property.Name, new JsonCursor(property.Value, $"{path}.{property.Name}", source));
    }

    public bool IsString => element.ValueKind == JsonValueKind.String;

    public string String()
    {
        ExpectKind(JsonValueKind.String, "a string");
        var text = element.GetString();
        return string.IsNullOrWhiteSpace(text) ? throw Fail("must not be empty") : text;
    }

    public decimal Decimal()
    {
        ExpectKind(JsonValueKind.Number, "a number");
        return element.TryGetDecimal(out var value) ? value : throw Fail($"{element.GetRawText()} is out of range");
    }

    public double Double()
    {
        ExpectKind(JsonValueKind.Number, "a number");
        return element.GetDouble();
    }

    public int Int()
    {
        ExpectKind(JsonValueKind.Number, "a number");
        return element.TryGetInt32(out var value) ? value : throw Fail($"must be an integer but was {element.GetRawText()}");
    }

    public bool Bool() => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Fail($"must be true or false but was {element.GetRawText()}"),
    };

    public Instant Instant()
    {
        var parsed = InstantPattern.ExtendedIso.Parse(String());
        return parsed.Success ? parsed.Value : throw Fail($"must be an ISO-8601 UTC instant such as 2026-12-25T08:00:00Z but was '{element.GetString()}'");
    }

    public T Enum<T>() where T : struct, Enum
    {
        var text = String();
        return System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !char.IsDigit(text[0])
            ? value
            : throw Fail($"must be one of {string.Join(", ", System.Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))} but was '{text}'");
    }

    /// <summary>Runs a model constructor, turning its validation error into one that names this JSON path.</summary>
    public T Build<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (InvalidMarginInputException e)
        {
            var last = e.Field[(e.Field.LastIndexOf('.') + 1)..];
            var at = element.ValueKind == JsonValueKind.Object && element.TryGetProperty(last, out _) ? $"{path}.{last}" : path;
            throw new ConfigurationException(source, at, e.Message, e);
        }
    }

    private void ExpectKind(JsonValueKind kind, string what)
    {
        if (element.ValueKind != kind)
            throw new ConfigurationException(source, path, $"must be {what} but was {Describe(element)}");
    }

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{e.GetString()}\"",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        _ => e.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
