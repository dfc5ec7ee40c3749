using System.Globalization;
using MarginEngine.Errors;
using NodaTime;
using NodaTime.Text;

namespace MarginEngine.History;

/// <summary>
/// Reads a price history CSV: a header <c>date,BTC,ETH,...</c>, then one row per day
/// (<c>2026-01-02,95000.5,3100.25</c>), ISO dates, oldest first, comma-separated, no quoting.
/// </summary>
public static class PriceHistoryCsv
{
    /// <summary>Parses <paramref name="csv"/>.</summary>
    /// <exception cref="ConfigurationException">A malformed line, date or number, naming the line and column.</exception>
    public static PriceHistory Read(string csv, string source = "history.csv")
    {
        ArgumentNullException.ThrowIfNull(csv);
        var lines = csv.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
            throw new ConfigurationException(source, "line 1", "is empty; expected a header such as date,BTC,ETH");
        var header = lines[0].Split(',');
        if (header[0].Trim() != "date" || header.Length < 2)
            throw new ConfigurationException(source, "line 1", "the header must start with 'date' followed by one column per underlying");
        var ids = header[1..].Select(h => h.Trim()).ToArray();
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Length || ids.Any(string.IsNullOrEmpty))
            throw new ConfigurationException(source, "line 1", "underlying columns must be named and unique");

        var dates = new List<LocalDate>();
        var prices = ids.ToDictionary(id => id, _ => new List<double>(), StringComparer.Ordinal);
        for (var n = 1; n < lines.Count; n++)
        {
            var cells = lines[n].Split(',');
            var at = $"line {n + 1}";
            if (cells.Length != header.Length)
                throw new ConfigurationException(source, at, $"has {cells.Length} fields but the header has {header.Length}");
            var date = LocalDatePattern.Iso.Parse(cells[0].Trim());
            if (!date.Success)
                throw new ConfigurationException(source, $"{at}, column date", $"'{cells[0]}' is not an ISO date such as 2026-01-02");
            dates.Add(date.Value);
            for (var c = 0; c < ids.Length; c++)
            {
                if (!double.TryParse(cells[c + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var price) || !double.IsFinite(price) || price <= 0)
                    throw new ConfigurationException(source, $"{at}, column {ids[c]}", $"'{cells[c + 1]}' is not a finite positive price");
                prices[ids[c]].Add(price);
            }
        }

        try
        {
            return new PriceHistory(dates, prices.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value, StringComparer.Ordinal));
        }
        catch (InvalidMarginInputException e)
        {
            throw new ConfigurationException(source, e.Field, e.Message, e);
        }
    }
}
