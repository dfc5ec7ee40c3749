using System.Collections.Immutable;
using MarginEngine.Errors;

namespace MarginEngine.MarketData;

/// <summary>
/// A clearing house's risk array for one contract, as its SPAN risk-parameter file gives it
/// (docs/methodology.md §SPAN risk arrays): the loss of one long contract in each of the 16 standard
/// scenarios, USD, positive = loss, in CME order (1: price unchanged vol up, 2: unchanged vol down,
/// 3/4: up 1/3 vol up/down, 5/6: down 1/3, 7/8: up 2/3, 9/10: down 2/3, 11/12: up 3/3, 13/14: down 3/3,
/// 15: up extreme, 16: down extreme, the extremes already at their covered fraction), and the
/// contract's composite delta in coins. A position with one is not repriced: its scenario P&amp;L is
/// <c>-quantity x loss</c>.
/// </summary>
public sealed record RiskArray
{
    /// <summary>The number of scenarios of a SPAN risk array.</summary>
    public const int ScenarioCount = 16;

    /// <summary>Creates a risk array.</summary>
    /// <exception cref="InvalidMarginInputException">Not 16 finite values, or a non-finite delta.</exception>
    public RiskArray(IEnumerable<double> losses, double compositeDelta)
    {
        Losses = [.. Guard.NotNull(losses, "riskArray.losses")];
        if (Losses.Length != ScenarioCount || Losses.Any(l => !double.IsFinite(l)))
            throw new InvalidMarginInputException("riskArray.losses", $"needs {ScenarioCount} finite values but had {Losses.Length}");
        CompositeDelta = double.IsFinite(compositeDelta)
            ? compositeDelta
            : throw new InvalidMarginInputException("riskArray.compositeDelta", $"must be finite but was {Guard.Show(compositeDelta)}");
    }

    /// <summary>Loss of one long contract per scenario, USD, CME order.</summary>
    public ImmutableArray<double> Losses { get; }

    /// <summary>Composite delta of one contract, coins.</summary>
    public double CompositeDelta { get; }
}
