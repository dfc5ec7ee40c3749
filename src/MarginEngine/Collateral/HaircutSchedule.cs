using System.Collections.Immutable;
using MarginEngine.Errors;

namespace MarginEngine.Collateral;

/// <summary>
/// How much of a positive holding counts as collateral. Tiers apply marginally, like income-tax
/// brackets: USDT tiers 0-5M x 1, 5-10M x 0.9, &gt;10M x 0.8 value 11M at 5 + 4.5 + 0.8 = 10.3M
/// (docs/methodology.md §Collateral, OKX / Bybit / Binance).
/// </summary>
public sealed class HaircutSchedule
{
    private readonly string _field;

    private HaircutSchedule(HaircutBasis basis, ImmutableArray<HaircutTier> tiers, string field)
    {
        _field = field;
        Basis = basis;
        Tiers = tiers;
    }

    /// <summary>What the tier bounds measure.</summary>
    public HaircutBasis Basis { get; }

    /// <summary>Tiers from zero upward; the last is unbounded unless the publication stops at a cap.</summary>
    public ImmutableArray<HaircutTier> Tiers { get; }

    /// <summary>A single ratio for the whole holding.</summary>
    /// <exception cref="InvalidMarginInputException">Ratio outside [0, 1].</exception>
    public static HaircutSchedule Flat(decimal collateralRatio, string field = "haircut") =>
        Create(HaircutBasis.Quantity, [new HaircutTier(0m, null, collateralRatio)], field);

    /// <summary>A tiered schedule.</summary>
    /// <remarks>
    /// A bounded last tier means the published table stops there: a holding above it throws rather
    /// than being valued at a guessed ratio.
    /// </remarks>
    /// <exception cref="InvalidMarginInputException">No tiers, a first floor other than 0, gaps or overlaps, or a ratio outside [0, 1].</exception>
    public static HaircutSchedule Create(HaircutBasis basis, IReadOnlyList<HaircutTier> tiers, string field = "haircut")
    {
        if (tiers is null || tiers.Count == 0)
            throw new InvalidMarginInputException(field, "needs at least one tier");
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            var at = $"{field}.tiers[{i}]";
            var expectedFloor = i == 0 ? 0m : tiers[i - 1].Cap;
            if (tier.Floor != expectedFloor)
                throw new InvalidMarginInputException($"{at}.floor",
                    $"must be {Guard.Show(expectedFloor ?? 0m)} (tiers start at 0 and each floor equals the previous cap) but was {Guard.Show(tier.Floor)}");
            var isLast = i == tiers.Count - 1;
            if (tier.Cap is null && !isLast)
                throw new InvalidMarginInputException($"{at}.cap", "only the last tier may be unbounded");
            if (tier.Cap is { } cap && cap <= tier.Floor)
                throw new InvalidMarginInputException($"{at}.cap", $"must exceed the floor {Guard.Show(tier.Floor)} but was {Guard.Show(cap)}");
            Guard.InRange(tier.CollateralRatio, 0m, 1m, $"{at}.collateralRatio");
        }

        return new HaircutSchedule(basis, [.. tiers], field);
    }

    /// <summary>Whether the last tier has a cap: the publication stops there and a larger holding is not valued.</summary>
    public bool IsBounded => Tiers[^1].Cap is not null;

    /// <summary>
    /// This schedule up to its last cap, then <paramref name="higher"/>'s tiers above that cap (a tier that straddles
    /// the cap starts at it). Unchanged when this one is unbounded.
    /// </summary>
    /// <param name="higher">A schedule from 0 on the same basis whose tiers above this one's cap extend it; those below are ignored.</param>
    /// <param name="field">Name of <paramref name="higher"/> for messages, e.g. <c>supplied.haircuts[BTC]</c>.</param>
    /// <exception cref="InvalidMarginInputException">Another basis, or <paramref name="higher"/> does not run past the cap.</exception>
    public HaircutSchedule ExtendedBy(HaircutSchedule higher, string field)
    {
        ArgumentNullException.ThrowIfNull(higher);
        if (Tiers[^1].Cap is not { } top)
            return this;
        if (higher.Basis != Basis)
            throw new InvalidMarginInputException($"{field}.basis", $"must be {Basis.ToString().ToLowerInvariant()}, the basis of the schedule it extends, but was {higher.Basis.ToString().ToLowerInvariant()}");
        var above = higher.Tiers.Where(t => t.Cap is null || t.Cap > top).ToList();
        if (above.Count == 0)
            throw new InvalidMarginInputException(field, $"stops at {Guard.Show(higher.Tiers[^1].Cap ?? 0m)}, not above the profile's last cap {Guard.Show(top)} that it extends");
        return Create(Basis, [.. Tiers, .. above.Select(t => t with { Floor = Math.Max(t.Floor, top) })], field);
    }

    /// <summary>
    /// USD collateral value of <paramref name="quantity"/> coins at <paramref name="indexPrice"/>.
    /// Only a positive holding is discounted; a borrow (negative) counts at 100%.
    /// </summary>
    public decimal CollateralValue(decimal quantity, decimal indexPrice)
    {
        if (quantity <= 0m)
            return quantity * indexPrice;
        var amount = Basis == HaircutBasis.Quantity ? quantity : quantity * indexPrice;
        if (Tiers[^1].Cap is { } top && amount > top)
            throw new InvalidMarginInputException(_field,
                $"a holding of {Guard.Show(amount)} ({(Basis == HaircutBasis.Quantity ? "coins" : "USD")}) is above the last tier's cap {Guard.Show(top)}: the published tiers stop there: supply a schedule for this asset in the book's \"supplied\" section or with RiskProfile.WithSupplement; its tiers above {Guard.Show(top)} extend these");
        var counted = 0m;
        foreach (var tier in Tiers)
        {
            if (amount <= tier.Floor)
                break;
            var upTo = tier.Cap is { } cap ? Math.Min(amount, cap) : amount;
            counted += (upTo - tier.Floor) * tier.CollateralRatio;
        }

        return Basis == HaircutBasis.Quantity ? counted * indexPrice : counted;
    }
}
