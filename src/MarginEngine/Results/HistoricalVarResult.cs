using System.Collections.Immutable;
using NodaTime;

namespace MarginEngine.Results;

/// <summary>Historical-simulation margin of a whole account, USD.</summary>
/// <param name="Margin">The requirement: VaR or ES, floored by the grid when asked (never negative).</param>
/// <param name="ValueAtRisk">Loss at the (1 - confidence) empirical quantile (MathNet, inverse empirical CDF).</param>
/// <param name="ExpectedShortfall">Mean loss of the scenarios at or beyond VaR.</param>
/// <param name="StressGridMargin">The portfolio grid's IM when it floors the result, else null.</param>
/// <param name="WorstDate">Date of the worst scenario.</param>
/// <param name="WorstPnl">Its account P&amp;L.</param>
/// <param name="Scenarios">Account P&amp;L per historical date (the end date of each return).</param>
public sealed record HistoricalVarResult(
    double Margin,
    double ValueAtRisk,
    double ExpectedShortfall,
    double? StressGridMargin,
    LocalDate WorstDate,
    double WorstPnl,
    ImmutableArray<(LocalDate Date, double PnL)> Scenarios);
