using System.Collections.Frozen;
using MarginEngine.Errors;

namespace MarginEngine.MarketData;

/// <summary>The checks a snapshot's inputs pass when it is built: every figure finite and in range, named by its field.</summary>
public sealed partial class MarketSnapshot
{
    private static FrozenDictionary<string, RateCurve> Curves(IEnumerable<KeyValuePair<string, RateCurve>>? curves, string field)
    {
        var result = new Dictionary<string, RateCurve>(StringComparer.Ordinal);
        foreach (var (id, curve) in curves ?? [])
        {
            Guard.Id(id, field);
            if (!result.TryAdd(id, Guard.NotNull(curve, $"{field}[{id}]")))
                throw new InvalidMarginInputException($"{field}[{id}]", "is given twice");
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static Dictionary<string, double> CheckedInPlace(Dictionary<string, double> values, string field, Func<double, string, double> check)
    {
        if (values.Comparer != StringComparer.Ordinal)
            throw new ArgumentException($"{field} must use ordinal keys", nameof(values));
        foreach (var (id, value) in values)
            check(value, $"{field}[{id}]");
        return values;
    }

    private static FrozenDictionary<string, double> Checked(IEnumerable<KeyValuePair<string, double>> values, string field, Func<double, string, double> check)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (id, value) in Guard.NotNull(values, field))
        {
            Guard.Id(id, field);
            check(value, $"{field}[{id}]");
            if (!result.TryAdd(id, value))
                throw new InvalidMarginInputException($"{field}[{id}]", "is given twice");
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
