using System.Collections.Frozen;
using System.Collections.Immutable;

namespace MarginEngine.Profiles;

/// <summary>
/// What a profile says about its own figures: its source and date, notes, the source of each table
/// (keyed <c>brackets:KEY</c>, <c>sizeScaled:KEY</c>, <c>haircuts:ASSET</c>, <c>options</c>,
/// <c>portfolio:UNIT</c>), and the figures it leaves to the user because the venue's are not published
/// in the material it follows.
/// </summary>
public sealed class ProfileProvenance
{
    /// <summary>No provenance recorded (a user's own profile).</summary>
    public static ProfileProvenance None { get; } = new(null, null, null, null, null);

    /// <summary>Creates the provenance.</summary>
    public ProfileProvenance(string? source, string? asOf, string? notes,
        IReadOnlyDictionary<string, TableSource>? tables, IEnumerable<string>? userSupplied)
    {
        Source = source;
        AsOf = asOf;
        Notes = notes;
        Tables = (tables ?? new Dictionary<string, TableSource>()).ToFrozenDictionary(StringComparer.Ordinal);
        UserSupplied = [.. userSupplied ?? []];
    }

    /// <summary>Overall source, or null.</summary>
    public string? Source { get; }

    /// <summary>Overall date, or null.</summary>
    public string? AsOf { get; }

    /// <summary>Free-text notes (assumptions, what is missing), or null.</summary>
    public string? Notes { get; }

    /// <summary>Source of each table by key.</summary>
    public IReadOnlyDictionary<string, TableSource> Tables { get; }

    /// <summary>
    /// Figures the profile leaves to the user, keyed like <see cref="Tables"/>
    /// (e.g. <c>brackets:ETH/USDT perpetual</c>, <c>haircuts:SOL</c>, <c>options</c>).
    /// </summary>
    public ImmutableArray<string> UserSupplied { get; }
}
