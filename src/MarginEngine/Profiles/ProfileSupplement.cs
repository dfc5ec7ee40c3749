using System.Collections.Frozen;
using MarginEngine.Brackets;
using MarginEngine.Collateral;
using MarginEngine.Errors;

namespace MarginEngine.Profiles;

/// <summary>
/// Figures a user supplies where a profile has none: brackets or size-scaled rules by product key,
/// haircut schedules by asset, standard option rates. A supplement fills gaps only; it never
/// replaces a figure the profile has, but where the profile's brackets or haircut tiers stop at a
/// cap, its schedule under the same key extends them above that cap (docs/presets.md §User-supplied figures).
/// </summary>
public sealed class ProfileSupplement
{
    /// <summary>Creates a supplement; <paramref name="label"/> names it in reports, e.g. <c>book</c>.</summary>
    public ProfileSupplement(
        string label,
        IReadOnlyDictionary<string, BracketSchedule>? brackets = null,
        IReadOnlyDictionary<string, SizeScaledMargin>? sizeScaled = null,
        IReadOnlyDictionary<string, HaircutSchedule>? haircuts = null,
        OptionMarginRates? options = null)
    {
        Label = Guard.Id(label, "supplied.label");
        Brackets = (brackets ?? new Dictionary<string, BracketSchedule>()).ToFrozenDictionary(StringComparer.Ordinal);
        SizeScaled = (sizeScaled ?? new Dictionary<string, SizeScaledMargin>()).ToFrozenDictionary(StringComparer.Ordinal);
        Haircuts = (haircuts ?? new Dictionary<string, HaircutSchedule>()).ToFrozenDictionary(StringComparer.Ordinal);
        Options = options;
        foreach (var key in Brackets.Keys.Intersect(SizeScaled.Keys))
            throw new InvalidMarginInputException($"supplied.sizeScaled[{key}]", "is also given as brackets; give one rule per key");
    }

    /// <summary>Name shown beside supplied figures.</summary>
    public string Label { get; }

    /// <summary>Leverage brackets by instrument id or product key.</summary>
    public IReadOnlyDictionary<string, BracketSchedule> Brackets { get; }

    /// <summary>Size-scaled rules by instrument id or product key.</summary>
    public IReadOnlyDictionary<string, SizeScaledMargin> SizeScaled { get; }

    /// <summary>Haircut schedules by asset id.</summary>
    public IReadOnlyDictionary<string, HaircutSchedule> Haircuts { get; }

    /// <summary>Standard option margin rates, or null.</summary>
    public OptionMarginRates? Options { get; }
}
