using System.Collections.Immutable;
using MarginEngine.Errors;
using MarginEngine.Numerics;
using MarginEngine.Scenarios;

namespace MarginEngine.Profiles;

/// <summary>
/// Stress parameters of one underlying's risk unit (methods.md §3, §5): the price x vol grid, the
/// extended and extreme tables, how gains count, the unit's currency, whether the coin's collateral
/// is revalued, and the add-ons. Each property is validated as it is set, so
/// <c>preset.For("BTC", "deribit") with { PriceRange = 0.18 }</c> is checked too.
/// </summary>
public sealed record RiskUnitParameters
{
    /// <summary>Creates unit parameters, checking every value.</summary>
    /// <param name="priceMoves">Standard price points (relative), e.g. from <see cref="PriceGrid"/>.</param>
    /// <param name="priceRange">The scan range (e.g. 0.16) used by extended weights and the dampener.</param>
    /// <param name="volStates">Vol states of the standard grid.</param>
    /// <param name="volShock">Vol shock parameters.</param>
    /// <param name="extendedMoves">Extended table (vol up).</param>
    /// <param name="extendedDampener">Dampener of extended losses (USD).</param>
    /// <param name="extremeMoves">Extreme scenarios at a fraction.</param>
    /// <param name="pnlOffset">Share of a gain counted in a cell (0..1).</param>
    /// <param name="pnlOffsetCap">Largest gain counted per cell (unit currency), or null.</param>
    /// <param name="currency">USD or coin.</param>
    /// <param name="includeCollateral">Revalue the account's balance of this coin in the unit's scenarios.</param>
    /// <param name="addOns">Add-ons.</param>
    /// <param name="volLevels">Optional finer vol grid replacing <paramref name="volStates"/>: signed shares of the shock in [-1, 1] (1 = full up, -0.5 = half down).</param>
    public RiskUnitParameters(
        IEnumerable<double> priceMoves,
        double priceRange,
        IEnumerable<VolState> volStates,
        VolShock volShock,
        IEnumerable<ExtendedMove>? extendedMoves = null,
        double extendedDampener = 0,
        IEnumerable<ExtremeMove>? extremeMoves = null,
        double pnlOffset = 0,
        double? pnlOffsetCap = null,
        UnitCurrency currency = UnitCurrency.Usd,
        bool includeCollateral = false,
        AddOnParameters? addOns = null,
        IEnumerable<double>? volLevels = null)
    {
        PriceMoves = [.. Guard.NotNull(priceMoves, "priceMoves")];
        PriceRange = priceRange;
        VolLevels = volLevels is null
            ? [.. volStates.Distinct().Select(v => v switch { VolState.Up => 1.0, VolState.Down => -1.0, _ => 0.0 })]
            : [.. volLevels];
        VolShock = volShock;
        ExtendedMoves = [.. extendedMoves ?? []];
        ExtendedDampener = extendedDampener;
        ExtremeMoves = [.. extremeMoves ?? []];
        PnlOffset = pnlOffset;
        PnlOffsetCap = pnlOffsetCap;
        Currency = currency;
        IncludeCollateral = includeCollateral;
        AddOns = addOns ?? AddOnParameters.None;
    }

    /// <summary>Standard price points.</summary>
    public ImmutableArray<double> PriceMoves
    {
        get;
        init
        {
            if (value.IsDefaultOrEmpty)
                throw new InvalidMarginInputException("priceMoves", "needs at least one price point");
            if (value.Length > Limits.MaxScenarios)
                throw new InvalidMarginInputException("priceMoves", $"has {value.Length} points; at most {Limits.MaxScenarios} scenarios fit a unit");
            foreach (var move in value)
                Move(move, "priceMoves");
            field = value;
        }
    }

    /// <summary>Scan range.</summary>
    public double PriceRange
    {
        get;
        init => field = value > 0 && value <= Limits.MaxMove
            ? value
            : throw new InvalidMarginInputException("priceRange", $"must be in (0, {Limits.MaxMove:R}] but was {Guard.Show(value)}");
    }

    /// <summary>Vol levels of the standard grid: signed shares of the shock (1 up, 0 same, -1 down).</summary>
    public ImmutableArray<double> VolLevels
    {
        get;
        init
        {
            if (value.IsDefaultOrEmpty)
                throw new InvalidMarginInputException("volStates", "needs at least one vol state");
            foreach (var level in value)
            {
                if (!(level >= -1 && level <= 1))
                    throw new InvalidMarginInputException("volLevels", $"levels must be in [-1, 1] but one was {Guard.Show(level)}");
            }

            field = [.. value.Distinct()];
        }
    }

    /// <summary>Vol shock parameters.</summary>
    public VolShock VolShock { get; init => field = Guard.NotNull(value, "volShock"); }

    /// <summary>Extended table.</summary>
    public ImmutableArray<ExtendedMove> ExtendedMoves
    {
        get;
        init
        {
            foreach (var e in value.IsDefault ? [] : value)
            {
                Move(e.Move, "extendedMoves");
                if (Math.Abs(e.Move) < 0.001)
                    throw new InvalidMarginInputException("extendedMoves", $"a far move must be at least 0.1% but one was {Guard.Show(e.Move)} (its weight, range / |move|, would explode)");
                if (e.Weight is { } w && !(w >= 0 && w <= 1_000))
                    throw new InvalidMarginInputException("extendedMoves.weight", $"must be in [0, 1000] but was {Guard.Show(w)}");
            }

            field = value.IsDefault ? [] : value;
        }
    }

    /// <summary>Extended dampener, USD.</summary>
    public double ExtendedDampener { get; init => field = Guard.FiniteNonNegative(value, "extendedDampener"); }

    /// <summary>Extreme scenarios.</summary>
    public ImmutableArray<ExtremeMove> ExtremeMoves
    {
        get;
        init
        {
            foreach (var e in value.IsDefault ? [] : value)
            {
                Move(e.Move, "extremeMoves");
                if (!(e.Fraction >= 0 && e.Fraction <= 1))
                    throw new InvalidMarginInputException("extremeMoves.fraction", $"must be in [0, 1] but was {Guard.Show(e.Fraction)}");
            }

            field = value.IsDefault ? [] : value;
        }
    }

    /// <summary>Share of gains counted.</summary>
    public double PnlOffset { get; init => field = AddOnParameters.Rate(value, "pnlOffset")!.Value; }

    /// <summary>Cap on a counted gain, or null.</summary>
    public double? PnlOffsetCap { get; init => field = value is { } cap ? Guard.FiniteNonNegative(cap, "pnlOffsetCap") : null; }

    /// <summary>Skew scenarios (linear and absolute, spot unchanged) appended to the grid, or null.</summary>
    public SkewShock? Skew { get; init; }

    /// <summary>Derive's static discount of each expiry's shocked value, or null (docs/methodology.md §Expiry aggregation).</summary>
    public StaticDiscount? StaticDiscount { get; init; }

    /// <summary>Whether options are summed per expiry before the unit's cells (static discount, per-expiry skew sign).</summary>
    internal bool GroupsByExpiry => StaticDiscount is not null || Skew is { Sign: SkewSign.LossOnlyPerExpiry };

    /// <summary>Whether a gain in an extended cell counts as zero (Deribit prints them so) rather than at the gain offset.</summary>
    public bool ZeroExtendedGains { get; init; }

    /// <summary>Unit currency.</summary>
    public UnitCurrency Currency { get; init; }

    /// <summary>Whether coin collateral is revalued in the unit.</summary>
    public bool IncludeCollateral { get; init; }

    /// <summary>Add-ons.</summary>
    public AddOnParameters AddOns { get; init => field = Guard.NotNull(value, "addOns").Validated("addOns"); }

    /// <summary>Every scenario of the unit: the standard grid (price-major), then extended, then extreme, then the two skew scenarios.</summary>
    public ImmutableArray<Scenario> Scenarios()
    {
        var count = PriceMoves.Length * VolLevels.Length + ExtendedMoves.Length + ExtremeMoves.Length + (Skew is null ? 0 : 2);
        if (count > Limits.MaxScenarios)
            throw new InvalidMarginInputException("priceMoves", $"the unit has {count} scenarios; at most {Limits.MaxScenarios} are accepted");
        var list = ImmutableArray.CreateBuilder<Scenario>(PriceMoves.Length * VolLevels.Length + ExtendedMoves.Length + ExtremeMoves.Length + (Skew is null ? 0 : 2));
        foreach (var move in PriceMoves)
        {
            foreach (var level in VolLevels)
                list.Add(new Scenario(ScenarioKind.Standard, move, level > 0 ? VolState.Up : level < 0 ? VolState.Down : VolState.Same, 1, Math.Abs(level) is var f && f > 0 ? f : 1.0));
        }

        foreach (var e in ExtendedMoves)
            list.Add(new Scenario(ScenarioKind.Extended, e.Move, VolState.Up, e.Weight ?? PriceRange / Math.Abs(e.Move)));
        foreach (var e in ExtremeMoves)
            list.Add(new Scenario(ScenarioKind.Extreme, e.Move, e.Vol, e.Fraction));
        if (Skew is not null)
        {
            list.Add(new Scenario(ScenarioKind.SkewLinear, 0, VolState.Same, 1));
            list.Add(new Scenario(ScenarioKind.SkewAbsolute, 0, VolState.Same, 1));
        }

        return list.MoveToImmutable();
    }

    private static void Move(double move, string field)
    {
        if (!double.IsFinite(move) || move <= -1 || move > Limits.MaxMove)
            throw new InvalidMarginInputException(field, $"moves must be above -100% and at most +{Limits.MaxMove * 100:R}% but one was {Guard.Show(move)}");
    }
}
