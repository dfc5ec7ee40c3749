using System.Collections.Immutable;
using MarginEngine.Errors;

namespace MarginEngine.Brackets;

/// <summary>
/// The leverage brackets of one instrument, contiguous from zero with non-decreasing MMR and
/// non-increasing leverage. cum follows <c>cum_n = floor_n x (mmr_n - mmr_(n-1)) + cum_(n-1)</c>, cum_1 = 0.
/// </summary>
public sealed class BracketSchedule
{
    /// <summary>Largest difference accepted between a published cum and the derived one (rounding in publications).</summary>
    public const decimal MaintenanceAmountTolerance = 0.01m;

    private BracketSchedule(ImmutableArray<LeverageBracket> brackets) => Brackets = brackets;

    /// <summary>The brackets, lowest notional first.</summary>
    public ImmutableArray<LeverageBracket> Brackets { get; }

    /// <summary>Builds a schedule from published tiers, deriving or checking every cum.</summary>
    /// <param name="tiers">Tiers sorted by floor; the first floor is 0; each floor equals the previous cap.</param>
    /// <param name="field">Name of the schedule for messages, e.g. <c>brackets[BTCUSDT]</c>.</param>
    /// <exception cref="InvalidMarginInputException">Empty, unsorted, overlapping or gapped tiers, a rate outside (0, 1), a leverage below 1, or a cum that disagrees.</exception>
    public static BracketSchedule Create(IReadOnlyList<BracketTier> tiers, string field = "brackets")
    {
        if (tiers is null || tiers.Count == 0)
            throw new InvalidMarginInputException(field, "needs at least one bracket");

        var result = ImmutableArray.CreateBuilder<LeverageBracket>(tiers.Count);
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            var at = $"{field}[{i}]";
            var previous = i == 0 ? null : result[i - 1];
            var expectedFloor = previous?.NotionalCap ?? 0m;
            if (tier.NotionalFloor != expectedFloor)
                throw new InvalidMarginInputException($"{at}.notionalFloor",
                    $"must be {Guard.Show(expectedFloor)} (brackets start at 0 and each floor equals the previous cap) but was {Guard.Show(tier.NotionalFloor)}");
            var isLast = i == tiers.Count - 1;
            if (tier.NotionalCap is null && !isLast)
                throw new InvalidMarginInputException($"{at}.notionalCap", "only the last bracket may be unbounded");
            var cap = tier.NotionalCap ?? decimal.MaxValue;
            if (cap <= tier.NotionalFloor)
                throw new InvalidMarginInputException($"{at}.notionalCap", $"must exceed the floor {Guard.Show(tier.NotionalFloor)} but was {Guard.Show(cap)}");
            if (tier.MaintenanceMarginRate <= 0m || tier.MaintenanceMarginRate >= 1m)
                throw new InvalidMarginInputException($"{at}.maintenanceMarginRate", $"must be in (0, 1) but was {Guard.Show(tier.MaintenanceMarginRate)}");
            if (tier.MaxLeverage < 1m)
                throw new InvalidMarginInputException($"{at}.maxLeverage", $"must be >= 1 but was {Guard.Show(tier.MaxLeverage)}");
            if (previous is not null && tier.MaintenanceMarginRate < previous.MaintenanceMarginRate)
                throw new InvalidMarginInputException($"{at}.maintenanceMarginRate", "must not fall as notional grows");
            if (previous is not null && tier.MaxLeverage > previous.MaxLeverage)
                throw new InvalidMarginInputException($"{at}.maxLeverage", "must not rise as notional grows");
            if (1m / tier.MaxLeverage < tier.MaintenanceMarginRate)
                throw new InvalidMarginInputException($"{at}.maxLeverage",
                    $"initial margin rate 1/{Guard.Show(tier.MaxLeverage)} is below the maintenance margin rate {Guard.Show(tier.MaintenanceMarginRate)}");

            var cum = previous is null
                ? 0m
                : tier.NotionalFloor * (tier.MaintenanceMarginRate - previous.MaintenanceMarginRate) + previous.MaintenanceAmount;
            if (tier.MaintenanceAmount is { } stated && Math.Abs(stated - cum) > MaintenanceAmountTolerance)
                throw new InvalidMarginInputException($"{at}.maintenanceAmount",
                    $"is {Guard.Show(stated)} but continuity across brackets requires {Guard.Show(cum)}");

            result.Add(new LeverageBracket(i + 1, tier.NotionalFloor, cap, tier.MaxLeverage, tier.MaintenanceMarginRate, cum));
        }

        return new BracketSchedule(result.MoveToImmutable());
    }

    /// <summary>Whether the last bracket has a cap: the publication stops there and a larger notional is not margined.</summary>
    public bool IsBounded => Brackets[^1].NotionalCap != decimal.MaxValue;

    /// <summary>
    /// This schedule up to its last cap, then <paramref name="higher"/>'s brackets above that cap (a bracket that
    /// straddles the cap starts at it); cum continues by the continuity rule. Unchanged when this one is unbounded.
    /// </summary>
    /// <param name="higher">A schedule from 0 whose brackets above this one's cap extend it; those below are ignored.</param>
    /// <param name="field">Name of <paramref name="higher"/> for messages, e.g. <c>supplied.brackets[BTCUSDT]</c>.</param>
    /// <exception cref="InvalidMarginInputException"><paramref name="higher"/> does not run past the cap, or the joined brackets break a rule of <see cref="Create"/>.</exception>
    public BracketSchedule ExtendedBy(BracketSchedule higher, string field)
    {
        ArgumentNullException.ThrowIfNull(higher);
        if (!IsBounded)
            return this;
        var top = Brackets[^1].NotionalCap;
        var above = higher.Brackets.Where(b => b.NotionalCap > top).ToList();
        if (above.Count == 0)
            throw new InvalidMarginInputException(field, $"stops at {Guard.Show(higher.Brackets[^1].NotionalCap)}, not above the profile's last cap {Guard.Show(top)} that it extends");
        var tiers = Brackets.Select(b => new BracketTier(b.NotionalFloor, b.NotionalCap, b.MaxLeverage, b.MaintenanceMarginRate, b.MaintenanceAmount))
            .Concat(above.Select(b => new BracketTier(Math.Max(b.NotionalFloor, top), b.NotionalCap == decimal.MaxValue ? null : b.NotionalCap,
                b.MaxLeverage, b.MaintenanceMarginRate)))
            .ToList();
        return Create(tiers, field);
    }

    /// <summary>The bracket whose [floor, cap) holds <paramref name="notional"/>; the last bracket above its cap.</summary>
    /// <exception cref="InvalidMarginInputException">Negative notional.</exception>
    public LeverageBracket Find(decimal notional)
    {
        Guard.NonNegative(notional, "notional");
        foreach (var bracket in Brackets)
        {
            if (notional < bracket.NotionalCap)
                return bracket;
        }

        return Brackets[^1];
    }

    /// <summary>Maintenance margin of a position of <paramref name="notional"/>: notional x mmr - cum of its bracket.</summary>
    public decimal MaintenanceMargin(decimal notional) => Find(notional).MaintenanceMargin(notional);
}
