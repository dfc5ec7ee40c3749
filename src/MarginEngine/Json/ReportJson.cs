using System.Text.Json;
using System.Text.Json.Serialization;
using MarginEngine.Results;
using NodaTime;
using NodaTime.Text;

namespace MarginEngine.Json;

/// <summary>Writes margin reports as JSON (camelCase fields, enums as lower-case strings, instants in ISO-8601).</summary>
public static class ReportJson
{
    /// <summary>The options every report is written with; usable for objects that contain reports.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new InstantConverter() },
    };

    /// <summary>Serialises one report.</summary>
    public static string Write(MarginReport report) => JsonSerializer.Serialize(report, SerializerOptions);

    /// <summary>Serialises a portfolio result with its whole breakdown.</summary>
    public static string Write(PortfolioMarginResult result) => JsonSerializer.Serialize(result, SerializerOptions);

    private sealed class InstantConverter : JsonConverter<Instant>
    {
        public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            InstantPattern.ExtendedIso.Parse(reader.GetString() ?? string.Empty).GetValueOrThrow();

        public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
            writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
    }
}
