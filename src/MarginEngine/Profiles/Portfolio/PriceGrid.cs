using MarginEngine.Errors;

namespace MarginEngine.Profiles;

/// <summary>Builds standard price points.</summary>
public static class PriceGrid
{
    /// <summary><c>s_k = range x k / buckets</c>, k = -buckets..+buckets (Deribit: 4 buckets -> 9 points).</summary>
    /// <exception cref="InvalidMarginInputException">Non-positive range or bucket count.</exception>
    public static IReadOnlyList<double> Symmetric(double range, int buckets)
    {
        Guard.FinitePositive(range, "priceRange");
        if (buckets < 1 || buckets > Numerics.Limits.MaxScenarios / 2)
            throw new InvalidMarginInputException("buckets", $"must be in [1, {Numerics.Limits.MaxScenarios / 2}] but was {buckets}");
        return [.. Enumerable.Range(-buckets, 2 * buckets + 1).Select(k => range * k / buckets)];
    }
}
