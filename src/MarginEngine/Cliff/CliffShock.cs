using System.Collections.Immutable;
using MarginEngine.Accounts;
using MarginEngine.Errors;
using MarginEngine.MarketData;

namespace MarginEngine.Cliff;

/// <summary>
/// How prices move in a margin-cliff sweep (docs/methodology.md §Margin cliff): every non-stablecoin asset of the
/// account together, one asset alone, or one asset with the others following by correlation. Collateral moves with its
/// asset. Optionally vols rise with the size of the move.
/// </summary>
public sealed record CliffShock
{
    private CliffShock(string? lead, ImmutableDictionary<string, double> correlations, double volPerMove)
    {
        Lead = lead;
        Correlations = correlations;
        VolPerMove = Guard.FiniteNonNegative(volPerMove, "cliff.volPerMove");
    }

    /// <summary>The asset moved by the sweep's move; null when every asset moves together.</summary>
    public string? Lead { get; }

    /// <summary>
    /// Correlation to <see cref="Lead"/> of each other asset that co-moves: a lead move m moves it by (1 + m)^ρ - 1 (its
    /// log return is ρ times the lead's, the regression of equal-vol log returns), so prices stay positive.
    /// </summary>
    public ImmutableDictionary<string, double> Correlations { get; }

    /// <summary>Vol points added to a moved asset's options per unit of its |move| (1: a 20% move adds 20 vol points); 0 holds vols.</summary>
    public double VolPerMove { get; }

    /// <summary>Every non-stablecoin asset of the account (underlyings, settlement coins, collateral) moves by the same move.</summary>
    public static CliffShock Together(double volPerMove = 0) => new(null, ImmutableDictionary<string, double>.Empty, volPerMove);

    /// <summary><paramref name="asset"/> alone moves (its collateral, spot and derivatives); every other price holds.</summary>
    public static CliffShock Alone(string asset, double volPerMove = 0) =>
        new(Guard.Id(asset, "cliff.asset"), ImmutableDictionary<string, double>.Empty, volPerMove);

    /// <summary><paramref name="lead"/> moves, and each asset of <paramref name="correlations"/> co-moves by its correlation to it.</summary>
    /// <exception cref="InvalidMarginInputException">A correlation outside [-1, 1], or one given for the lead itself.</exception>
    public static CliffShock CoMove(string lead, IReadOnlyDictionary<string, double> correlations, double volPerMove = 0)
    {
        Guard.Id(lead, "cliff.asset");
        foreach (var (asset, rho) in Guard.NotNull(correlations, "cliff.correlations"))
        {
            if (!(rho >= -1 && rho <= 1))
                throw new InvalidMarginInputException($"cliff.correlations[{asset}]", $"must be in [-1, 1] but was {Guard.Show(rho)}");
            if (asset == lead)
                throw new InvalidMarginInputException($"cliff.correlations[{asset}]", "is the lead asset itself");
        }

        return new(lead, correlations.ToImmutableDictionary(StringComparer.Ordinal), volPerMove);
    }

    /// <summary>"every asset together", "BTC alone" or "BTC, others by correlation".</summary>
    public string Description => Lead is null ? "every asset together" : Correlations.IsEmpty ? $"{Lead} alone" : $"{Lead}, others by correlation";

    /// <summary>The move of each asset, and its options' vol rise, when the sweep's move is <paramref name="move"/>.</summary>
    internal (Dictionary<string, double> Moves, Dictionary<string, double> VolUp) At(double move, IReadOnlyCollection<string> assets)
    {
        var moves = new Dictionary<string, double>(StringComparer.Ordinal);
        if (Lead is null)
        {
            foreach (var asset in assets)
                moves[asset] = move;
        }
        else
        {
            moves[Lead] = move;
            foreach (var (asset, rho) in Correlations)
                moves[asset] = Math.Pow(1 + move, rho) - 1;
        }

        var volUp = new Dictionary<string, double>(StringComparer.Ordinal);
        if (VolPerMove > 0)
        {
            foreach (var (asset, m) in moves)
                volUp[asset] = VolPerMove * Math.Abs(m);
        }

        return (moves, volUp);
    }

    /// <summary>The account's assets that can move: non-stablecoin balances, underlyings and settlement assets, with an index in the snapshot.</summary>
    /// <exception cref="MissingMarketDataException">The lead asset has no index price.</exception>
    internal IReadOnlyCollection<string> Assets(Account account, MarketSnapshot market)
    {
        if (Lead is not null)
            market.GetIndexPrice(Lead);
        var assets = account.Balances.Select(b => b.Asset)
            .Concat(account.Positions.SelectMany(p => new[] { p.Instrument.Underlying, p.Instrument.SettlementAsset }))
            .Concat(account.Orders.SelectMany(o => new[] { o.Instrument.Underlying, o.Instrument.SettlementAsset }))
            .Where(a => !a.IsStablecoin && market.IndexPrices.ContainsKey(a.Id))
            .Select(a => a.Id);
        return new SortedSet<string>(assets, StringComparer.Ordinal);
    }
}
