using System.Collections.Frozen;
using MarginEngine.Errors;

namespace MarginEngine.Profiles;

/// <summary>
/// Portfolio-margin parameters of a risk profile: unit parameters per underlying (with a default),
/// the margin family, the IM/MM relation and the cross-unit aggregation. Each property is validated
/// as it is set, so <c>with</c> copies are checked too.
/// </summary>
public sealed record PortfolioParameters
{
    /// <summary>Creates portfolio parameters.</summary>
    /// <param name="family">How a unit's worst loss and add-ons combine.</param>
    /// <param name="units">Parameters per underlying asset id.</param>
    /// <param name="defaultUnit">Parameters for other underlyings, or null to require each.</param>
    /// <param name="maintenanceFactor">MM = factor x risk-matrix margin (Deribit 0.8), when <paramref name="initialFactor"/> is null.</param>
    /// <param name="initialFactor">When set, MM = risk-matrix margin and IM = factor x MM (Bybit, OKX 1.3).</param>
    /// <param name="aggregation">Offsets across units.</param>
    public PortfolioParameters(MarginFamily family, IReadOnlyDictionary<string, RiskUnitParameters> units, RiskUnitParameters? defaultUnit,
        double maintenanceFactor, double? initialFactor, CrossUnitAggregation aggregation)
    {
        Family = family;
        Units = units;
        DefaultUnit = defaultUnit;
        MaintenanceFactor = maintenanceFactor;
        InitialFactor = initialFactor;
        Aggregation = aggregation;
    }

    /// <summary>Combination rule.</summary>
    public MarginFamily Family { get; init; }

    /// <summary>Unit parameters by underlying.</summary>
    public IReadOnlyDictionary<string, RiskUnitParameters> Units
    {
        get;
        init => field = Guard.NotNull(value, "portfolio.units").ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Parameters for underlyings without their own.</summary>
    public RiskUnitParameters? DefaultUnit { get; init; }

    /// <summary>MM = factor x risk-matrix margin.</summary>
    public double MaintenanceFactor
    {
        get;
        init => field = value > 0 && value <= 1
            ? value
            : throw new InvalidMarginInputException("portfolio.maintenanceFactor", $"must be in (0, 1] but was {Guard.Show(value)}");
    }

    /// <summary>When set, IM = factor x MM and MM = risk-matrix margin.</summary>
    public double? InitialFactor
    {
        get;
        init => field = value is not { } f || (f >= 1 && double.IsFinite(f))
            ? value
            : throw new InvalidMarginInputException("portfolio.initialFactor", $"must be finite and >= 1 but was {Guard.Show(value.Value)}");
    }

    /// <summary>Offsets across units.</summary>
    public CrossUnitAggregation Aggregation
    {
        get;
        init => field = LossFactors is not null && Guard.NotNull(value, "portfolio.aggregation") is not CrossUnitAggregation.NoOffset
            ? throw new InvalidMarginInputException("portfolio.aggregation", "loss factors add units up: use aggregation none")
            : Guard.NotNull(value, "portfolio.aggregation");
    }

    /// <summary>
    /// Derive-style loss factors, or null: when set, MM and IM come from them (docs/methodology.md §Loss
    /// factors) instead of <see cref="MaintenanceFactor"/> and <see cref="InitialFactor"/>; the family
    /// must be risk-matrix and the aggregation none.
    /// </summary>
    public LossFactors? LossFactors
    {
        get;
        init => field = value is not null && (Family != MarginFamily.RiskMatrix || Aggregation is not (null or CrossUnitAggregation.NoOffset))
            ? throw new InvalidMarginInputException("portfolio.lossFactors", "apply to the risk-matrix family with aggregation none")
            : value;
    }

    /// <summary>The parameters in force at <paramref name="market"/> (the loss factors after a stablecoin depeg).</summary>
    internal PortfolioParameters At(MarketData.MarketSnapshot market) =>
        LossFactors is { Depeg: not null } factors ? this with { LossFactors = factors.At(market) } : this;

    /// <summary>Whether the underlying has parameters (its own or the default).</summary>
    public bool Covers(string underlying) => Units.ContainsKey(underlying) || DefaultUnit is not null;

    /// <summary>Parameters of <paramref name="underlying"/>'s unit.</summary>
    /// <exception cref="MissingRiskParameterException">Neither its own nor a default.</exception>
    public RiskUnitParameters For(string underlying, string profile) =>
        Units.TryGetValue(underlying, out var p) ? p : DefaultUnit ?? throw new MissingRiskParameterException(profile, "risk unit parameters", underlying);
}
