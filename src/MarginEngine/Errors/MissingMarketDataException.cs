namespace MarginEngine.Errors;

/// <summary>
/// Thrown when a price or volatility the calculation needs is absent from the market snapshot.
/// Missing data never counts as zero.
/// </summary>
public sealed class MissingMarketDataException : KeyNotFoundException
{
    /// <summary>Creates the exception for a missing <paramref name="kind"/> (e.g. "index price") of <paramref name="id"/>.</summary>
    public MissingMarketDataException(string kind, string id)
        : base($"market snapshot has no {kind} for '{id}'")
    {
        Kind = kind;
        Id = id;
    }

    /// <summary>What is missing: "index price", "mark price" or "implied volatility".</summary>
    public string Kind { get; }

    /// <summary>The asset or instrument id whose value is missing.</summary>
    public string Id { get; }
}
