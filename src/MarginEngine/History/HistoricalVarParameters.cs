using MarginEngine.Errors;

namespace MarginEngine.History;

/// <summary>How historical scenarios become a margin (docs/methodology.md §Historical).</summary>
public sealed record HistoricalVarParameters
{
    /// <summary>Creates parameters.</summary>
    /// <param name="confidence">Confidence level in (0, 1), e.g. 0.99.</param>
    /// <param name="measure">Value at risk or expected shortfall.</param>
    /// <param name="horizonDays">Holding period: returns over this many rows (overlapping), &gt;= 1.</param>
    /// <param name="floorByStressGrid">Floor the result by the portfolio grid margin (SPAN 2, Eurex Prisma style).</param>
    /// <exception cref="InvalidMarginInputException">Confidence outside (0, 1) or horizon below 1.</exception>
    public HistoricalVarParameters(double confidence = 0.99, RiskMeasure measure = RiskMeasure.ExpectedShortfall, int horizonDays = 1, bool floorByStressGrid = false)
    {
        if (!(confidence > 0 && confidence < 1))
            throw new InvalidMarginInputException("history.confidence", $"must be in (0, 1) but was {Guard.Show(confidence)}");
        if (horizonDays < 1)
            throw new InvalidMarginInputException("history.horizonDays", $"must be >= 1 but was {horizonDays}");
        Confidence = confidence;
        Measure = measure;
        HorizonDays = horizonDays;
        FloorByStressGrid = floorByStressGrid;
    }

    /// <summary>Confidence level.</summary>
    public double Confidence { get; }

    /// <summary>VaR or ES.</summary>
    public RiskMeasure Measure { get; }

    /// <summary>Holding period in rows.</summary>
    public int HorizonDays { get; }

    /// <summary>Whether the stress grid floors the result.</summary>
    public bool FloorByStressGrid { get; }
}

/// <summary>Tail measure of the scenario P&amp;L distribution.</summary>
public enum RiskMeasure
{
    /// <summary>Value at risk: the loss at the (1 - confidence) empirical quantile.</summary>
    ValueAtRisk,

    /// <summary>Expected shortfall: the mean loss of the scenarios at or beyond VaR.</summary>
    ExpectedShortfall,
}
